package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.flickrdynamic.limit.RateLimit;
import org.flickrdynamic.testing.OwnHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code flickr --sandbox backup DIR}: its plan, its summary, its exit codes and its usage errors. */
class BackupCommandTest {
    @TempDir
    Path home;
    @RegisterExtension
    final OwnHome ownHome = new OwnHome(() -> home);
    @TempDir
    Path work;
    private String out;
    private String err;


    private int run(boolean terminal, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new FlickrCommand(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), terminal).run(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void saysWhatItWillDoThenDoesItAndALaterRunOnlyWhatChanged() {
        Path dir = work.resolve("backup");
        assertEquals(0, run(true, "--sandbox", "backup", dir.toString()), err);
        assertTrue(err.matches("(?s).*backup: 358 photos on Flickr, 358 to fetch: about 358 calls, within the limit"
                + " of 3,600 per hour\n.*"), err);
        assertTrue(err.contains("] 358 of 358 photos"), "a progress line on a terminal: " + err);
        assertTrue(out.startsWith(dir + ": 358 photos on Flickr: 358 fetched, 0 unchanged, 0 found deleted;"), out);

        assertEquals(0, run(false, "--sandbox", "photos.addTags", "photo_id=" + firstId(dir), "tags=again"));
        assertEquals(1, run(false, "--sandbox", "backup", dir.toString(), "--verify"), out + err);
        assertTrue(err.contains("changed on Flickr since the backup"), err);
        assertEquals(0, run(false, "--sandbox", "backup", dir.toString()), err);
        assertTrue(out.contains(": 358 photos on Flickr: 1 fetched, 357 unchanged"), out);
        assertTrue(!err.contains("] "), "no progress line off a terminal: " + err);
        assertEquals(0, run(false, "--sandbox", "backup", dir.toString(), "--verify"), out + err);
        assertTrue(out.contains("0 differences"), out);
    }

    @Test
    void badInputIsAOneLineUsageError() throws Exception {
        Path file = Files.writeString(work.resolve("file"), "x");
        usage("backup needs a folder (DIR)", "--sandbox", "backup");
        usage("backup takes one folder", "--sandbox", "backup", "a", "b");
        usage("cannot back up into " + file + ": it is not a folder", "--sandbox", "backup", file.toString());
        usage("--rate-limit needs N/DURATION (3600/1h, 100/10s) or off, not 'fast'", "--sandbox", "backup",
                work.toString(), "--rate-limit", "fast");
        usage("cannot verify " + work.resolve("none") + ": there is no such folder", "--sandbox", "backup",
                work.resolve("none").toString(), "--verify");
        usage("--output cannot be used with backup", "--sandbox", "--output", "x", "backup", work.toString());
        assertEquals(1, run(false, "--sandbox", "backup", work.toString(), "--verify"));
        assertTrue(err.contains("there is no backup in " + work), err);
    }

    @Test
    void theEstimateFollowsTheLimit() {
        RateLimit flickr = BackupCommand.limit(null);
        assertEquals(3600, flickr.permits());
        assertEquals(Duration.ofHours(1), flickr.period());
        assertEquals(", at 3,600 per hour about 2.5 hours", BackupCommand.estimate(9_000, flickr));
        assertEquals(", at 100 per 10 minutes about 30 minutes", BackupCommand.estimate(300, BackupCommand.limit("100/10m")));
        assertEquals(null, BackupCommand.limit("off"));
        assertEquals("", BackupCommand.estimate(9_000, null));
    }

    private String firstId(Path dir) {
        try (var lines = Files.lines(dir.resolve("index.tsv"))) {
            return lines.filter(l -> !l.startsWith("#")).findFirst().orElseThrow().split("\t")[0];
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void usage(String message, String... args) {
        assertEquals(2, run(false, args), out + err);
        assertTrue(err.startsWith("flickr: " + message), err);
        assertEquals("", out);
    }
}
