package org.flickrdynamic.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flickr serves no page past 10,000: later page numbers answer page 10,000 again. A user with about
 * 12,000 photos, listed one a page, has more pages than that; the walks start near page 10,000 so only
 * a few pages are fetched.
 */
class PageLimitTest {
    /** The last page Flickr serves, as the method table states it. */
    private static final int MAX_PAGE = org.flickrdynamic.table.MethodTable.bundled().maxPage();
    private static Sandbox sandbox;
    private static FlickrClient client;
    private static String user;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().syntheticPhotos(60_000).start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
        user = sandbox.users().get(0).nsid();
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

    private static String onlyId(String method, int page) {
        Element photos = client.call(method, "user_id", user, "per_page", 1, "page", page).element("photos");
        assertTrue(Integer.parseInt(photos.attributeValue("pages")) > MAX_PAGE, photos.attributeValue("pages"));
        return photos.element("photo").attributeValue("id");
    }

    private static List<String> ids(String method, int page, int perPage) {
        return client.call(method, "user_id", user, "per_page", perPage, "page", page).element("photos")
                .elements("photo").stream().map(p -> p.attributeValue("id")).toList();
    }

    @Test
    void theSandboxAnswersPagesPastTenThousandWithPageTenThousand() {
        String last = onlyId("flickr.people.getPublicPhotos", 10_000);
        assertEquals(last, onlyId("flickr.people.getPublicPhotos", 10_001));
        assertEquals(last, onlyId("flickr.people.getPublicPhotos", 11_500));
        assertTrue(!last.equals(onlyId("flickr.people.getPublicPhotos", 9_999)));
    }

    @Test
    void aMethodWithoutDateBoundsFailsAtPageTenThousandAndOneInsteadOfRepeating() {
        List<String> got = new ArrayList<>();
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> client
                .walk("people.getPublicPhotos", Map.of("user_id", user, "per_page", 1, "page", 9_998))
                .forEach(p -> got.add(p.attributeValue("id"))));
        assertTrue(e.getMessage().contains("the walk needs page 10001, but Flickr serves no page past 10000"),
                e.getMessage());
        assertEquals(3, got.size(), "pages 9,998 to 10,000, each once: " + got);
        assertEquals(3, got.stream().distinct().count());
        List<String> pages = sandbox.requests().stream().map(r -> r.param("page")).toList();
        assertEquals(List.of("9998", "9999", "10000"), pages, "page 10,001 was never asked for");
    }

    @Test
    void aMethodWithUploadDateBoundsIsSplitSoTheWalkGoesOnPastPageTenThousand() {
        List<String> walked = client.walk("people.getPhotos", Map.of("user_id", user, "per_page", 1, "page", 9_991))
                .limit(20).map(p -> p.attributeValue("id")).toList();
        // The same photos by direct calls that stay well under page 10,000: items 9,501 to 10,500.
        List<String> expected = new ArrayList<>(ids("flickr.people.getPhotos", 20, 500));
        expected.addAll(ids("flickr.people.getPhotos", 21, 500));
        assertEquals(expected.subList(9_990 - 9_500, 9_990 - 9_500 + 20), walked,
                "items 9,991 to 10,010 in order, none repeated, none lost");
        for (RecordedRequest r : sandbox.requests()) {
            String page = r.param("page");
            assertTrue(page == null || Integer.parseInt(page) <= MAX_PAGE, "asked for page " + page);
        }
    }
}
