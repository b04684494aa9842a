package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's edits, through the client: each changes what later reads see. A fresh sandbox per test. */
class EditTest {
    private Sandbox sandbox;
    private SandboxUser owner;
    private FlickrClient flickr;
    private FlickrClient other;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        owner = sandbox.users().get(0);
        flickr = client(sandbox.issueToken(owner.nsid(), Permission.DELETE));
        other = client(sandbox.issueToken(sandbox.users().get(1).nsid(), Permission.DELETE));
    }

    private FlickrClient client(SandboxToken token) {
        // Signed always, so every read carries the token and sees the owner's private photos too.
        return FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(token.token(), token.tokenSecret()).signed(true).build();
    }

    @AfterEach
    void stop() {
        flickr.close();
        other.close();
        sandbox.close();
    }

    private String ownPhoto(int index) {
        return flickr.call("flickr.people.getPhotos", "user_id", "me", "per_page", 50).element("photos")
                .elements("photo").get(index).attributeValue("id");
    }

    private Element info(String id) {
        return flickr.call("flickr.photos.getInfo", "photo_id", id).element("photo");
    }

    private static List<String> texts(Element photo) {
        return photo.element("tags").elements("tag").stream().map(Element::getText).toList();
    }

    private static List<String> ids(Element photo) {
        return photo.element("tags").elements("tag").stream().map(t -> t.attributeValue("id")).toList();
    }

    private List<String> search(String... keysAndValues) {
        List<Object> args = new ArrayList<>(List.of("user_id", "me", "per_page", 500));
        args.addAll(List.of(keysAndValues));
        return flickr.call("flickr.photos.search", args.toArray()).element("photos").elements("photo").stream()
                .map(p -> p.attributeValue("id")).toList();
    }

    private static int code(Runnable call) {
        return assertThrows(FlickrApiException.class, call::run).code();
    }

    @Test
    void setTagsReplacesEveryTagAndSearchFollows() {
        String id = ownPhoto(0);
        Element before = info(id);
        String kept = texts(before).get(0);
        String keptId = ids(before).get(0);
        flickr.call("flickr.photos.setTags", "photo_id", id, "tags", kept + " \"Red Door\" zebra");

        Element after = info(id);
        assertEquals(List.of(kept, "reddoor", "zebra"), texts(after));
        assertEquals(keptId, ids(after).get(0), "a tag set again keeps its id");
        assertEquals("Red Door", after.element("tags").elements("tag").get(1).attributeValue("raw"));
        assertEquals(List.of(id), search("tags", "zebra"));
        Element listed = flickr.call("flickr.tags.getListPhoto", "photo_id", id).element("photo");
        assertEquals(texts(after), texts(listed));
        for (String gone : texts(before).subList(1, texts(before).size())) {
            assertFalse(search("tags", gone).contains(id) && !texts(after).contains(gone), gone);
        }
    }

    @Test
    void addTagsAddsNewOnesUpToFlickrsLimit() {
        String id = ownPhoto(1);
        List<String> before = texts(info(id));
        flickr.call("flickr.photos.addTags", "photo_id", id, "tags", before.get(0) + " Harbour,harbour quay");
        List<String> after = texts(info(id));
        List<String> expected = new ArrayList<>(before);
        expected.addAll(List.of("harbour", "quay"));
        assertEquals(expected, after, "a tag it has already is not added twice");

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < PhotoEditRoutes.MAX_TAGS; i++) {
            many.append("t").append(i).append(' ');
        }
        assertEquals(2, code(() -> flickr.call("flickr.photos.addTags", "photo_id", id, "tags", many.toString())));
        assertEquals(expected, texts(info(id)), "a refused addTags adds none");
        assertEquals(1, code(() -> other.call("flickr.photos.addTags", "photo_id", id, "tags", "x")),
                "only the owner adds tags");
    }

    @Test
    void removeTagTakesTheIdGetInfoShowsAndOthersKeepTheirs() {
        String id = ownPhoto(2);
        flickr.call("flickr.photos.setTags", "photo_id", id, "tags", "a b c");
        List<String> tagIds = ids(info(id));
        flickr.call("flickr.photos.removeTag", "tag_id", tagIds.get(1));
        Element after = info(id);
        assertEquals(List.of("a", "c"), texts(after));
        assertEquals(List.of(tagIds.get(0), tagIds.get(2)), ids(after));
        assertEquals(1, code(() -> flickr.call("flickr.photos.removeTag", "tag_id", tagIds.get(1))), "gone already");
        assertEquals(1, code(() -> other.call("flickr.photos.removeTag", "tag_id", tagIds.get(0))), "not theirs");
        assertEquals(1, code(() -> flickr.call("flickr.photos.removeTag", "tag_id", "nonsense")));
        flickr.call("flickr.photos.addTags", "photo_id", id, "tags", "d");
        assertEquals(3, ids(info(id)).stream().distinct().count(), "a new tag never reuses a removed one's id");
    }

    @Test
    void setMetaChangesTitleOrDescriptionEverywhere() {
        String id = ownPhoto(3);
        String description = info(id).elementText("description");
        flickr.call("flickr.photos.setMeta", "photo_id", id, "title", "Renamed & <new>");
        Element after = info(id);
        assertEquals("Renamed & <new>", after.elementText("title"));
        assertEquals(description, after.elementText("description"), "what was not given stays");
        Element listed = flickr.call("flickr.photos.search", "user_id", "me", "text", "renamed").element("photos");
        assertEquals("Renamed & <new>", listed.element("photo").attributeValue("title"));
        flickr.call("flickr.photos.setMeta", "photo_id", id, "description", "Only this");
        assertEquals("Only this", info(id).elementText("description"));
        assertEquals("Renamed & <new>", info(id).elementText("title"));

        assertEquals(2, code(() -> flickr.call("flickr.photos.setMeta", "photo_id", id)));
        assertEquals(1, code(() -> other.call("flickr.photos.setMeta", "photo_id", id, "title", "Mine now")));
        assertEquals("Renamed & <new>", info(id).elementText("title"));
    }

    @Test
    void deleteRemovesThePhotoFromEverythingThatListedIt() {
        Element set = flickr.call("flickr.photosets.getList").element("photosets").element("photoset");
        String setId = set.attributeValue("id");
        int count = Integer.parseInt(set.attributeValue("photos"));
        String id = flickr.call("flickr.photosets.getPhotos", "photoset_id", setId, "user_id", owner.nsid()).element("photoset")
                .elements("photo").get(0).attributeValue("id");
        int total = sandbox.photoIds().size();

        assertEquals(1, code(() -> other.call("flickr.photos.delete", "photo_id", id)), "only the owner deletes");
        flickr.call("flickr.photos.delete", "photo_id", id);
        assertEquals(1, code(() -> info(id)));
        assertFalse(search().contains(id));
        assertEquals(total - 1, sandbox.photoIds().size());
        assertFalse(sandbox.photoIds().contains(id));
        Element setAfter = flickr.call("flickr.photosets.getPhotos", "photoset_id", setId, "user_id", owner.nsid()).element("photoset");
        assertEquals(count - 1, Integer.parseInt(setAfter.attributeValue("total")));
        assertFalse(setAfter.elements("photo").stream().anyMatch(p -> p.attributeValue("id").equals(id)));
        assertEquals(1, setAfter.elements("photo").stream().filter(p -> "1".equals(p.attributeValue("isprimary"))).count(),
                "the set still has a primary photo");
    }

    @Test
    void photosetsAreMadeFilledEmptiedAndDeleted() {
        String first = ownPhoto(0);
        String second = ownPhoto(1);
        int sets = sandbox.photosetIds().size();
        Element made = flickr.call("flickr.photosets.create", "title", "Harbour", "description", "Boats",
                "primary_photo_id", first).element("photoset");
        String setId = made.attributeValue("id");
        assertTrue(made.attributeValue("url").endsWith("/albums/" + setId + "/"), made.asXML());
        assertEquals(sets + 1, sandbox.photosetIds().size());
        Element listed = flickr.call("flickr.photosets.getList").element("photosets").element("photoset");
        assertEquals(setId, listed.attributeValue("id"), "a new set comes first");
        assertEquals("Harbour", listed.elementText("title"));
        assertEquals("1", listed.attributeValue("photos"));

        flickr.call("flickr.photosets.addPhoto", "photoset_id", setId, "photo_id", second);
        List<String> members = flickr.call("flickr.photosets.getPhotos", "photoset_id", setId, "user_id", owner.nsid()).element("photoset")
                .elements("photo").stream().map(p -> p.attributeValue("id")).toList();
        assertEquals(List.of(first, second), members);
        assertEquals(3, code(() -> flickr.call("flickr.photosets.addPhoto", "photoset_id", setId, "photo_id", second)));

        String othersPhoto = other.call("flickr.people.getPhotos", "user_id", "me", "per_page", 1).element("photos")
                .element("photo").attributeValue("id");
        assertEquals(2, code(() -> flickr.call("flickr.photosets.addPhoto", "photoset_id", setId, "photo_id", othersPhoto)));
        assertEquals(1, code(() -> other.call("flickr.photosets.addPhoto", "photoset_id", setId, "photo_id", othersPhoto)));
        assertEquals(2, code(() -> flickr.call("flickr.photosets.create", "title", "X", "primary_photo_id", othersPhoto)));
        assertEquals(1, code(() -> flickr.call("flickr.photosets.create", "title", " ", "primary_photo_id", first)));

        flickr.call("flickr.photosets.removePhoto", "photoset_id", setId, "photo_id", first);
        Element after = flickr.call("flickr.photosets.getPhotos", "photoset_id", setId, "user_id", owner.nsid()).element("photoset");
        assertEquals(second, after.attributeValue("primary"), "the primary that left is replaced");
        assertEquals(3, code(() -> flickr.call("flickr.photosets.removePhoto", "photoset_id", setId, "photo_id", first)));
        flickr.call("flickr.photosets.removePhoto", "photoset_id", setId, "photo_id", second);
        assertEquals(1, code(() -> flickr.call("flickr.photosets.getPhotos", "photoset_id", setId, "user_id", owner.nsid())),
                "the last photo out takes the set with it");

        String another = flickr.call("flickr.photosets.create", "title", "Short-lived", "primary_photo_id", first)
                .element("photoset").attributeValue("id");
        assertEquals(1, code(() -> other.call("flickr.photosets.delete", "photoset_id", another)));
        flickr.call("flickr.photosets.delete", "photoset_id", another);
        assertFalse(sandbox.photosetIds().contains(another));
        assertEquals(1, code(() -> flickr.call("flickr.photosets.delete", "photoset_id", another)));
        info(first); // deleting a set leaves its photos
    }

    @Test
    void concurrentEditsOfOnePhotoAreNeverLost() throws Exception {
        String id = ownPhoto(4);
        flickr.call("flickr.photos.setTags", "photo_id", id, "tags", "start");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        flickr.call("flickr.photos.addTags", "photo_id", id, "tags", "t" + thread + "x" + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> tags = texts(info(id));
        assertEquals(1 + 8 * 6, tags.size(), tags.toString());
        assertEquals(tags.size(), ids(info(id)).stream().distinct().count(), "every tag has its own id");
    }

    @Test
    void editsNeedTheOwnersWriteOrDeletePermission() {
        String id = ownPhoto(5);
        SandboxToken reader = sandbox.issueToken(owner.nsid(), Permission.READ);
        SandboxToken writer = sandbox.issueToken(owner.nsid(), Permission.WRITE);
        try (FlickrClient r = client(reader); FlickrClient w = client(writer)) {
            assertEquals(99, code(() -> r.call("flickr.photos.setMeta", "photo_id", id, "title", "x")));
            assertEquals(99, code(() -> w.call("flickr.photos.delete", "photo_id", id)));
            w.call("flickr.photos.setMeta", "photo_id", id, "title", "By the writer");
        }
        assertEquals("By the writer", info(id).elementText("title"));
    }
}
