/**
 * Plumbing shared by the library's packages: the version, XML text, the standalone sandbox of
 * {@code bin/flickr sandbox}, and the bridge that lends a client's request path to the OAuth flow.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal;
