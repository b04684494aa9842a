/**
 * Preparing a call: resolving the method, normalizing the arguments, validating the call against the
 * method table (every problem at once) and suggesting names.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.request;
