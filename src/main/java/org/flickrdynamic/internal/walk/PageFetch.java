package org.flickrdynamic.internal.walk;

import java.util.Map;

import org.dom4j.Element;

/** Fetches one page of a walk's method: the arguments (page included) in, the list element out. */
@FunctionalInterface
interface PageFetch {
    /** The list element ({@code <photos page pages perpage total>}) of the answer to these arguments. */
    Element fetch(Map<String, String> args);

    /** A whole-number attribute of a page, or {@code -1} when it is missing or unreadable. */
    static long number(Element page, String attribute) {
        String v = page.attributeValue(attribute);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * How many items a page of this query holds: its {@code perpage}, or, where the answer has none, the
     * items it came with; at least 1, so a result offset can be divided by it.
     */
    static long perPage(Element page, String item) {
        long perPage = number(page, "perpage");
        return Math.max(1, perPage > 0 ? perPage : page.elements(item).size());
    }
}
