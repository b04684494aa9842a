/**
 * Reading answers: secure, fast XML parsing, mapping an answer to a result or an error, and printing.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.response;
