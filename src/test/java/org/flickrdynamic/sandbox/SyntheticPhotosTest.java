package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.junit.jupiter.api.Test;

/** A large synthetic data set made on demand, and search's 4,000-result cap, as Flickr has it. */
class SyntheticPhotosTest {
    private static FlickrClient client(Sandbox s) {
        return FlickrClient.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey()).secret(s.secret()).build();
    }

    @Test
    void aHundredThousandPhotosWithDistinctUploadSeconds() {
        try (Sandbox s = Sandbox.builder().syntheticPhotos(100_000).seed(7).start(); FlickrClient c = client(s)) {
            Element newest = c.call("photos.search", "min_upload_date", 0, "per_page", 500, "extras", "date_upload,date_taken")
                    .element("photos");
            assertEquals("100000", newest.attributeValue("total"));
            List<Element> photos = newest.elements("photo");
            for (int i = 1; i < photos.size(); i++) {
                long before = Long.parseLong(photos.get(i - 1).attributeValue("dateupload"));
                long after = Long.parseLong(photos.get(i).attributeValue("dateupload"));
                assertTrue(after < before, "distinct upload seconds, newest first");
                assertTrue(Long.parseLong(photos.get(i).attributeValue("id"))
                        < Long.parseLong(photos.get(i - 1).attributeValue("id")), "ids grow with the upload date");
            }
            Element p = photos.get(0);
            Element info = c.call("photos.getInfo", "photo_id", p.attributeValue("id")).element("photo");
            assertEquals(p.attributeValue("secret"), info.attributeValue("secret"), "the same photo wherever it is read");
            assertEquals(p.attributeValue("datetaken"), info.element("dates").attributeValue("taken"));
            String oldest = s.photoIds().get(99_999);
            Element last = c.call("photos.search", "min_upload_date", 0, "per_page", 1, "sort", "date-posted-asc").element("photos");
            assertEquals(oldest, last.element("photo").attributeValue("id"));
            assertEquals(0, c.call("photosets.getList", "user_id", s.users().get(0).nsid()).element("photosets")
                    .elements("photoset").size(), "no sets");
        }
    }

    @Test
    void theSameSeedGivesTheSamePhotos() {
        try (Sandbox a = Sandbox.builder().syntheticPhotos(500).seed(3).start();
             Sandbox b = Sandbox.builder().syntheticPhotos(500).seed(3).start();
             FlickrClient ca = client(a); FlickrClient cb = client(b)) {
            assertEquals(ca.call("photos.search", "min_upload_date", 0, "per_page", 500).asXML(), cb.call("photos.search", "min_upload_date", 0, "per_page", 500).asXML());
            assertEquals(500, new HashSet<>(a.photoIds()).size());
        }
    }

    @Test
    void searchGivesAtMostFourThousandResultsPerQuery() {
        try (Sandbox s = Sandbox.builder().syntheticPhotos(5_000).start(); FlickrClient c = client(s)) {
            Element p16 = c.call("photos.search", "min_upload_date", 0, "per_page", 250, "page", 16).element("photos");
            Element p17 = c.call("photos.search", "min_upload_date", 0, "per_page", 250, "page", 17).element("photos");
            Element p20 = c.call("photos.search", "min_upload_date", 0, "per_page", 250, "page", 20).element("photos");
            assertEquals("5000", p17.attributeValue("total"));
            assertEquals("20", p17.attributeValue("pages"));
            assertEquals(ids(p16), ids(p17), "page 17 would start at result 4,001: the last page comes again");
            assertEquals(ids(p16), ids(p20));
            assertEquals(s.photoIds().subList(3_750, 4_000), ids(p16));
            // 4,000 is not a multiple of 300: the last page within the cap is short.
            Element p14 = c.call("photos.search", "min_upload_date", 0, "per_page", 300, "page", 15).element("photos");
            assertEquals(s.photoIds().subList(3_900, 4_000), ids(p14));
            // The cap is search's: a user's photostream pages on to its end.
            Element stream = c.call("people.getPhotos", "user_id", s.users().get(0).nsid(), "per_page", 500, "page", 2)
                    .element("photos");
            assertTrue(Integer.parseInt(stream.attributeValue("total")) > 500);
            assertTrue(!ids(stream).isEmpty());
        }
    }

    @Test
    void withinTheCapAPagePastTheEndIsEmpty() {
        try (Sandbox s = Sandbox.start(); FlickrClient c = client(s)) {
            Element past = c.call("photos.search", "tags", "cat", "per_page", 500, "page", 50).element("photos");
            assertEquals(0, past.elements("photo").size());
        }
    }

    @Test
    void takenDateBoundsAgreeUnderEveryOrder() {
        try (Sandbox s = Sandbox.start(); FlickrClient c = client(s)) {
            Set<String> unsorted = new HashSet<>(ids(c.call("photos.search", "min_upload_date", 0, "per_page", 500, "min_taken_date",
                    "2019-03-01 00:00:00", "max_taken_date", "2019-08-31 23:59:59").element("photos")));
            for (String sort : new String[] {"date-taken-asc", "date-taken-desc", "date-posted-asc"}) {
                Element sorted = c.call("photos.search", "min_upload_date", 0, "per_page", 500, "sort", sort, "min_taken_date",
                        "2019-03-01 00:00:00", "max_taken_date", "2019-08-31 23:59:59").element("photos");
                assertEquals(unsorted, new HashSet<>(ids(sorted)), sort);
            }
            assertTrue(unsorted.size() > 10, "a few months hold photos: " + unsorted.size());
        }
    }

    @Test
    void badCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().syntheticPhotos(0));
        assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().syntheticPhotos(-5));
    }

    private static List<String> ids(Element photos) {
        return photos.elements("photo").stream().map(p -> p.attributeValue("id")).toList();
    }
}
