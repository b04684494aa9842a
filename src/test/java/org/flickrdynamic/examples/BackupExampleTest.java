package org.flickrdynamic.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/backup/Backup.java} against the sandbox: compiled from its source as a user would run
 * it, interrupted part way, run again, and compared with a run that was never interrupted.
 */
class BackupExampleTest {
    private static final Path SOURCE = Path.of("examples/backup/Backup.java");

    @TempDir
    static Path work;
    private static Sandbox sandbox;
    private static FlickrClient flickr;
    private static Method run;
    private static List<String> ownPhotos;

    @BeforeAll
    static void compileAndStart() throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                SOURCE.toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                BackupExampleTest.class.getClassLoader());
        run = loader.loadClass("Backup").getMethod("run", FlickrClient.class, Path.class, long.class, PrintStream.class);

        sandbox = Sandbox.start();
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        flickr = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(token.token(), token.tokenSecret()).signed(true).build();
        ownPhotos = new ArrayList<>();
        for (int page = 1; ; page++) {
            Element photos = flickr.call("flickr.people.getPhotos", "user_id", "me", "per_page", 500, "page", page)
                    .element("photos");
            photos.elements("photo").forEach(p -> ownPhotos.add(p.attributeValue("id")));
            if (page >= Integer.parseInt(photos.attributeValue("pages"))) {
                break;
            }
        }
    }

    @AfterAll
    static void stop() {
        flickr.close();
        sandbox.close();
    }

    private static int backup(Path out, long limit) throws Exception {
        try {
            return (int) run.invoke(null, flickr, out, limit,
                    new PrintStream(OutputStreamNull.INSTANCE, true, StandardCharsets.UTF_8));
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** Every file under a folder by its relative path, with its content. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static List<String> stateLines(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("backup-state.txt"));
        return lines.subList(1, lines.size());
    }

    @Test
    void anInterruptedBackupCompletesToTheSameFilesAsAnUninterruptedOne() throws Exception {
        Path whole = work.resolve("whole");
        assertEquals(0, backup(whole, Long.MAX_VALUE));
        Map<String, String> expected = tree(whole);

        // Every photo of the account exactly once, with its metadata and its sets.
        assertEquals(ownPhotos.size(), stateLines(whole).size());
        assertEquals(ownPhotos.stream().sorted().toList(), stateLines(whole).stream().sorted().toList());
        assertEquals(ownPhotos.size() + 3, expected.size(), "a file a photo, then sets, collections and the state");
        Element one = new SAXReader().read(whole.resolve("photos/" + ownPhotos.get(0) + ".xml").toFile()).getRootElement();
        Element info = flickr.call("flickr.photos.getInfo", "photo_id", ownPhotos.get(0)).element("photo");
        assertEquals(info.elementText("title"), one.element("photo").elementText("title"));
        assertEquals(info.element("tags").elements().size(), one.element("photo").element("tags").elements().size());
        Element sets = new SAXReader().read(whole.resolve("sets.xml").toFile()).getRootElement();
        assertFalse(sets.elements("photoset").isEmpty());
        String setMember = sets.element("photoset").element("photos").element("photo").attributeValue("id");
        Element member = new SAXReader().read(whole.resolve("photos/" + setMember + ".xml").toFile()).getRootElement();
        assertTrue(member.element("photosets").elements().stream().anyMatch(
                s -> s.attributeValue("id").equals(sets.element("photoset").attributeValue("id"))));
        assertTrue(Files.exists(whole.resolve("collections.xml")));

        // Interrupted twice, the second time as a crash leaves it: a photo's file written but not yet
        // marked done, and the state file cut off in the middle of a line.
        Path parts = work.resolve("parts");
        assertEquals(1, backup(parts, 40));
        assertEquals(40, stateLines(parts).size());
        assertEquals(1, backup(parts, 25));
        List<String> done = stateLines(parts);
        assertEquals(65, done.size());
        String next = ownPhotos.stream().filter(id -> !done.contains(id)).findFirst().orElseThrow();
        Files.copy(whole.resolve("photos/" + next + ".xml"), parts.resolve("photos/" + next + ".xml"));
        Files.writeString(parts.resolve("backup-state.txt"), next.substring(0, 5), StandardOpenOption.APPEND);

        assertEquals(0, backup(parts, Long.MAX_VALUE));
        assertEquals(expected, tree(parts), "the same files with the same content, each photo once");
        assertEquals(0, backup(parts, Long.MAX_VALUE), "a finished backup run again has nothing to do");
        assertEquals(expected, tree(parts));
    }

    @Test
    void aBackupOfAnotherAccountIsNotMixedIn() throws Exception {
        Path out = work.resolve("mixed");
        Files.createDirectories(out);
        Files.writeString(out.resolve("backup-state.txt"), "# flickr-dynamic backup of 1@N00\n123\n");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> backup(out, 5));
        assertTrue(e.getMessage().contains("holds another account's backup"), e.getMessage());
    }

    @Test
    void itRunsAsASingleFileProgramFromTheCommandLine() throws Exception {
        Path out = work.resolve("cli");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java, "-cp", cp, SOURCE.toString(), "--sandbox", "--limit", "10", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("stopped after 10 photos"), output);
        assertEquals(10, stateLines(out).size());

        Process usage = new ProcessBuilder(java, "-cp", cp, SOURCE.toString(), "--limit", "x")
                .redirectErrorStream(true).start();
        String said = new String(usage.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(usage.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, usage.exitValue(), said);
        assertTrue(said.contains("usage: Backup [--sandbox] [--limit N] OUTDIR"), said);
        assertFalse(said.contains("\tat "), "no stack trace: " + said);
    }

    /** Discards what it is given. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }
    }
}
