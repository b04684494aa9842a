package org.flickrdynamic.backup;

import org.flickrdynamic.backup.AccountBackup.BackupReport;
import org.flickrdynamic.backup.AccountBackup.BackupListener;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account backup against the sandbox over real HTTP, its folder read back with plain XML and text. */
class AccountBackupTest {
    @TempDir
    Path dir;
    @TempDir
    Path files;
    private Sandbox sandbox;
    private FlickrClient flickr;
    private String me;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        me = sandbox.users().get(0).nsid();
        SandboxToken token = sandbox.issueToken(me, Permission.DELETE);
        flickr = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(token.token(), token.tokenSecret()).build();
    }

    @AfterEach
    void stop() {
        flickr.close();
        sandbox.close();
    }

    /** Every photo id of the account, as the owner sees them, from the sandbox itself. */
    private Set<String> account() {
        Set<String> ids = new HashSet<>();
        for (Element p : flickr.walk("people.getPhotos", "user_id", "me", "per_page", 500)) {
            ids.add(p.attributeValue("id"));
        }
        return ids;
    }

    /** The ids the index has as present, read as plain text. */
    private Set<String> indexed(String status) throws IOException {
        return Files.readAllLines(dir.resolve("index.tsv")).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.split("\t")).filter(f -> f[2].equals(status)).map(f -> f[0]).collect(Collectors.toSet());
    }

    private long calls(String method) {
        return sandbox.requests().stream().filter(r -> method.equals(r.param("method"))).count();
    }

    private String someTag(String id) {
        return flickr.call("photos.addTags", "photo_id", id, "tags", "edited" + id).getName();
    }

    @Test
    void everyPhotoSetAndCollectionIsInTheFolderAsFlickrSentIt() throws Exception {
        BackupReport report = new AccountBackup(flickr, dir).run();
        Set<String> account = account();
        assertTrue(report.complete(), report.problems().toString());
        assertEquals(account.size(), report.photos());
        assertEquals(account, indexed("ok"));
        for (String id : account) {
            Element rsp = new SAXReader().read(dir.resolve("photos/" + id + ".xml").toFile()).getRootElement();
            assertEquals("ok", rsp.attributeValue("stat"));
            Element photo = rsp.element("photo");
            assertEquals(id, photo.attributeValue("id"));
            assertTrue(photo.element("dates").attributeValue("lastupdate").matches("\\d+"));
            assertTrue(photo.element("tags") != null && photo.element("visibility") != null);
        }
        Element list = new SAXReader().read(dir.resolve("photosets/list.xml").toFile()).getRootElement();
        List<Element> sets = list.element("photosets").elements("photoset");
        assertFalse(sets.isEmpty());
        for (Element set : sets) {
            Element photos = new SAXReader().read(dir.resolve("photosets/" + set.attributeValue("id") + ".xml")
                    .toFile()).getRootElement().element("photoset");
            List<String> order = photos.elements("photo").stream().map(p -> p.attributeValue("id")).toList();
            List<String> now = flickr.call("photosets.getPhotos", "photoset_id", set.attributeValue("id"), "user_id", me)
                    .element("photoset").elements("photo").stream().map(p -> p.attributeValue("id")).toList();
            assertEquals(now, order, "the set's photos in the set's order");
        }
        assertTrue(Files.exists(dir.resolve("collections.xml")));
        assertTrue(new AccountBackup(flickr, dir).verify().complete());
    }

    @Test
    void aLaterRunFetchesOnlyWhatChangedAndMarksWhatWasDeleted() throws Exception {
        new AccountBackup(flickr, dir).run();
        List<String> ids = new ArrayList<>(account());
        someTag(ids.get(0));
        flickr.call("photos.setMeta", "photo_id", ids.get(1), "title", "A new title");
        flickr.call("photos.delete", "photo_id", ids.get(2));
        flickr.call("photos.delete", "photo_id", ids.get(3));
        String added = flickr.upload(jpegLike(1), null);
        BackupReport diff = new AccountBackup(flickr, dir).verify();
        assertEquals(5, diff.problems().size(), diff.problems().toString());

        sandbox.clearRequests();
        BackupReport second = new AccountBackup(flickr, dir).run();
        assertTrue(second.complete(), second.problems().toString());
        assertEquals(3, second.fetched(), "two edited, one added");
        assertEquals(2, second.deleted());
        // One getInfo each for the three, and one each for the two gone, to be sure before marking them.
        assertEquals(5, calls("flickr.photos.getInfo"));
        assertEquals(Set.of(ids.get(2), ids.get(3)), indexed("deleted"));
        assertTrue(Files.exists(dir.resolve("photos/" + ids.get(2) + ".xml")), "a deleted photo's info is kept");
        assertTrue(indexed("ok").contains(added));
        String title = new SAXReader().read(dir.resolve("photos/" + ids.get(1) + ".xml").toFile()).getRootElement()
                .element("photo").elementText("title");
        assertEquals("A new title", title);
        assertTrue(new AccountBackup(flickr, dir).verify().complete());

        sandbox.clearRequests();
        BackupReport third = new AccountBackup(flickr, dir).run();
        assertEquals(0, third.fetched());
        assertEquals(0, calls("flickr.photos.getInfo"));
    }

    @Test
    void photosAddedDeletedAndEditedDuringTheRunNeverHideAnother() throws Exception {
        // A larger account, so that the listing takes several ranges of upload dates.
        stop();
        sandbox = Sandbox.builder().syntheticPhotos(3_000).start();
        me = sandbox.users().get(0).nsid();
        SandboxToken token = sandbox.issueToken(me, Permission.DELETE);
        flickr = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(token.token(), token.tokenSecret()).build();
        List<String> ids = new ArrayList<>(account());
        ids.sort(null); // ids grow with upload time: the first are listed and fetched first
        String[] added = new String[2];
        BackupListener meddler = new BackupListener() {
            private boolean listingTouched;
            private boolean fetchingTouched;

            @Override
            public void listing(int listed) {
                if (!listingTouched && listed > 0) {
                    listingTouched = true;
                    // While the list is made: one photo deleted at each end, one added.
                    flickr.call("photos.delete", "photo_id", ids.get(0));
                    flickr.call("photos.delete", "photo_id", ids.get(ids.size() - 1));
                    added[0] = upload(2);
                }
            }

            @Override
            public void progressed(int done, int toFetch) {
                if (!fetchingTouched && done == 20) {
                    fetchingTouched = true;
                    // While the photos are fetched: one not yet fetched deleted, one edited, one fetched edited, one added.
                    flickr.call("photos.delete", "photo_id", ids.get(ids.size() - 2));
                    someTag(ids.get(ids.size() - 3));
                    someTag(ids.get(5));
                    added[1] = upload(3);
                }
            }
        };
        BackupReport report = new AccountBackup(flickr, dir).listener(meddler).run();
        assertTrue(report.complete(), report.problems().toString());
        assertTrue(added[0] != null, "the listing took more than one page");
        Set<String> now = account();
        Set<String> backedUp = indexed("ok");
        assertTrue(backedUp.containsAll(now), "missing: " + now.stream().filter(id -> !backedUp.contains(id)).toList());
        assertTrue(backedUp.contains(added[0]) && backedUp.contains(added[1]), java.util.Arrays.toString(added) + " " + report);
        assertFalse(backedUp.contains(ids.get(ids.size() - 2)), "deleted before it was fetched");
        for (String id : now) {
            assertTrue(Files.exists(dir.resolve("photos/" + id + ".xml")), id);
        }
        // The photo edited after it was fetched differs now, and the next run fetches it alone.
        BackupReport verify = new AccountBackup(flickr, dir).verify();
        assertEquals(List.of("photo " + ids.get(5) + ": changed on Flickr since the backup"), verify.problems());
        sandbox.clearRequests();
        assertEquals(1, new AccountBackup(flickr, dir).run().fetched());
        assertEquals(1, calls("flickr.photos.getInfo"));
    }

    @Test
    void originalsAreFetchedOnceAndAgainOnlyWhenReplaced() throws Exception {
        Path file = jpegLike(4);
        String id = flickr.upload(file, Map.of("is_public", 0));
        new AccountBackup(flickr, dir).originals(true).run();
        Path original = dir.resolve("originals/" + id + "_o.jpg");
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(original));
        assertTrue(indexed("ok").size() > 1);

        sandbox.clearRequests();
        assertEquals(0, new AccountBackup(flickr, dir).originals(true).run().fetched());
        assertEquals(0, sandbox.requests().stream().filter(r -> r.path().startsWith("/static/")).count());

        Path newer = jpegLike(5);
        flickr.replace(newer, id, null);
        BackupReport again = new AccountBackup(flickr, dir).originals(true).run();
        assertEquals(1, again.fetched());
        assertArrayEquals(Files.readAllBytes(newer), Files.readAllBytes(original));

        Files.write(original, new byte[] {1, 2, 3});
        BackupReport damaged = new AccountBackup(flickr, dir).originals(true).verify();
        assertEquals(1, damaged.problems().size(), damaged.problems().toString());
        assertTrue(damaged.problems().get(0).contains("is damaged"), damaged.problems().toString());
    }

    @Test
    void aPhotoThatCannotBeFetchedIsReportedAndFetchedByTheNextRun() {
        BackupListener breaker = new BackupListener() {
            @Override
            public void planned(int photos, int toFetch, long calls) {
                sandbox.faults().failNext(1, 100); // a lasting error, not retried: that photo is missed
            }
        };
        BackupReport report = new AccountBackup(flickr, dir).listener(breaker).run();
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertFalse(report.complete());
        BackupReport next = new AccountBackup(flickr, dir).run();
        assertTrue(next.complete(), next.problems().toString());
        assertEquals(1, next.fetched());
    }

    @Test
    void anotherAccountsFolderIsRefused() throws IOException {
        Files.writeString(dir.resolve("index.tsv"), "# flickr-dynamic backup index 1 of 1@N01\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new AccountBackup(flickr, dir).run());
        assertTrue(e.getMessage().contains("holds the backup of 1@N01"), e.getMessage());
    }

    private String upload(long seed) {
        try {
            return flickr.upload(jpegLike(seed), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path jpegLike(long seed) throws IOException {
        byte[] bytes = new byte[4_000];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return Files.write(files.resolve("p" + seed + ".jpg"), bytes);
    }
}
