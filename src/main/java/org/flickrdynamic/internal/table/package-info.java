/**
 * The method table's help text and the writer of {@code methods refresh}.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.table;
