package org.flickrdynamic.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Walks over the sandbox's default data set: laziness, start pages, the table's list and item names, errors. */
class WalkerTest {
    private static Sandbox sandbox;
    private static FlickrClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @BeforeEach
    void forget() {
        sandbox.clearRequests();
    }

    private static List<RecordedRequest> calls(String method) {
        return sandbox.requests().stream().filter(r -> method.equals(r.param("method"))).toList();
    }

    /** The ids of every page of a search, fetched page by page with plain calls. */
    private static List<String> searchPageByPage(Map<String, Object> args) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, Object> a = new java.util.HashMap<>(args);
            a.put("page", page);
            Element photos = client.call("photos.search", a).element("photos");
            photos.elements("photo").forEach(p -> ids.add(p.attributeValue("id")));
            if (page >= Integer.parseInt(photos.attributeValue("pages"))) {
                return ids;
            }
        }
    }

    @Test
    void walksEveryItemOfEveryPageInOrder() {
        List<String> expected = searchPageByPage(Map.of("tags", "cat", "per_page", 40));
        assertTrue(expected.size() > 120, "several pages: " + expected.size());
        sandbox.clearRequests();
        List<String> walked = client.walk("photos.search", Map.of("tags", "cat", "per_page", 40))
                .map(p -> p.attributeValue("id")).toList();
        assertEquals(expected, walked);
        int pages = (expected.size() + 39) / 40;
        assertEquals(pages, calls("flickr.photos.search").size(), "one request per page, none past the last");
    }

    @Test
    void fetchesOnlyThePagesItNeeds() {
        Walk<Element> walk = client.walk("photos.search", "tags", "cat", "per_page", 25);
        assertEquals(0, sandbox.requests().size(), "nothing is fetched before the walk is used");
        assertEquals(60, walk.limit(60).count());
        assertEquals(3, calls("flickr.photos.search").size());

        sandbox.clearRequests();
        assertTrue(client.walk("photos.search", "tags", "dog").findFirst().isPresent());
        assertEquals(1, sandbox.requests().size());

        sandbox.clearRequests();
        Walk<Element> closing = client.walk("photos.search", "tags", "cat", "per_page", 10);
        Iterator<Element> it = closing.iterator();
        for (int i = 0; i < 10; i++) {
            it.next();
        }
        closing.close();
        assertFalse(it.hasNext(), "a closed walk ends");
        assertEquals(1, sandbox.requests().size(), "and fetches no further page");
    }

    @Test
    void isAnIterableForLoopsAndScripts() {
        int n = 0;
        for (Element photo : client.walk("photos.search", "tags", "snow", "per_page", 30)) {
            assertEquals("photo", photo.getName());
            n++;
        }
        Element first = client.call("photos.search", "tags", "snow", "per_page", 1).element("photos");
        assertEquals(Integer.parseInt(first.attributeValue("total")), n);
        Walk<Element> once = client.walk("photos.search", "tags", "snow");
        once.iterator();
        assertThrows(IllegalStateException.class, once::iterator, "a walk, like a stream, runs once");
    }

    @Test
    void pagesGivesTheListElementsAndAGivenPageStartsThere() {
        List<Element> pages = client.pages("photos.search", "tags", "cat", "per_page", 50).toList();
        assertTrue(pages.size() >= 3, "pages: " + pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertEquals("photos", pages.get(i).getName());
            assertEquals(Integer.toString(i + 1), pages.get(i).attributeValue("page"));
        }
        sandbox.clearRequests();
        List<String> fromThird = client.walk("photos.search", "tags", "cat", "per_page", 50, "page", 3)
                .map(p -> p.attributeValue("id")).toList();
        List<String> expected = pages.subList(2, pages.size()).stream()
                .flatMap(p -> p.elements("photo").stream()).map(p -> p.attributeValue("id")).toList();
        assertEquals(expected, fromThird);
        assertEquals("3", calls("flickr.photos.search").get(0).param("page"));
    }

    @Test
    void listAndItemNamesComeFromTheTable() {
        String nsid = sandbox.users().get(0).nsid();
        String setId = client.call("photosets.getList", "user_id", nsid).element("photosets").element("photoset")
                .attributeValue("id");
        List<String> walked = client.walk("photosets.getPhotos", "photoset_id", setId, "user_id", nsid, "per_page", 7)
                .map(p -> p.attributeValue("id")).toList();
        List<String> whole = client.call("photosets.getPhotos", "photoset_id", setId, "user_id", nsid)
                .element("photoset").elements("photo").stream().map(p -> p.attributeValue("id")).toList();
        assertEquals(whole, walked);
        long sets = client.walk("photosets.getList", "user_id", nsid).count();
        assertEquals(client.call("photosets.getList", "user_id", nsid).element("photosets").elements("photoset").size(),
                sets);
    }

    @Test
    void anEmptyFirstPageIsAnEmptyWalk() {
        assertEquals(0, client.walk("photos.search", "tags", "no-such-tag").count());
        assertEquals(1, sandbox.requests().size());
    }

    @Test
    void methodsThatCannotBeWalkedFailBeforeAnyRequest() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> client.walk("test.echo", "a", "b"));
        assertTrue(e.getMessage().contains("it is not paged"), e.getMessage());

        MethodSpec search = MethodTable.bundled().find("flickr.photos.search").orElseThrow();
        MethodSpec unpaged = new MethodSpec(search.name(), search.description(), search.source(), search.needsLogin(),
                search.needsSigning(), search.permission(), search.httpVerb(), search.arguments(), null, search.errors(),
                null, null);
        try (FlickrClient c = client.newBuilder().methodTable(new MethodTable("test", List.of(unpaged), Map.of()))
                .build()) {
            e = assertThrows(FlickrArgumentException.class, () -> c.walk("photos.search", "tags", "cat"));
            assertTrue(e.getMessage().contains("takes page and per_page, but the method table does not say how its"
                    + " answer is paged"), e.getMessage());
        }
        e = assertThrows(FlickrArgumentException.class, () -> client.walk("photos.serach", "tags", "cat"));
        assertTrue(e.getMessage().contains("flickr.photos.search"), "suggests the name: " + e.getMessage());
        e = assertThrows(FlickrArgumentException.class, () -> client.walk("photos.search", "page", "zero"));
        assertTrue(e.getMessage().contains("page must be a whole number from 1, not 'zero'"), e.getMessage());
        assertEquals(0, sandbox.requests().size());
    }

    @Test
    void callErrorsSurfaceWhenTheFirstPageIsFetched() {
        Walk<Element> walk = client.walk("people.getPhotos", "user_id", "nobody@N00");
        assertThrows(FlickrApiException.class, walk::count);
        Walk<Element> missing = client.walk("photosets.getPhotos", Map.of());
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, missing::count);
        assertTrue(e.getMessage().contains("photoset_id"), e.getMessage());
    }

    @Test
    void theFacadeWalksWithItsCurrentSettings() {
        String before = org.flickrdynamic.Flickr.currentApiKey();
        org.flickrdynamic.Flickr.baseUrl(sandbox.baseUrl());
        org.flickrdynamic.Flickr.currentApiKey(sandbox.apiKey());
        try {
            Map<String, Long> perOwner = org.flickrdynamic.Flickr.walk("photos.search", "tags", "beach")
                    .collect(Collectors.groupingBy(p -> p.attributeValue("owner"), Collectors.counting()));
            assertEquals(client.call("photos.search", "tags", "beach").element("photos").attributeValue("total"),
                    Long.toString(perOwner.values().stream().mapToLong(Long::longValue).sum()));
            assertEquals(2, org.flickrdynamic.Flickr.pages("photos.search", "tags", "beach", "per_page", 2).limit(2).count());
        } finally {
            org.flickrdynamic.Flickr.endpoints(org.flickrdynamic.transport.Endpoints.FLICKR);
            org.flickrdynamic.Flickr.currentApiKey(before);
        }
    }
}
