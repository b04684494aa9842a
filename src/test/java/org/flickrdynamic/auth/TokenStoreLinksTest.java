package org.flickrdynamic.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token store on a machine shared with others: it never follows a link planted at the token file,
 * its temporary file or its lock; it refuses a folder that others can write; and a file that is not a
 * token file (binary garbage, another program's settings) is an error naming it, never "not logged in"
 * and never merged into the next save.
 */
class TokenStoreLinksTest {
    private static final AccessToken ALICE = new AccessToken("tok-a", "SECRET-A-771", "1@N01", "alice", "Alice A",
            Permission.WRITE);

    @TempDir
    Path home;

    private TokenStore store() throws IOException {
        Path dir = home.resolve("store");
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return TokenStore.at(dir);
    }

    @Test
    void aLinkAtTheTokenFileIsNeitherFollowedNorMergedIn() throws IOException {
        Path victim = Files.writeString(home.resolve("victim.conf"), "user.x.token=not-yours\nmode=public\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        TokenStore store = store();
        Path link = Files.createSymbolicLink(store.file("key1"), victim);

        TokenStoreException e = assertThrows(TokenStoreException.class, () -> store.current("key1"));
        assertEquals(link, e.path());
        assertTrue(e.getMessage().contains("the token file " + link + " is a symbolic link, which the store never follows"),
                e.getMessage());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)),
                "a read changes nothing at the link's target");
        assertThrows(TokenStoreException.class, () -> store.save("key1", ALICE));
        assertEquals("user.x.token=not-yours\nmode=public\n", Files.readString(victim));

        assertTrue(store.logout("key1", null), "logging out removes the link");
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(victim), "and only the link");
        store.save("key1", ALICE);
        assertEquals(ALICE, store.current("key1").orElseThrow());
        assertFalse(Files.readString(store.file("key1")).contains("not-yours"));
    }

    @Test
    void aLinkAtTheLockCreatesNothingAtItsTarget() throws IOException {
        TokenStore store = store();
        Path target = home.resolve("created-through-the-lock");
        Path lock = Files.createSymbolicLink(store.folder().resolve(".lock"), target);
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> store.save("key1", ALICE));
        assertEquals(lock, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains("the lock file " + lock + " is a link or not a file"), e.getMessage());
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aLinkPlantedAsTheTemporaryFileReceivesNoSecret() throws IOException {
        TokenStore store = store();
        Path stolen = Files.createFile(home.resolve("stolen"));
        Files.setPosixFilePermissions(stolen, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.createSymbolicLink(store.folder().resolve(store.file("key1").getFileName() + ".tmp"), stolen);
        store.save("key1", ALICE);
        assertEquals("", Files.readString(stolen));
        assertEquals(ALICE, store.current("key1").orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("key1"))));
    }

    @Test
    void aFolderOthersCanWriteIsRefusedWithTheFix() throws IOException {
        TokenStore store = store();
        store.save("key1", ALICE);
        for (String perms : new String[] {"rwxrwxrwx", "rwxrwx---", "rwx-w--wx"}) {
            Files.setPosixFilePermissions(store.folder(), PosixFilePermissions.fromString(perms));
            TokenStoreException e = assertThrows(TokenStoreException.class, () -> store.current("key1"));
            assertEquals(store.folder(), e.path());
            assertTrue(e.getMessage().contains("the token folder " + store.folder() + " can be written by other users ("
                    + perms + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("'chmod 700 " + store.folder() + "'"), e.getMessage());
            assertThrows(TokenStoreException.class, () -> store.save("key1", ALICE));
            assertThrows(TokenStoreException.class, () -> store.checkWritable("key1"));
        }
        Files.setPosixFilePermissions(store.folder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(ALICE, store.current("key1").orElseThrow(), "readable by others is the owner's choice");
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "giving a folder to another user needs root");
        TokenStore store = store();
        store.save("key1", ALICE);
        Files.setOwner(store.folder(), store.folder().getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("nobody"));
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> store.current("key1"));
        assertTrue(e.getMessage().contains("the token folder " + store.folder() + " belongs to another user (uid 65534)"),
                e.getMessage());
        assertThrows(TokenStoreException.class, () -> store.save("key1", ALICE));
    }

    @Test
    void garbageIsAnErrorNamingTheFileAndIsNeverMergedIn() throws IOException {
        TokenStore store = store();
        byte[] garbage = new byte[4096];
        new Random(16).nextBytes(garbage);
        Path f = Files.write(store.file("key1"), garbage);
        TokenStoreException e = assertThrows(TokenStoreException.class, () -> store.current("key1"));
        assertEquals(f, e.path());
        assertTrue(e.getMessage().contains(f + " is not a token file (it holds bytes that are not text)"), e.getMessage());
        assertThrows(TokenStoreException.class, () -> store.save("key1", ALICE));
        assertArrayEquals(garbage, Files.readAllBytes(f), "never rewritten unasked");

        Files.writeString(f, "mode=public\nuser.1@N01.token=t\n");
        e = assertThrows(TokenStoreException.class, () -> store.users("key1"));
        assertTrue(e.getMessage().contains(f + " is not a token file (1 entry is not a login's)"), e.getMessage());
        assertFalse(e.getMessage().contains("public"), "the file's text is never quoted");
        Files.writeString(f, "current=2@N01\n");
        e = assertThrows(TokenStoreException.class, () -> store.current("key1"));
        assertTrue(e.getMessage().contains("its current user has no token"), e.getMessage());
    }

    @Test
    void theCommandLineStopsWithExit2NamingAGarbledFile() throws IOException {
        String before = System.getProperty("flickrdynamic.home");
        System.setProperty("flickrdynamic.home", store().folder().toString());
        try {
            Path f = Files.write(TokenStore.standard().file(org.flickrdynamic.sandbox.Sandbox.API_KEY),
                    new byte[] {0, (byte) 0xff, 7, 'x', '=', 1});
            for (String[] args : new String[][] {{"--sandbox", "auth", "status"}, {"--sandbox", "flickr.test.echo"}}) {
                java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
                int code = new org.flickrdynamic.internal.cli.FlickrCommand(new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)).run(args);
                String message = err.toString(java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(2, code, message);
                assertEquals("flickr: Bad token store: the token file " + f + " is not a token file (it holds bytes"
                        + " that are not text); delete it, or run 'bin/flickr auth logout', and log in again\n", message);
            }
        } finally {
            if (before == null) {
                System.clearProperty("flickrdynamic.home");
            } else {
                System.setProperty("flickrdynamic.home", before);
            }
        }
    }
}
