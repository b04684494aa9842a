package org.flickrdynamic.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/backup/Backup.java, run as a source-file program the way its comment says, against the sandbox. */
class BackupExampleTest {
    @TempDir
    Path work;

    @Test
    void theExampleBacksUpTheSandboxAccountWithItsOriginals() throws Exception {
        Path out = work.resolve("backup");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(List.of(java, "-cp", cp, "examples/backup/Backup.java", "--sandbox",
                out.toString())).redirectErrorStream(true).redirectOutput(work.resolve("log").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the example did not finish");
        }
        String log = Files.readString(work.resolve("log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.matches("(?s).*\\d+ photos: \\d+ fetched, 0 unchanged, 0 deleted.*"), log);
        long photos = Files.readAllLines(out.resolve("index.tsv")).stream().filter(l -> !l.startsWith("#")).count();
        try (Stream<Path> originals = Files.list(out.resolve("originals"))) {
            assertEquals(photos, originals.count(), "one original a photo");
        }
        assertTrue(new File(out.toFile(), "collections.xml").isFile());
    }
}
