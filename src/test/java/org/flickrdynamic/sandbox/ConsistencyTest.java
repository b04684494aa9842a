package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.assertFail;
import static org.flickrdynamic.sandbox.SandboxHttp.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dom4j.Element;
import org.dom4j.Node;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data set agrees with itself across methods, pages and viewers, and is the same for the same seed. */
class ConsistencyTest {
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

    @Test
    void everyPublicPhotoIsFoundOnceAcrossAllPagesAndAllUsers() throws Exception {
        List<String> everything = http.allIds("photos", http.call("flickr.photos.search", "min_upload_date", "0"), 500);
        assertEquals(everything.size(), new HashSet<>(everything).size(), "no photo twice");
        int perUser = 0;
        for (SandboxUser u : sandbox.users()) {
            perUser += total(http.list("photos", http.call("flickr.people.getPublicPhotos", "user_id", u.nsid())));
        }
        assertEquals(everything.size(), perUser, "search without criteria = every user's public photos");
        assertTrue(everything.size() > 1_000 && everything.size() < DataSet.PHOTOS, "most photos are public");
    }

    @Test
    void setsListCountsMatchTheirPhotosForEachViewer() throws Exception {
        for (SandboxUser u : sandbox.users()) {
            SandboxToken owner = sandbox.issueToken(u.nsid(), Permission.READ);
            Element anonymous = http.list("photosets", http.call("flickr.photosets.getList", "user_id", u.nsid()));
            Element mine = http.ok(http.oauth(http.call("flickr.photosets.getList"), owner)).element("photosets");
            assertEquals(anonymous.elements("photoset").size(), mine.elements("photoset").size(),
                    "without user_id, the caller's own sets");
            assertTrue(anonymous.elements("photoset").size() >= 4);
            for (int i = 0; i < mine.elements("photoset").size(); i++) {
                Element pub = anonymous.elements("photoset").get(i);
                Element own = mine.elements("photoset").get(i);
                assertEquals(pub.attributeValue("id"), own.attributeValue("id"));
                Map<String, String> call = http.call("flickr.photosets.getPhotos", "photoset_id", pub.attributeValue("id"),
                        "user_id", u.nsid());
                Element seenByAll = http.list("photoset", call);
                Element seenByOwner = http.ok(http.oauth(call, owner)).element("photoset");
                assertEquals(pub.attributeValue("photos"), seenByAll.attributeValue("total"));
                assertEquals(own.attributeValue("photos"), seenByOwner.attributeValue("total"));
                assertEquals(own.attributeValue("count_photos"), own.attributeValue("photos"));
                assertEquals(pub.attributeValue("primary"), seenByAll.attributeValue("primary"));
                assertEquals(u.nsid(), seenByAll.attributeValue("owner"));
                assertEquals(u.username(), seenByAll.attributeValue("ownername"));
                assertEquals(pub.elementText("title"), seenByAll.attributeValue("title"));
                List<Element> photos = seenByOwner.elements("photo");
                assertEquals(1, photos.stream().filter(p -> "1".equals(p.attributeValue("isprimary"))).count());
                assertEquals(pub.attributeValue("primary"), photos.stream()
                        .filter(p -> "1".equals(p.attributeValue("isprimary"))).findFirst().orElseThrow().attributeValue("id"));
                assertTrue(Long.parseLong(pub.attributeValue("date_create")) <= Long.parseLong(pub.attributeValue("date_update")));
            }
        }
    }

    @Test
    void everyPhotoOfASetIsItsOwnersAndFoundByGetPhotos() throws Exception {
        SandboxUser u = sandbox.users().get(2);
        SandboxToken owner = sandbox.issueToken(u.nsid(), Permission.READ);
        Set<String> stream = new HashSet<>(allAsOwner("flickr.people.getPhotos", owner, "user_id", u.nsid()));
        Element sets = http.list("photosets", http.call("flickr.photosets.getList", "user_id", u.nsid()));
        for (Element set : sets.elements("photoset")) {
            Element photos = http.ok(http.oauth(http.call("flickr.photosets.getPhotos", "photoset_id",
                    set.attributeValue("id"), "user_id", u.nsid()), owner)).element("photoset");
            for (Element p : photos.elements("photo")) {
                assertTrue(stream.contains(p.attributeValue("id")), "set photo " + p.attributeValue("id") + " is in the stream");
            }
        }
    }

    private static List<String> allAsOwner(String method, SandboxToken token, String... args) throws Exception {
        Element first = http.ok(http.oauth(http.call(method, args), token)).element("photos");
        assertTrue(total(first) > 100);
        List<String> ids = new java.util.ArrayList<>();
        int pages = (total(first) + 499) / 500;
        for (int page = 1; page <= pages; page++) {
            Map<String, String> p = http.call(method, args);
            p.put("per_page", "500");
            p.put("page", Integer.toString(page));
            http.ok(http.oauth(p, token)).element("photos").elements("photo").forEach(e -> ids.add(e.attributeValue("id")));
        }
        assertEquals(total(first), ids.size());
        return ids;
    }

    @Test
    void getInfoAndGetListPhotoAgreeWithTheListsAndTagSearch() throws Exception {
        SandboxUser u = sandbox.users().get(4);
        List<Element> listed = http.list("photos", http.call("flickr.photos.search", "user_id", u.nsid(), "per_page", "25",
                "extras", "tags,date_upload,date_taken,description,owner_name")).elements("photo");
        for (Element one : listed) {
            String id = one.attributeValue("id");
            Element info = http.ok(http.call("flickr.photos.getInfo", "photo_id", id)).element("photo");
            assertEquals(one.attributeValue("secret"), info.attributeValue("secret"));
            assertEquals(one.attributeValue("server"), info.attributeValue("server"));
            assertEquals(one.attributeValue("farm"), info.attributeValue("farm"));
            assertEquals(one.attributeValue("title"), info.elementText("title"));
            assertEquals(one.elementText("description"), info.elementText("description"));
            assertEquals(u.nsid(), info.element("owner").attributeValue("nsid"));
            assertEquals(one.attributeValue("ownername"), info.element("owner").attributeValue("username"));
            assertEquals(u.realname(), info.element("owner").attributeValue("realname"));
            assertEquals(one.attributeValue("dateupload"), info.element("dates").attributeValue("posted"));
            assertEquals(one.attributeValue("dateupload"), info.attributeValue("dateuploaded"));
            assertEquals(one.attributeValue("datetaken"), info.element("dates").attributeValue("taken"));
            assertEquals(one.attributeValue("ispublic"), info.element("visibility").attributeValue("ispublic"));
            assertTrue(info.selectSingleNode("urls/url[@type='photopage']").getText().endsWith("/" + id + "/"));
            List<String> tags = info.selectNodes("tags/tag").stream().map(Node::getText).toList();
            assertEquals(List.of(one.attributeValue("tags").split(" ")), tags);
            Element listPhoto = http.ok(http.call("flickr.tags.getListPhoto", "photo_id", id)).element("photo");
            assertEquals(id, listPhoto.attributeValue("id"));
            assertEquals(tags, listPhoto.selectNodes("tags/tag").stream().map(Node::getText).toList());
            Set<String> tagIds = new HashSet<>();
            for (Node n : info.selectNodes("tags/tag")) {
                Element tag = (Element) n;
                assertTrue(tagIds.add(tag.attributeValue("id")), "tag ids are unique");
                assertEquals(u.nsid(), tag.attributeValue("author"));
                assertFalse(tag.attributeValue("raw").isEmpty());
                Element hit = http.list("photos", http.call("flickr.photos.search", "tags", tag.getText(), "user_id",
                        u.nsid(), "per_page", "500"));
                assertNotNull(hit.selectSingleNode("photo[@id='" + id + "']"), "search by tag " + tag.getText() + " finds " + id);
            }
        }
    }

    @Test
    void privateThingsAreNotFoundByOthersButBySecret() throws Exception {
        SandboxUser u = sandbox.users().get(0);
        SandboxToken owner = sandbox.issueToken(u.nsid(), Permission.READ);
        Element hidden = http.ok(http.oauth(http.call("flickr.people.getPhotos", "user_id", u.nsid(), "privacy_filter", "5"),
                owner)).element("photos").element("photo");
        String id = hidden.attributeValue("id");
        // In the words of Flickr's documentation of photos.getInfo, which the table holds.
        assertFail(1, "Photo not found.", http.rsp(http.call("flickr.photos.getInfo", "photo_id", id)));
        assertFail(1, http.rsp(http.call("flickr.tags.getListPhoto", "photo_id", id)));
        assertEquals("0", http.ok(http.oauth(http.call("flickr.photos.getInfo", "photo_id", id), owner))
                .element("photo").element("visibility").attributeValue("ispublic"));
        Element shared = http.ok(http.call("flickr.photos.getInfo", "photo_id", id, "secret", hidden.attributeValue("secret")));
        assertEquals(id, shared.element("photo").attributeValue("id"), "the secret shares a photo, as on Flickr");
        assertFail(1, http.rsp(http.call("flickr.photos.getInfo", "photo_id", "123")));
        assertFail(1, "Photoset not found", http.rsp(http.call("flickr.photosets.getPhotos", "photoset_id", "123",
                "user_id", u.nsid())));
        String someSet = sandbox.photosetIds().get(0);
        String notTheOwner = sandbox.users().get(1).nsid(); // the first set is the first user's
        assertFail(1, http.rsp(http.call("flickr.photosets.getPhotos", "photoset_id", someSet, "user_id", notTheOwner)));
        assertFail(2, http.rsp(http.call("flickr.photosets.getPhotos", "photoset_id", someSet, "user_id", "0@N00")));
        assertFail(1, "User not found", http.rsp(http.call("flickr.people.getPublicPhotos", "user_id", "0@N00")));
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
        try (Sandbox same = Sandbox.start(); Sandbox other = Sandbox.builder().seed(42).start()) {
            assertEquals(sandbox.photoIds(), same.photoIds());
            assertEquals(sandbox.photosetIds(), same.photosetIds());
            assertEquals(42, other.seed());
            assertNotEquals(sandbox.photoIds(), other.photoIds());
            assertEquals(sandbox.users(), other.users(), "the users are always the same five");
            assertEquals(DataSet.PHOTOS, other.photoIds().size());
        }
    }

    @Test
    void idsGrowWithTheUploadDate() throws Exception {
        List<Element> newest = http.list("photos", http.call("flickr.photos.search", "min_upload_date", "0",
                "per_page", "500", "extras", "date_upload")).elements("photo");
        for (int i = 1; i < newest.size(); i++) {
            assertTrue(Long.parseLong(newest.get(i - 1).attributeValue("id")) > Long.parseLong(newest.get(i).attributeValue("id")),
                    "newest first means highest id first");
        }
    }
}
