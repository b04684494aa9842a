package org.flickrdynamic.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search walks over 12,000 results, three times Flickr's cap: the sandbox enforces the cap as Flickr
 * does, and the walk must still give every photo exactly once, in the order asked for.
 */
class SplitSearchTest {
    /** The method table's cap on one search's results. */
    private static final int SEARCH_CAP = org.flickrdynamic.table.MethodTable.bundled().find("flickr.photos.search")
            .orElseThrow().maxResults();
    private static final int PHOTOS = 12_000;
    private static Sandbox sandbox;
    private static FlickrClient client;
    private static List<String> newestFirst;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().syntheticPhotos(PHOTOS).start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .build();
        newestFirst = sandbox.photoIds();
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

    private static List<String> ids(Walk<Element> walk) {
        return walk.map(p -> p.attributeValue("id")).toList();
    }

    private static void assertNoRequestPastTheCap() {
        for (RecordedRequest r : sandbox.requests()) {
            int page = Integer.parseInt(r.param("page"));
            int perPage = Integer.parseInt(r.params().getOrDefault("per_page", "100"));
            assertTrue((long) (page - 1) * perPage < SEARCH_CAP, "asked past the cap: " + r);
        }
    }

    @Test
    void theCapIsRealInTheSandbox() {
        Element page8 = client.call("photos.search", "min_upload_date", 0, "per_page", 500, "page", 8).element("photos");
        Element page9 = client.call("photos.search", "min_upload_date", 0, "per_page", 500, "page", 9).element("photos");
        assertEquals("12000", page9.attributeValue("total"), "total stays true");
        assertEquals("24", page9.attributeValue("pages"));
        assertEquals(page8.elements("photo").get(0).attributeValue("id"), page9.elements("photo").get(0).attributeValue("id"),
                "past 4,000 results the last page comes again");
    }

    @Test
    void everyPhotoExactlyOnceNewestFirst() {
        List<String> walked = ids(client.walk("photos.search", "min_upload_date", 0, "per_page", 500));
        assertEquals(PHOTOS, walked.size());
        assertEquals(PHOTOS, new HashSet<>(walked).size(), "no photo twice");
        assertEquals(newestFirst, walked, "all of them, in Flickr's default order");
        assertNoRequestPastTheCap();
        assertTrue(sandbox.requests().stream().allMatch(r -> r.param("min_upload_date") != null
                || r.param("max_upload_date") == null), "ranges bound both ends");
        long ranged = sandbox.requests().stream().filter(r -> r.param("min_upload_date") != null).count();
        assertTrue(ranged >= 3, "split into ranges: " + ranged);
    }

    @Test
    void ascendingUploadsWalkTheRangesOldestFirst() {
        List<String> walked = ids(client.walk("photos.search", "min_upload_date", 0, "per_page", 400, "sort", "date-posted-asc"));
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        assertEquals(oldestFirst, walked);
        assertNoRequestPastTheCap();
    }

    @Test
    void takenDateSortsSplitByTakenDate() {
        List<String> walked = ids(client.walk("photos.search", "min_upload_date", 0, "per_page", 500, "sort", "date-taken-desc"));
        assertEquals(newestFirst, walked, "synthetic photos are taken a day before upload, so the order is the same");
        assertTrue(sandbox.requests().stream().anyMatch(r -> r.param("min_taken_date") != null));
        assertTrue(sandbox.requests().stream().allMatch(r -> "0".equals(r.param("min_upload_date"))
                && r.param("max_upload_date") == null), "the upload bound given is kept as it is, not split");
        assertNoRequestPastTheCap();
    }

    @Test
    void theUsersOwnBoundsAreKeptAndSplitWithin() {
        // The photos uploaded in 2016 to 2022 inclusive: more than 4,000 of the 12,000.
        long from = 1_451_606_400L; // 2016-01-01T00:00:00Z
        long to = 1_672_531_199L;   // 2022-12-31T23:59:59Z
        List<String> walked = ids(client.walk("photos.search", "per_page", 500, "min_upload_date", from,
                "max_upload_date", to));
        Set<String> expected = new HashSet<>();
        for (Element p : client.walk("photos.search", "min_upload_date", 0, "per_page", 500, "extras", "date_upload")) {
            long up = Long.parseLong(p.attributeValue("dateupload"));
            if (up >= from && up <= to) {
                expected.add(p.attributeValue("id"));
            }
        }
        assertTrue(expected.size() > SEARCH_CAP, "the bounds still hold more than the cap: " + expected.size());
        assertEquals(expected.size(), walked.size());
        assertEquals(expected, new HashSet<>(walked));
    }

    @Test
    void aGivenPageOfASplitSearchStartsThatFarIn() {
        List<String> walked = ids(client.walk("photos.search", "min_upload_date", 0, "per_page", 500, "page", 11));
        assertEquals(newestFirst.subList(5_000, PHOTOS), walked);
    }

    @Test
    void otherSortsAreWalkedByUploadDateOnceSplit() {
        List<String> walked = ids(client.walk("photos.search", "min_upload_date", 0, "per_page", 500, "sort", "interestingness-desc"));
        assertEquals(newestFirst, walked);
        assertTrue(sandbox.requests().stream().skip(1).allMatch(r -> "date-posted-desc".equals(r.param("sort"))));
    }

    @Test
    void aQueryWithinTheCapIsNotSplit() {
        List<String> walked = ids(client.walk("photos.search", "tags", "cat", "per_page", 500));
        Element first = client.call("photos.search", "tags", "cat", "per_page", 1).element("photos");
        int total = Integer.parseInt(first.attributeValue("total"));
        assertTrue(total <= SEARCH_CAP, "cat is in fewer than 4,000 photos: " + total);
        assertEquals(total, walked.size());
        assertTrue(sandbox.requests().stream().noneMatch(r -> r.param("min_upload_date") != null));
    }
}
