/**
 * The one retry rule, from a failure's kind and the call's nature, and {@code Retry-After}.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.retry;
