package org.flickrdynamic.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Flickr's paging of a list: {@code page} from 1, {@code per_page} with a method's default and a cap of
 * 500, and the {@code page}, {@code pages}, {@code perpage}, {@code total} attributes. A page past the
 * last is empty; a page past {@value #MAX_PAGE} holds what page {@value #MAX_PAGE} holds, as on Flickr.
 */
record PageWindow(int page, int perPage, int total) {
    static final int MAX_PER_PAGE = 500;
    /** Flickr serves no page past this one: later page numbers answer it again. */
    static final int MAX_PAGE = 10_000;

    static PageWindow of(Map<String, String> params, int defaultPerPage, int total) {
        int perPage = number(params.get("per_page"), defaultPerPage);
        if (perPage < 1) {
            perPage = defaultPerPage;
        }
        int page = Math.max(1, number(params.get("page"), 1));
        return new PageWindow(page, Math.min(perPage, MAX_PER_PAGE), total);
    }

    private static int number(String s, int fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback; // Flickr ignores a per_page or page it cannot read
        }
    }

    int pages() {
        return (total + perPage - 1) / perPage;
    }

    /** The index of the first item the page holds. */
    long from() {
        return (long) (Math.min(page, MAX_PAGE) - 1) * perPage;
    }

    <T> List<T> slice(List<T> all) {
        long from = from();
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    /** Writes the paging attributes onto an open element. */
    Xml attributes(Xml x) {
        return x.attr("page", page).attr("pages", pages()).attr("perpage", perPage).attr("total", total);
    }
}
