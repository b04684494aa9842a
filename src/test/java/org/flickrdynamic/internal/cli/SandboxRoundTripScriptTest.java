package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.flickrdynamic.testing.ScratchLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/test/scripts/sandbox-round-trip.sh, run as a process: an upload, a tag, a download and a reset, each
 * a separate {@code bin/flickr --sandbox} process, the downloaded bytes compared with {@code cmp}. A copy
 * of the launcher sits in a scratch root whose bin/.classpath.sh names the test class path, so no jar has
 * to be built first.
 */
class SandboxRoundTripScriptTest {
    @TempDir
    Path root;
    @TempDir
    Path home;

    @Test
    void uploadThenDownloadInSeparateCommandsGivesTheBytesBack() throws Exception {
        Path flickr = install();
        ProcessBuilder pb = new ProcessBuilder("src/test/scripts/sandbox-round-trip.sh", flickr.toString());
        pb.environment().put("FLICKR_DYNAMIC_HOME", home.toString());
        pb.environment().put("FLICKR_DYNAMIC_CDS", "off");
        pb.environment().remove("FLICKR_API_KEY");
        Path out = root.resolve("out.txt");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the script did not finish; it printed: " + Files.readString(out));
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.contains("round trip ok"), printed);
        assertTrue(Files.notExists(home.resolve("sandbox/data.tsv")), "the script's last step reset the sandbox");
    }

    private Path install() throws IOException {
        Path flickr = ScratchLauncher.install(root);
        String cp = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(File.pathSeparator))
                .filter(e -> !e.contains("jruby") && !e.contains("groovy") && !e.contains("clojure")
                        && !e.contains("nashorn"))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        Files.writeString(root.resolve("bin/.classpath.sh"), "FLICKR_DYNAMIC_CP='" + cp + "'\n");
        return flickr;
    }
}
