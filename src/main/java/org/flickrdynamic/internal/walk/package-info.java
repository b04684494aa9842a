/**
 * Walking a paged method's pages, and splitting capped searches into date ranges.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.walk;
