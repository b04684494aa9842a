package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dom4j.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flickr's paging arithmetic on the list methods: page, pages, perpage, total, defaults and the cap. */
class PagingTest {
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Element search(String... namesAndValues) throws Exception {
        return http.list("photos", http.call("flickr.photos.search", namesAndValues));
    }

    @Test
    void everyPageButTheLastIsFullAndThePagesAddUpToTheTotalWithoutRepeats() throws Exception {
        Element first = search("tags", "cat", "per_page", "37");
        int total = total(first);
        int pages = Integer.parseInt(first.attributeValue("pages"));
        assertTrue(total > 3 * 37 && total % 37 != 0, "enough cats for several pages and a partial last one: " + total);
        assertEquals((total + 36) / 37, pages);
        Seen seen = new Seen();
        for (int page = 1; page <= pages; page++) {
            Element list = search("tags", "cat", "per_page", "37", "page", Integer.toString(page));
            assertEquals(Integer.toString(page), list.attributeValue("page"));
            assertEquals("37", list.attributeValue("perpage"));
            assertEquals(Integer.toString(total), list.attributeValue("total"));
            assertEquals(Integer.toString(pages), list.attributeValue("pages"));
            List<Element> items = list.elements("photo");
            assertEquals(page < pages ? 37 : total % 37, items.size(), "page " + page);
            items.forEach(e -> seen.addOnce(e.attributeValue("id")));
        }
        assertEquals(total, seen.size());
    }

    @Test
    void aPagePastTheLastIsEmptyButKeepsTheCounts() throws Exception {
        Element first = search("tags", "dog", "per_page", "50");
        int pages = Integer.parseInt(first.attributeValue("pages"));
        Element past = search("tags", "dog", "per_page", "50", "page", Integer.toString(pages + 1));
        assertTrue(past.elements().isEmpty());
        assertEquals(Integer.toString(pages + 1), past.attributeValue("page"));
        assertEquals(first.attributeValue("total"), past.attributeValue("total"));
        assertEquals(first.attributeValue("pages"), past.attributeValue("pages"));
    }

    @Test
    void perPageDefaultsTo100AndIsCappedAt500() throws Exception {
        Element dflt = search("min_upload_date", "0"); // Flickr refuses a search without a filter
        assertEquals("100", dflt.attributeValue("perpage"));
        assertEquals(100, dflt.elements("photo").size());
        Element capped = search("min_upload_date", "0", "per_page", "900");
        assertEquals("500", capped.attributeValue("perpage"));
        assertEquals(500, capped.elements("photo").size());
        assertEquals(Integer.toString((total(capped) + 499) / 500), capped.attributeValue("pages"));
        assertEquals("100", search("min_upload_date", "0", "per_page", "lots").attributeValue("perpage"), "an unreadable per_page is ignored");
        assertEquals("1", search("min_upload_date", "0", "page", "0").attributeValue("page"), "pages start at 1");
    }

    @Test
    void anEmptyResultHasNoPages() throws Exception {
        Element none = search("tags", "nosuchtag");
        assertEquals("0", none.attributeValue("total"));
        assertEquals("0", none.attributeValue("pages"));
        assertTrue(none.elements().isEmpty());
    }

    @Test
    void setsDefaultTo500PerPageAndPageToo() throws Exception {
        String nsid = sandbox.users().get(0).nsid();
        Element sets = http.list("photosets", http.call("flickr.photosets.getList", "user_id", nsid));
        assertEquals("500", sets.attributeValue("perpage"));
        Element set = sets.elements("photoset").get(0);
        Map<String, String> call = http.call("flickr.photosets.getPhotos", "photoset_id", set.attributeValue("id"),
                "user_id", nsid);
        Element all = http.list("photoset", call);
        assertEquals("500", all.attributeValue("perpage"));
        assertEquals(total(all), all.elements("photo").size());
        List<String> paged = http.allIds("photoset", call, 7);
        assertEquals(all.elements("photo").stream().map(e -> e.attributeValue("id")).toList(), paged,
                "seven at a time gives the same photos in the same order");
    }

    @Test
    void peopleListsPageLikeSearch() throws Exception {
        String nsid = sandbox.users().get(2).nsid();
        Map<String, String> call = http.call("flickr.people.getPublicPhotos", "user_id", nsid);
        Element first = http.list("photos", call);
        assertEquals("100", first.attributeValue("perpage"));
        List<String> ids = http.allIds("photos", call, 45);
        assertEquals(total(first), ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    /** A set of ids that fails on a repeat. */
    private static final class Seen {
        private final Set<String> ids = new HashSet<>();

        void addOnce(String id) {
            assertTrue(ids.add(id), "photo " + id + " listed twice");
        }

        int size() {
            return ids.size();
        }
    }
}
