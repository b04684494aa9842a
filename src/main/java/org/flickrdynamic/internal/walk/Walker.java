package org.flickrdynamic.internal.walk;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.request.ArgumentNormalizer;
import org.flickrdynamic.internal.request.MethodResolver;
import org.flickrdynamic.internal.request.Problems;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Paging;
import org.flickrdynamic.walk.Walk;

/**
 * Walks a paged method across all its pages: {@code FlickrClient.walk} and {@code pages}, and the
 * {@code Flickr} facade's, come here.
 *
 * <p>The method table says which element of the answer is the page ({@code <photos page pages perpage
 * total>}) and which are its items ({@code <photo>}). The walk starts at page 1, or at the {@code page}
 * the arguments give, and ends after the last page ({@code pages}) or at an empty one. Where Flickr caps a
 * query (the method table's {@code max_results}: {@code flickr.photos.search} gives at most 4,000 results),
 * or serves no page past the table's {@code max_page}, a query matching more is split into date ranges
 * that each stay within the cap ({@link DateSplit}), so no photo is lost or given twice; the pages are
 * then those of each range in turn.
 */
public final class Walker {

    private Walker() {
    }

    /**
     * The items of every page, lazily: each page is fetched when the walk reaches it.
     *
     * @param args arguments as for {@link FlickrClient#call(String, Map)}; a {@code page} argument starts there
     * @throws FlickrArgumentException at once when the method is unknown or not paged, or the arguments
     *                                 cannot be converted; at the first page when the call is wrong
     */
    public static Walk<Element> items(FlickrClient client, String method, Map<?, ?> args) {
        Start start = start(client, method, args);
        Iterator<Element> pages = start.pages();
        String item = start.paging.itemElement();
        Iterator<Element> items = new Concat<>(() -> pages.hasNext() ? pages.next().elements(item).iterator() : null);
        return walk(items, start);
    }

    /**
     * The page elements ({@code <photos>} ...), lazily, each holding its items.
     *
     * @throws FlickrArgumentException as {@link #items}
     */
    public static Walk<Element> pages(FlickrClient client, String method, Map<?, ?> args) {
        Start start = start(client, method, args);
        return walk(start.pages(), start);
    }

    /** The items of every page; arguments as alternating keys and values. */
    public static Walk<Element> items(FlickrClient client, String method, Object... keysAndValues) {
        return items(client, method, pairs(method, keysAndValues));
    }

    /** The page elements; arguments as alternating keys and values. */
    public static Walk<Element> pages(FlickrClient client, String method, Object... keysAndValues) {
        return pages(client, method, pairs(method, keysAndValues));
    }

    private static Map<String, String> pairs(String method, Object[] keysAndValues) {
        Problems problems = new Problems();
        Map<String, String> args = ArgumentNormalizer.normalizePairs(keysAndValues, problems);
        problems.throwIfAny(method);
        return args;
    }

    private static Walk<Element> walk(Iterator<Element> iterator, Start start) {
        Iterator<Element> stoppable = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !start.closed && iterator.hasNext();
            }

            @Override
            public Element next() {
                if (start.closed) {
                    throw new NoSuchElementException("the walk was closed");
                }
                return iterator.next();
            }
        };
        Spliterator<Element> spliterator = Spliterators.spliteratorUnknownSize(stoppable,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return Walk.of(StreamSupport.stream(spliterator, false).onClose(() -> start.closed = true));
    }

    private static Start start(FlickrClient client, String method, Map<?, ?> args) {
        if (client == null) {
            throw new FlickrArgumentException(method, "no client to walk with");
        }
        MethodSpec spec = MethodResolver.resolve(client.table(), method);
        Paging paging = spec.paging();
        if (paging == null) {
            boolean pageArgs = spec.argument("page").isPresent() || spec.argument("per_page").isPresent();
            throw new FlickrArgumentException(spec.name(), pageArgs
                    ? "it takes page and per_page, but the method table does not say how its answer is paged"
                            + " (no paging entry naming the list and item elements), so it cannot be walked;"
                            + " call it page by page"
                    : "it is not paged (it takes no page argument), so there is nothing to walk; call it once");
        }
        Problems problems = new Problems();
        Map<String, String> given = ArgumentNormalizer.normalize(args, problems);
        problems.throwIfAny(spec.name());
        int page = 1;
        String p = given.remove("page");
        if (p != null) {
            try {
                page = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1) {
                throw new FlickrArgumentException(spec.name(), "page must be a whole number from 1, not '" + p + "'");
            }
        }
        return new Start(client, spec, paging, given, page);
    }

    /** A walk not yet begun: its first page is fetched when the walk is first asked for an element. */
    private static final class Start {
        final FlickrClient client;
        final MethodSpec spec;
        final Paging paging;
        final Map<String, String> args;
        final int page;
        volatile boolean closed;

        Start(FlickrClient client, MethodSpec spec, Paging paging, Map<String, String> args, int page) {
            this.client = client;
            this.spec = spec;
            this.paging = paging;
            this.args = args;
            this.page = page;
        }

        Element fetch(Map<String, String> callArgs) {
            Element rsp = client.call(spec.name(), callArgs);
            Element list = rsp.element(paging.listElement());
            if (list == null) {
                List<Element> children = rsp.elements();
                throw new FlickrTransportException(spec.name() + " answered without the <" + paging.listElement()
                        + "> element the method table names as its page"
                        + (children.isEmpty() ? "" : " (it holds <" + children.get(0).getName() + ">)"), 0, false, null);
            }
            return list;
        }

        /** The pages: the first is fetched to learn the total, then either walked on or split by date. */
        Iterator<Element> pages() {
            return new Iterator<>() {
                private Iterator<Element> pages;

                private Iterator<Element> pages() {
                    if (pages == null) {
                        pages = choose();
                    }
                    return pages;
                }

                @Override
                public boolean hasNext() {
                    return pages().hasNext();
                }

                @Override
                public Element next() {
                    return pages().next();
                }
            };
        }

        /** Whether the method takes an upload-date range, so a capped query can be cut into parts that fit. */
        private boolean splittable() {
            return spec.argument("min_upload_date").isPresent() && spec.argument("max_upload_date").isPresent();
        }

        private Iterator<Element> choose() {
            Map<String, String> first = new LinkedHashMap<>(args);
            first.put("page", Integer.toString(page));
            Element firstPage = fetch(first);
            long total = PageFetch.number(firstPage, "total");
            long perPage = PageFetch.perPage(firstPage, paging.itemElement());
            // Past the last page it serves Flickr repeats itself, so a query reaches no further results.
            int maxPage = maxPage();
            long cap = Math.min(spec.maxResults() > 0 ? spec.maxResults() : Integer.MAX_VALUE, maxPage * perPage);
            if (total > cap && splittable()) {
                return new Concat<>(new DateSplit(this::fetch, args, paging.itemElement(),
                        (int) Math.min(cap, Integer.MAX_VALUE), (page - 1) * perPage)::nextPart);
            }
            return new PageRun(this::fetch, args, paging.itemElement(), page, firstPage, 0, maxPage);
        }

        /** The last page Flickr serves, from the method table; unlimited when the table states none. */
        private int maxPage() {
            int max = client.table().maxPage();
            return max > 0 ? max : Integer.MAX_VALUE;
        }
    }
}
