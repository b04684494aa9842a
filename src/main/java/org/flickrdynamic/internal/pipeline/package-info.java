/**
 * The one request path of calls, uploads and logins: prepare (resolve, normalize, validate, sign?,
 * read or write, verb, encode once), then execute (cache, then retries around a rate-limit turn, a fresh
 * signature, the send and the read).
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.pipeline;
