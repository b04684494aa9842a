package org.flickrdynamic.table;

/**
 * Limits Flickr puts on every paged method, as the method table states them. A method's own cap on the
 * results of one query is {@link MethodSpec#maxResults()}.
 *
 * @param maxPage the last page Flickr serves: a later page number answers this page again
 *                ({@code 0} when the table states no limit)
 */
public record Limits(int maxPage) {
    /** No limits stated. */
    public static final Limits NONE = new Limits(0);

    /**
     * Whether Flickr serves this page number as itself, not as a repeat of an earlier one.
     *
     * @param page the page number, from 1
     * @return whether Flickr serves this page number as itself, not as a repeat of an earlier one
     */
    public boolean servesPage(long page) {
        return maxPage <= 0 || page <= maxPage;
    }
}
