/**
 * Signing: OAuth 1.0a HMAC-SHA1 and the legacy MD5 scheme, RFC 3986 encoding, masking secrets.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.sign;
