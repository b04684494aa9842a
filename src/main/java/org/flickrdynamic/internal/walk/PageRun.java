package org.flickrdynamic.internal.walk;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;

/**
 * The pages of one query, from a start page on, fetched one at a time as they are asked for. It ends
 * at an empty page, or after the page numbered {@code pages} (Flickr answers later pages with the last
 * one again). Where an answer has no {@code pages}, a page that starts with the same item as the one
 * before also ends it, so a server that repeats its last page forever cannot loop the walk. Flickr
 * serves no page past the method table's {@code max_page} (10,000); a query with more pages than that,
 * which could not be split by date, fails when the walk needs the next page rather than give the last again.
 */
final class PageRun implements Iterator<Element> {
    private final PageFetch fetch;
    private final Map<String, String> args;
    private final String item;
    private final int maxPage;
    private int next;
    private Element prefetched;
    private int drop;
    private Element ready;
    private boolean done;
    private String lastFirstId;

    /**
     * @param args       the query's arguments; {@code page} is set here
     * @param item       the item element's name
     * @param startPage  the first page to give
     * @param prefetched that first page when it has been fetched already, else {@code null}
     * @param drop       how many items to leave out of the first page (a walk starting mid-page)
     * @param maxPage    the last page Flickr serves
     */
    PageRun(PageFetch fetch, Map<String, String> args, String item, int startPage, Element prefetched, int drop,
            int maxPage) {
        this.maxPage = maxPage;
        this.fetch = fetch;
        this.args = new LinkedHashMap<>(args);
        this.item = item;
        this.next = startPage;
        this.prefetched = prefetched;
        this.drop = drop;
    }

    @Override
    public boolean hasNext() {
        if (ready != null) {
            return true;
        }
        if (done) {
            return false;
        }
        Element page = prefetched;
        prefetched = null;
        if (page == null && next > maxPage) {
            done = true;
            throw new FlickrArgumentException((String) null, "the walk needs page " + next + ", but Flickr serves"
                    + " no page past " + maxPage + " (later ones repeat it) and this method takes no upload-date"
                    + " range to split the query by; ask for per_page=500, or narrow the query");
        }
        if (page == null) {
            args.put("page", Integer.toString(next));
            page = fetch.fetch(args);
        }
        List<Element> items = page.elements(item);
        String firstId = items.isEmpty() ? null : items.get(0).attributeValue("id");
        long pages = PageFetch.number(page, "pages");
        if (items.isEmpty() || pages < 0 && firstId != null && firstId.equals(lastFirstId)) {
            done = true;
            return false;
        }
        lastFirstId = firstId;
        if (pages >= 0 && next >= pages) {
            done = true;
        }
        next++;
        for (int i = 0; i < drop && i < items.size(); i++) {
            page.remove(items.get(i));
        }
        drop = 0;
        ready = page;
        return true;
    }

    @Override
    public Element next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Element page = ready;
        ready = null;
        return page;
    }
}
