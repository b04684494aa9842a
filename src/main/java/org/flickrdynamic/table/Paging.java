package org.flickrdynamic.table;

/**
 * How a paged method's answer carries its items: {@code <photos page=".." pages=".."><photo/>...</photos>}
 * has list element {@code photos} and item element {@code photo}.
 *
 * @param listElement the element holding {@code page}, {@code pages}, {@code perpage}, {@code total}
 * @param itemElement the repeated child element, one per item
 */
public record Paging(String listElement, String itemElement) {
}
