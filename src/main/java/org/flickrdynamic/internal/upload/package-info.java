/**
 * Uploads and replaces: the multipart body, streamed from the file, sent through the request path.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.upload;
