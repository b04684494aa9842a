package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.flickrdynamic.testing.OwnHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upload}, {@code replace} and {@code download} of bin/flickr against the kept sandbox (in a home
 * folder of the test's own), each command a separate sandbox started on the same folder.
 */
class FileCommandsTest {
    @TempDir
    Path home;
    @RegisterExtension
    final OwnHome ownHome = new OwnHome(() -> home);
    @TempDir
    Path work;
    private String out;
    private String err;


    private int run(String... args) {
        return run(false, args);
    }

    private int run(boolean terminal, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new FlickrCommand(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), terminal).run(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private List<String> lines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    private Path jpegLike(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return Files.write(work.resolve(name), bytes);
    }

    @Test
    void uploadPrintsEachIdAndDownloadWritesEachFileBack() throws IOException {
        Path a = jpegLike("a.jpg", 40_000, 1);
        Path b = jpegLike("b.jpg", 70_000, 2);
        assertEquals(0, run("--sandbox", "upload", a.toString(), b.toString(), "tags=trip", "is_public=0"), err);
        List<String> ids = lines();
        assertEquals(2, ids.size(), out);
        assertTrue(ids.stream().allMatch(id -> id.matches("\\d+")), out);

        Path to = Files.createDirectory(work.resolve("to"));
        assertEquals(0, run("--sandbox", "download", ids.get(0), ids.get(1), "--to", to.toString()), err);
        assertEquals(List.of(to.resolve(ids.get(0) + "_o.jpg").toString(), to.resolve(ids.get(1) + "_o.jpg").toString()),
                lines());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(to.resolve(ids.get(0) + "_o.jpg")));
        assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(to.resolve(ids.get(1) + "_o.jpg")));

        assertEquals(0, run("--sandbox", "--xpath", "//tag/@raw", "photos.getInfo", "photo_id=" + ids.get(1)), err);
        assertEquals("trip\n", out, "the tags given with the upload");
    }

    @Test
    void replaceGivesThePhotoTheNewFile() throws IOException {
        assertEquals(0, run("--sandbox", "upload", jpegLike("old.jpg", 10_000, 3).toString()), err);
        String id = out.strip();
        Path newer = jpegLike("new.jpg", 12_000, 4);
        assertEquals(0, run("--sandbox", "replace", newer.toString(), id), err);
        assertEquals(id + "\n", out);
        assertEquals(0, run("--sandbox", "download", id, "--to", work.toString()), err);
        assertArrayEquals(Files.readAllBytes(newer), Files.readAllBytes(Path.of(out.strip())));
    }

    @Test
    void asyncUploadWithWaitPrintsThePhotoIdNotTheTicket() throws IOException {
        assertEquals(0, run("--sandbox", "upload", jpegLike("slow.jpg", 5_000, 5).toString(), "async=1", "--wait"), err);
        String id = out.strip();
        assertEquals(0, run("--sandbox", "photos.getInfo", "photo_id=" + id), err);
    }

    @Test
    void downloadTheItemsOfAWalkInOneSize() throws IOException {
        assertEquals(0, run("--sandbox", "--xpath", "//photoset[1]/@id", "photosets.getList"), err);
        String set = out.strip();
        assertEquals(0, run("--sandbox", "--xpath", "//user/@id", "test.login"), err);
        String me = "user_id=" + out.strip();
        assertEquals(0, run("--sandbox", "--xpath", "//photoset/@total", "photosets.getPhotos", "photoset_id=" + set,
                me, "per_page=1"), err);
        int total = Integer.parseInt(out.strip());
        assertEquals(0, run("--sandbox", "download", "--all-pages", "photosets.getPhotos", "photoset_id=" + set, me,
                "--size", "q", "--to", work.toString()), err);
        assertEquals(total, lines().size(), out);
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(total, files.filter(f -> f.toString().endsWith("_q.jpg")).count());
        }
    }

    @Test
    void aTerminalSeesWhatIsUnderWayAndTheOutputStaysClean() throws IOException {
        assertEquals(0, run(true, "--sandbox", "upload", jpegLike("t.jpg", 5_000, 6).toString()), err);
        assertTrue(out.strip().matches("\\d+"), out);
        assertTrue(err.contains("uploading 1 of 1: t.jpg"), err);
        assertTrue(err.endsWith("\r"), "the status line is wiped when done");
    }

    @Test
    void everyBadInputIsAOneLineUsageErrorWithNothingKept() throws IOException {
        Path photo = jpegLike("p.jpg", 1_000, 7);
        assertUsage("cannot upload nowhere.jpg: there is no such file", "--sandbox", "upload", photo.toString(),
                "nowhere.jpg");
        assertUsage("cannot upload " + work + ": it is not a file", "--sandbox", "upload", work.toString());
        assertUsage("upload needs at least one FILE", "--sandbox", "upload", "title=x");
        assertUsage("--wait is for async=1 uploads", "--sandbox", "upload", photo.toString(), "--wait");
        assertUsage("replace needs a FILE and a PHOTO_ID", "--sandbox", "replace", photo.toString());
        assertUsage("photo id 'abc' is not a number", "--sandbox", "replace", photo.toString(), "abc");
        assertUsage("size 'huge' is unknown", "--sandbox", "download", "1", "--size", "huge");
        assertUsage("cannot download into " + photo + ": it is not a folder", "--sandbox", "download", "1", "--to",
                photo.toString());
        assertUsage("there is no such folder", "--sandbox", "download", "1", "--to", work.resolve("no").toString());
        assertUsage("photo id 'x1' is not a number", "--sandbox", "download", "x1");
        assertUsage("--output cannot be used with download; use --to DIR", "--sandbox", "--output", "f", "download", "1");
        Path locked = Files.createDirectory(work.resolve("locked"));
        if (locked.toFile().setWritable(false) && !Files.isWritable(locked)) {
            assertUsage("permission denied", "--sandbox", "download", "1", "--to", locked.toString());
        }
        assertFalse(Files.exists(home.resolve("sandbox/data.tsv")), "nothing was uploaded");
    }

    @Test
    void sandboxResetForgetsUploads() throws IOException {
        assertEquals(0, run("--sandbox", "upload", jpegLike("r.jpg", 1_000, 8).toString()), err);
        String id = out.strip();
        assertEquals(0, run("sandbox", "reset"), err);
        assertEquals(1, run("--sandbox", "photos.getInfo", "photo_id=" + id));
        assertTrue(err.contains("Photo not found"), err);
        assertNotEquals(0, run("sandbox", "reset", "now"));
    }

    private void assertUsage(String message, String... args) {
        assertEquals(2, run(args), out + err);
        assertTrue(err.startsWith("flickr: "), err);
        assertTrue(err.lines().findFirst().orElse("").contains(message), err);
        assertEquals("", out);
    }
}
