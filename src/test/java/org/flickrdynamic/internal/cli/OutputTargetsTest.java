package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output} on files that are not plain files: a device is written through, never replaced by a
 * file (a private copy of {@code /dev/null} and {@code /dev/full}, made with mknod when running as root,
 * so the machine's own are never at risk); a named pipe's reader gets the output; a link keeps pointing
 * at its target, which gets the new content; {@code -} is standard output.
 */
@Timeout(60)
class OutputTargetsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A character device made like the system's own, in the test's folder. */
    private Path device(String name, int major, int minor) throws Exception {
        Path p = dir.resolve(name);
        Process mknod = new ProcessBuilder("mknod", p.toString(), "c", Integer.toString(major), Integer.toString(minor))
                .redirectErrorStream(true).start();
        assertTrue(mknod.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, mknod.exitValue(), new String(mknod.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return p;
    }

    private List<Path> leftovers() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    @Test
    void aDeviceIsWrittenThroughAndStaysADevice() throws Exception {
        assumeTrue(isRoot(), "making a device node needs root");
        Path nullDevice = device("null", 1, 3);
        assertEquals(0, run("--sandbox", "--output", nullDevice.toString(), "flickr.test.echo", "a=b"), err());
        PosixFileAttributes a = Files.readAttributes(nullDevice, PosixFileAttributes.class);
        assertTrue(a.isOther() && !a.isRegularFile(), "still a device");
        assertEquals(List.of(), leftovers());

        Path full = device("full", 1, 7);
        assertEquals(2, run("--sandbox", "--output", full.toString(), "flickr.test.echo", "a=b"));
        assertEquals("flickr: cannot write " + full + ": writing failed (is the disk full?)\n", err());
        assertTrue(Files.readAttributes(full, PosixFileAttributes.class).isOther(), "a full disk stays an error");
    }

    @Test
    void aNamedPipesReaderGetsTheOutput() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, mkfifo.exitValue());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(0, run("--sandbox", "--output", fifo.toString(), "flickr.test.echo", "through=fifo"), err());
        assertTrue(reader.get(20, TimeUnit.SECONDS).contains("<through>fifo</through>"));
        assertTrue(Files.readAttributes(fifo, PosixFileAttributes.class).isOther(), "still a pipe");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aLinkKeepsPointingAtItsTargetWhichGetsTheOutput() throws Exception {
        Path target = Files.writeString(dir.resolve("target.xml"), "old content");
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), target.getFileName());
        assertEquals(0, run("--sandbox", "--output", link.toString(), "flickr.test.echo", "via=link"), err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertTrue(Files.readString(target).contains("<via>link</via>"), Files.readString(target));
        assertEquals(List.of(), leftovers());

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.xml"), dir.resolve("new.xml"));
        assertEquals(0, run("--sandbox", "--output", dangling.toString(), "flickr.test.echo", "via=dangling"), err());
        assertTrue(Files.isSymbolicLink(dangling));
        assertTrue(Files.readString(dir.resolve("new.xml")).contains("<via>dangling</via>"));
        assertFalse(Files.isSymbolicLink(dir.resolve("new.xml")));
        assertTrue(Files.isRegularFile(dir.resolve("new.xml"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aDashIsStandardOutput() {
        assertEquals(0, run("--sandbox", "--output", "-", "flickr.test.echo", "to=stdout"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("<to>stdout</to>"));
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }
}
