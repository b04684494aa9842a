package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.assertFail;
import static org.flickrdynamic.sandbox.SandboxHttp.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** photos.search's filters, orders and extras, and who sees what. */
class SearchTest {
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

    private static List<Element> all(String... namesAndValues) throws Exception {
        String[] p = java.util.Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
        p[p.length - 2] = "per_page";
        p[p.length - 1] = "500";
        Element first = search(p);
        assertTrue(total(first) <= 500, "fits one page");
        return first.elements("photo");
    }

    private static List<String> tags(Element photo) {
        return List.of(photo.attributeValue("tags").split(" "));
    }

    @Test
    void tagModesAnyAndAllFollowSetArithmetic() throws Exception {
        int cats = total(search("tags", "cat"));
        int dogs = total(search("tags", "dog"));
        int any = total(search("tags", "cat,dog"));
        int all = total(search("tags", "cat,dog", "tag_mode", "all"));
        assertTrue(all > 0 && all < Math.min(cats, dogs), "some photos have both, not all");
        assertEquals(cats + dogs - all, any);
        for (Element p : all("tags", "cat,dog", "tag_mode", "all", "extras", "tags")) {
            assertTrue(tags(p).containsAll(List.of("cat", "dog")), p.asXML());
        }
        for (Element p : all("tags", "Cat , DOG", "extras", "tags")) {
            assertTrue(tags(p).contains("cat") || tags(p).contains("dog"), "tags compare case-insensitively: " + p.asXML());
        }
        assertEquals(any, total(search("tags", "Cat , DOG")));
    }

    @Test
    void aTagWithAMinusExcludes() throws Exception {
        int cats = total(search("tags", "cat"));
        int catsAndDogs = total(search("tags", "cat,dog", "tag_mode", "all"));
        assertEquals(cats - catsAndDogs, total(search("tags", "cat,-dog")));
        for (Element p : all("tags", "cat,-dog", "extras", "tags")) {
            assertFalse(tags(p).contains("dog"), p.asXML());
        }
    }

    @Test
    void textMatchesTitleDescriptionOrTags() throws Exception {
        List<Element> hits = all("text", "golden", "extras", "description,tags");
        assertFalse(hits.isEmpty());
        for (Element p : hits) {
            String text = (p.attributeValue("title") + " " + p.elementText("description") + " " + p.attributeValue("tags"))
                    .toLowerCase(Locale.ROOT);
            assertTrue(text.contains("golden"), p.asXML());
        }
        int byRealName = total(search("text", "Cal Henderson"));
        assertEquals(total(search("user_id", sandbox.users().get(0).nsid())), byRealName,
                "every description names its owner, and only Cal's name Cal");
    }

    @Test
    void userFilterAndMe() throws Exception {
        String nsid = sandbox.users().get(1).nsid();
        for (Element p : all("user_id", nsid, "tags", "sunset")) {
            assertEquals(nsid, p.attributeValue("owner"));
        }
        assertFail(2, "Unknown user", http.rsp(http.call("flickr.photos.search", "user_id", "0@N00")));
        SandboxToken token = sandbox.issueToken(nsid, Permission.READ);
        Element mine = http.ok(http.oauth(http.call("flickr.photos.search", "user_id", "me"), token)).element("photos");
        Element asOwner = http.ok(http.oauth(http.call("flickr.photos.search", "user_id", nsid), token)).element("photos");
        assertEquals(total(asOwner), total(mine));
        assertFail(2, http.rsp(http.call("flickr.photos.search", "user_id", "me")));
    }

    @Test
    void uploadDatesAsUnixSecondsOrMysqlDatetimeAgree() throws Exception {
        List<Element> year2020 = all("min_upload_date", "1577836800", "max_upload_date", "1609459199",
                "user_id", sandbox.users().get(1).nsid(), "extras", "date_upload");
        assertFalse(year2020.isEmpty());
        for (Element p : year2020) {
            long up = Long.parseLong(p.attributeValue("dateupload"));
            assertTrue(up >= 1577836800 && up <= 1609459199, "2020 only: " + up);
        }
        Element mysql = search("min_upload_date", "2020-01-01 00:00:00", "max_upload_date", "2020-12-31 23:59:59",
                "user_id", sandbox.users().get(1).nsid());
        assertEquals(year2020.size(), total(mysql));
        int before = total(search("max_upload_date", "1577836799"));
        int from = total(search("min_upload_date", "1577836800"));
        assertEquals(total(search("min_upload_date", "0")), before + from, "the bounds are inclusive and split the photos exactly");
    }

    @Test
    void takenDatesAsMysqlDatetimeOrUnixSecondsAgree() throws Exception {
        List<Element> june = all("min_taken_date", "2021-06-01 00:00:00", "max_taken_date", "2021-06-30 23:59:59",
                "extras", "date_taken");
        assertFalse(june.isEmpty());
        for (Element p : june) {
            assertTrue(p.attributeValue("datetaken").startsWith("2021-06"), p.asXML());
        }
        assertEquals(june.size(), total(search("min_taken_date", "1622505600", "max_taken_date", "1625097599")));
        assertEquals(june.size(), total(search("min_taken_date", "2021-06-01", "max_taken_date", "2021-06-30 23:59:59")));
    }

    @Test
    void sortOrders() throws Exception {
        assertSorted(all("tags", "bird", "extras", "date_upload"), "dateupload", true);
        assertSorted(all("tags", "bird", "extras", "date_upload", "sort", "date-posted-desc"), "dateupload", true);
        assertSorted(all("tags", "bird", "extras", "date_upload", "sort", "date-posted-asc"), "dateupload", false);
        assertSorted(all("tags", "bird", "extras", "date_taken", "sort", "date-taken-asc"), "datetaken", false);
        assertSorted(all("tags", "bird", "extras", "date_taken", "sort", "date-taken-desc"), "datetaken", true);
    }

    private static void assertSorted(List<Element> photos, String attribute, boolean descending) {
        assertTrue(photos.size() > 10);
        List<String> values = new ArrayList<>();
        photos.forEach(p -> values.add(p.attributeValue(attribute)));
        List<String> sorted = new ArrayList<>(values);
        // Upload dates all have 10 digits and taken dates one format, so text order is time order.
        sorted.sort(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
        assertEquals(sorted, values, attribute + (descending ? " descending" : " ascending"));
    }

    @Test
    void extrasAreWrittenAsFlickrWritesThem() throws Exception {
        Element p = search("min_upload_date", "0", "per_page", "1", "extras",
                "date_upload,date_taken,owner_name,tags,description,url_sq,url_t,url_s,url_m,views,media,nonsense")
                .element("photo");
        String id = p.attributeValue("id");
        assertTrue(p.attributeValue("dateupload").matches("\\d{10}"));
        assertTrue(p.attributeValue("datetaken").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        assertEquals("0", p.attributeValue("datetakengranularity"));
        assertFalse(p.attributeValue("ownername").isEmpty());
        assertFalse(p.elementText("description").isEmpty());
        assertEquals("75", p.attributeValue("width_sq"));
        for (String size : List.of("sq", "t", "s", "m")) {
            String url = p.attributeValue("url_" + size);
            assertTrue(url.startsWith("https://live.staticflickr.com/" + p.attributeValue("server") + "/" + id + "_"
                    + p.attributeValue("secret")) && url.endsWith(".jpg"), url);
        }
        assertEquals("photo", p.attributeValue("media"));
        Element plain = search("min_upload_date", "0", "per_page", "1").element("photo");
        assertEquals(List.of("id", "owner", "secret", "server", "farm", "title", "ispublic", "isfriend", "isfamily"),
                plain.attributes().stream().map(a -> a.getName()).toList(), "the standard attributes, in Flickr's order");
    }

    @Test
    void privatePhotosShowOnlyToTheirOwnersToken() throws Exception {
        String nsid = sandbox.users().get(0).nsid();
        SandboxToken owner = sandbox.issueToken(nsid, Permission.READ);
        SandboxToken other = sandbox.issueToken(sandbox.users().get(1).nsid(), Permission.READ);
        for (Element p : all("user_id", nsid, "tags", "cat")) {
            assertEquals("1", p.attributeValue("ispublic"), "anonymous callers see public photos only");
        }
        Map<String, String> call = http.call("flickr.photos.search", "user_id", nsid);
        int anonymous = total(http.list("photos", call));
        int asOther = total(http.ok(http.oauth(call, other)).element("photos"));
        int asOwner = total(http.ok(http.oauth(call, owner)).element("photos"));
        assertEquals(anonymous, asOther, "another user sees only the public ones too");
        assertTrue(asOwner > anonymous, "the owner also sees private photos");
        Element onlyPrivate = http.ok(http.oauth(http.call("flickr.photos.search", "user_id", nsid,
                "privacy_filter", "5", "per_page", "500"), owner)).element("photos");
        assertTrue(total(onlyPrivate) > 0);
        for (Element p : onlyPrivate.elements("photo")) {
            assertEquals("000", p.attributeValue("ispublic") + p.attributeValue("isfriend") + p.attributeValue("isfamily"));
        }
        assertEquals(0, total(search("min_upload_date", "0", "media", "videos")), "the sandbox has no videos");
    }
}
