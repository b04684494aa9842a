/**
 * The method table ({@code methods.yaml}) as values: every method's arguments, error codes,
 * permission, paging and limits. Its loader is package-private.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.table;
