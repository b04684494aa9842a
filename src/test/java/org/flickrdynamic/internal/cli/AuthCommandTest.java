package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.testing.OwnHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** bin/flickr auth ... against the in-process sandbox, with the token store in a fresh folder. */
class AuthCommandTest {
    @TempDir
    Path home;
    @RegisterExtension
    final OwnHome ownHome = new OwnHome(() -> home);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();


    private int run(String... args) {
        out.reset();
        err.reset();
        return new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void loginStatusCallAndLogoutAcrossCommands() throws IOException {
        assertEquals(0, run("--sandbox", "auth", "status"), err());
        assertTrue(out().startsWith("Not logged in"), out());

        assertEquals(0, run("--sandbox", "auth", "login", "--perms", "write"), err());
        assertTrue(out().startsWith("Logged in as Bees (12037949754@N01) with write permission."), out());
        Path file = TokenStore.standard().file(Sandbox.API_KEY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        // Each command starts a new sandbox: the stored login outlives the one that issued it.
        assertEquals(0, run("--sandbox", "auth", "status"), err());
        assertTrue(out().contains("* Bees (12037949754@N01), write"), out());
        assertTrue(out().contains("Flickr accepts the token of Bees: write permission."), out());

        assertEquals(0, run("--sandbox", "flickr.test.login"), err());
        assertTrue(out().contains("<user id=\"12037949754@N01\""), out());
        assertEquals(2, run("--sandbox", "flickr.photos.delete", "photo_id=1"), "the stored write login is used");
        assertTrue(err().contains("needs delete permission, but the token of Bees has only write"), err());

        assertEquals(2, run("--sandbox", "auth", "logout", "nobody"), "a mistyped name is no success");
        assertTrue(err().startsWith("flickr: no user nobody is logged in"), err());
        assertEquals(0, run("--sandbox", "auth", "logout"), err());
        assertEquals("Logged out.\n", out());
        assertEquals(0, run("--sandbox", "auth", "status"));
        assertTrue(out().startsWith("Not logged in"), out());
    }

    @Test
    void legacyLoginIsStoredAndUsed() {
        assertEquals(0, run("--sandbox", "auth", "login", "--legacy", "--perms", "read"), err());
        assertTrue(out().contains("with read permission, legacy token."), out());
        assertEquals(0, run("--sandbox", "auth", "status"), err());
        assertTrue(out().contains("read, legacy"), out());
        assertEquals(0, run("--sandbox", "flickr.test.login"), err());
    }

    @Test
    void badAuthUsageExitsTwo() {
        assertEquals(2, run("--sandbox", "auth"));
        assertEquals(2, run("--sandbox", "auth", "dance"));
        assertTrue(err().contains("unknown auth command dance"), err());
        assertEquals(2, run("--sandbox", "auth", "login", "--perms", "admin"));
        assertEquals(2, run("--sandbox", "auth", "use", "nobody"));
        assertEquals(2, run("auth", "status"), "no key outside the sandbox");
        assertTrue(err().contains("no API key"), err());
    }

    @Test
    void aCorruptTokenFileIsAOneLineErrorThatLogoutClears() throws IOException {
        Path file = TokenStore.standard().file(Sandbox.API_KEY);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "current=x\nuser.x.token=\\u12zz\n");
        for (String[] args : new String[][] {{"--sandbox", "flickr.test.login"}, {"--sandbox", "auth", "status"}}) {
            assertEquals(2, run(args), err());
            assertTrue(err().startsWith("flickr: Bad token store: the token file " + file + " is not a token file"), err());
            assertTrue(err().contains("delete it, or run 'bin/flickr auth logout'"), err());
            assertEquals(1, err().lines().count(), err());
        }
        assertEquals(0, run("--sandbox", "auth", "logout"), err());
        assertFalse(Files.exists(file));
        assertEquals(0, run("--sandbox", "flickr.test.login"), err());
    }

    @Test
    void aTokenFileThatIsAFolderIsAOneLineError() throws IOException {
        Path file = TokenStore.standard().file(Sandbox.API_KEY);
        Files.createDirectories(file);
        assertEquals(2, run("--sandbox", "flickr.test.login"), err());
        assertEquals("flickr: Bad token store: the token file " + file + " is not a file; remove it and log in again\n",
                err());
    }

    @Test
    void loginIntoAStoreThatCannotBeWrittenIsRefusedBeforeLoggingIn() throws IOException {
        Path notAFolder = Files.writeString(home.resolve("plain-file"), "x");
        System.setProperty("flickrdynamic.home", notAFolder.toString());
        assertEquals(2, run("--sandbox", "auth", "login", "--perms", "read"), err());
        assertEquals("", out(), "no login was started");
        assertTrue(err().startsWith("flickr: Bad token store: cannot create the token folder " + notAFolder), err());
        assertTrue(err().contains("set FLICKR_DYNAMIC_HOME"), err());
        assertEquals(1, err().lines().count(), err());
    }
}
