package org.flickrdynamic.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    private static final AccessToken ALICE = new AccessToken("tok-a", "SECRET-A-771", "1@N01", "alice", "Alice A",
            Permission.WRITE);
    private static final AccessToken BOB = new AccessToken("tok-b", null, "2@N01", "bob", "", Permission.READ);

    @TempDir
    Path home;

    private TokenStore store() {
        return TokenStore.at(home.resolve("store"));
    }

    @Test
    void aSavedLoginIsCurrentAndSurvivesANewStore() {
        store().save("key1", ALICE);
        assertEquals(ALICE, TokenStore.at(home.resolve("store")).current("key1").orElseThrow());
        assertTrue(store().current("other-key").isEmpty(), "one file per API key");
    }

    @Test
    void filesAndFolderAreOwnerOnly() throws IOException {
        store().save("key1", ALICE);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store().folder())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file("key1"))));
        try (var listing = Files.list(store().folder())) {
            for (Path f : listing.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }

    @Test
    void aLoosenedFileIsMadePrivateAgainBeforeReading() throws IOException {
        store().save("key1", ALICE);
        Files.setPosixFilePermissions(store().file("key1"), PosixFilePermissions.fromString("rw-r--r--"));
        store().current("key1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file("key1"))));
    }

    @Test
    void severalUsersPerKeyAndChoosingTheCurrentOne() {
        store().save("key1", ALICE);
        store().save("key1", BOB);
        assertEquals(BOB, store().current("key1").orElseThrow(), "the latest login is current");
        assertEquals(List.of(ALICE, BOB), store().users("key1"));
        assertEquals(ALICE, store().use("key1", "alice"));
        assertEquals(ALICE, store().current("key1").orElseThrow());
        assertEquals(BOB, store().use("key1", "2@N01"));
        FlickrArgumentException nobody = assertThrows(FlickrArgumentException.class, () -> store().use("key1", "carol"));
        assertEquals(List.of("no user carol is logged in with API key key1"), nobody.problems());
    }

    @Test
    void legacyTokensKeepNoSecret() {
        store().save("key1", BOB);
        AccessToken back = store().current("key1").orElseThrow();
        assertTrue(back.isLegacy());
        assertEquals(null, back.tokenSecret());
    }

    @Test
    void logoutForgetsOnlyThatUser() {
        store().save("key1", ALICE);
        store().save("key1", BOB);
        assertTrue(store().logout("key1", null), "the current user, bob");
        assertTrue(store().current("key1").isEmpty());
        assertEquals(List.of(ALICE), store().users("key1"));
        assertFalse(store().logout("key1", "bob"));
        assertTrue(store().logout("key1", "alice"));
        assertTrue(store().users("key1").isEmpty());
    }

    @Test
    void replacementIsAtomicAndLeavesNoTemporaryFile() throws IOException {
        store().save("key1", ALICE);
        String before = Files.readString(store().file("key1"));
        store().save("key1", BOB);
        try (Stream<Path> files = Files.list(store().folder())) {
            assertEquals(List.of(".lock", store().file("key1").getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.readString(store().file("key1")).equals(before));
    }

    @Test
    void concurrentWritersLoseNoUser() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(pool.submit(() -> store().save("key1",
                        new AccessToken("t" + n, "s" + n, n + "@N01", "user" + n, "", Permission.READ))));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, store().users("key1").size());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertFalse(ALICE.toString().contains("SECRET-A-771"));
        assertFalse(ALICE.toString().contains("tok-a"), "nor the token itself");
    }

    @Test
    void aMalformedFileIsNamedWithTheWayOutAndNeverQuoted() throws IOException {
        Path f = store().file("key1");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "current=x\nuser.x.secret=SECRET-Q\nuser.x.token=\\u12zz\n");
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> store().current("key1"));
        assertEquals(f, e.path());
        assertTrue(e.getMessage().contains(f + " is not a token file"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-Q"), e.getMessage());
        assertThrows(TokenStoreException.class, () -> store().users("key1"));
        assertThrows(TokenStoreException.class, () -> store().save("key1", ALICE), "never overwritten unasked");
        assertTrue(store().logout("key1", null), "logging out deletes it");
        assertTrue(store().current("key1").isEmpty());
        store().save("key1", ALICE);
        assertEquals(ALICE, store().current("key1").orElseThrow());
    }

    @Test
    void aFolderThatCannotBeMadeIsReportedBeforeWriting() throws IOException {
        Path file = Files.writeString(home.resolve("plain"), "x");
        TokenStore s = TokenStore.at(file);
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> s.checkWritable("key1"));
        assertTrue(e.getMessage().contains("cannot create the token folder " + file), e.getMessage());
        assertThrows(TokenStoreException.class, () -> s.save("key1", ALICE));
        store().checkWritable("key1");
    }
}
