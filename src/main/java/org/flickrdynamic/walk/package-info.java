/**
 * {@link org.flickrdynamic.walk.Walk}: every item or page of a paged method, as a stream and an
 * iterable.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.walk;
