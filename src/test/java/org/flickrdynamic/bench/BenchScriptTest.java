package org.flickrdynamic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/bench's checks that cost nothing: it refuses what it does not know before building anything, and
 * {@code --dry-run} shows the static server's nginx configuration without starting, installing or
 * building anything. The benchmarks themselves never run here.
 */
class BenchScriptTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run bench(String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(concat(Path.of("bin/bench").toAbsolutePath().toString(), args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/bench ended");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    @Test
    void refusesAnUnknownMode() throws Exception {
        Run run = bench("warp");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("usage: bin/bench "), run.err());
    }

    @Test
    void refusesTheStaticServerWhereItHasNone() throws Exception {
        Run run = bench("walk", "--static");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("usage: bin/bench "), run.err());
    }

    @Test
    void dryRunShowsTheStaticServerWithoutStartingIt() throws Exception {
        Run run = bench("search", "--static", "--dry-run");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("listen 127.0.0.1:PORT;"), run.out());
        assertTrue(run.out().contains("gzip_static on;"), "pre-gzipped answers for clients that ask: " + run.out());
        assertTrue(run.out().contains("flickr.photos.search search;"), "search pages by the method argument");
        assertTrue(run.out().contains("target" + File.separator + "bench-static"), "its own prefix under target/");
    }
}
