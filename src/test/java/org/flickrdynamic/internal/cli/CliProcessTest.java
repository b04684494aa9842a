package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bin/flickr's command in a process of its own, as a shell runs it: stopped by Ctrl-C (SIGINT) or
 * SIGTERM in the middle of {@code --all-pages --output F} against a slow sandbox, it leaves no temporary
 * file and wipes its progress bar, and exits 130 or 143; a reader that stops early ({@code | head -2},
 * under {@code set -o pipefail}) ends it quietly with status 0, while a full disk stays an error; and an
 * ordinary user may write to {@code /dev/null}.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CliProcessTest {
    @TempDir
    Path dir;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command line of bin/flickr's main class, with the token store in a folder of the test's. */
    private List<String> flickr(String classPath, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", classPath,
                "-Dflickrdynamic.home=" + dir.resolve("home"), FlickrCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static String drain(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether {@code env --default-signal} can give the child a Ctrl-C that the test's own process may ignore. */
    private static boolean envResetsSignals() throws Exception {
        Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalLeavesNoTemporaryFileAndWipesTheBar(String signal, int status) throws Exception {
        // A background job's shell may have set SIGINT to be ignored, which a child inherits: undo it.
        assumeTrue(envResetsSignals(), "env --default-signal is needed to give the child a Ctrl-C");
        Path output = dir.resolve("photos.xml");
        try (Sandbox sandbox = Sandbox.start()) {
            sandbox.faults().latency(Duration.ofMillis(300));
            List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM"));
            command.addAll(flickr(ChildJvm.classPath(), "--endpoint", sandbox.restUrl(),
                    "--all-pages", "--output", output.toString(), "photos.search", "text=a", "per_page=20"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.put("FLICKR_API_KEY", sandbox.apiKey());
            env.put("FLICKR_API_SECRET", sandbox.secret());
            env.put(Progress.STDERR_TTY, "1");
            Process child = pb.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = child.getErrorStream()) {
                    byte[] b = new byte[4096];
                    for (int n; (n = in.read(b)) >= 0; ) {
                        synchronized (err) {
                            err.write(b, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the child is gone
                }
            });
            reader.start();
            try {
                // Stopped once pages are arriving: the bar is on screen and the temporary file is being written.
                while (true) {
                    String seen;
                    synchronized (err) {
                        seen = err.toString(StandardCharsets.UTF_8);
                    }
                    if (seen.contains(" items")) {
                        break;
                    }
                    assertTrue(child.isAlive(), "the command ended before any page arrived: " + seen);
                    Thread.sleep(50);
                }
                assertEquals(1, parts().size(), "the temporary file exists while pages arrive");
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
                assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the command stopped");
                reader.join(10_000);
            } finally {
                child.destroyForcibly();
            }
            String shown = err.toString(StandardCharsets.UTF_8);
            assertEquals(status, child.exitValue(), shown);
            assertEquals(List.of(), parts(), "no temporary file is left");
            assertFalse(Files.exists(output), "no half-written output either");
            assertTrue(shown.matches("(?s).*\\r +\\r"), "the bar is wiped last: " + shown.replace("\r", "\\r"));
        }
    }

    private List<Path> parts() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private Process shell(String script) throws IOException {
        return new ProcessBuilder("bash", "-c", script).start();
    }

    private static String quoted(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String word : command) {
            sb.append(sb.length() == 0 ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    @Test
    void aReaderThatStopsEarlyEndsTheCommandQuietly() throws Exception {
        String cp = ChildJvm.classPath();
        for (List<String> command : List.of(
                flickr(cp, "--sandbox", "photos.search", "text=a", "per_page=500", "extras=description,tags,url_o"),
                flickr(cp, "--sandbox", "--all-pages", "photos.search", "text=a", "per_page=100"))) {
            Process p = shell("set -o pipefail; " + quoted(command) + " 2>" + dir.resolve("err") + " | head -2");
            String out = drain(p.getInputStream());
            assertTrue(p.waitFor(90, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "the pipeline succeeds: " + Files.readString(dir.resolve("err")));
            assertEquals(2, out.lines().count(), out);
            assertEquals("", Files.readString(dir.resolve("err")), "nothing to say");
        }
    }

    @Test
    void aDescriptorPathIsWrittenThrough() throws Exception {
        // /proc/self/fd/1 is where /dev/stdout leads; nothing there can be replaced, so the test risks no device.
        Process p = new ProcessBuilder(flickr(ChildJvm.classPath(), "--sandbox", "--output",
                "/proc/self/fd/1", "flickr.test.echo", "to=descriptor")).start();
        String out = drain(p.getInputStream());
        String err = drain(p.getErrorStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("<to>descriptor</to>"), out);
    }

    @Test
    void aFullDiskIsStillAnError() throws Exception {
        Process p = shell(quoted(flickr(ChildJvm.classPath(), "--sandbox", "flickr.test.echo", "a=b"))
                + " >/dev/full");
        String err = drain(p.getErrorStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals("flickr: cannot write standard output (it was closed, or the disk is full)\n", err);
    }

    @Test
    void anOrdinaryUserMayWriteToDevNull() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "runs the command as nobody, which needs root");
        // nobody cannot read root's Maven repository, nor a checkout inside a private folder: the jars and
        // class folders go where it can.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lib = Files.createDirectory(dir.resolve("lib"));
        List<String> entries = new ArrayList<>();
        for (String entry : ChildJvm.classPath().split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p)) {
                Path copy = Files.copy(p, lib.resolve(entries.size() + "-" + p.getFileName()));
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            } else if (Files.isDirectory(p)) {
                entries.add(copyReadable(p, lib.resolve(entries.size() + "-" + p.getFileName())).toString());
            }
        }
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        command.addAll(flickr(String.join(java.io.File.pathSeparator, entries), "--sandbox", "--output", "/dev/null",
                "flickr.test.echo", "a=b"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = drain(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out);
        assertTrue(Files.readAttributes(Path.of("/dev/null"), PosixFileAttributes.class).isOther(), "still a device");
    }

    /** Copies a class folder where any user may read it. */
    private static Path copyReadable(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(f, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        return to;
    }
}
