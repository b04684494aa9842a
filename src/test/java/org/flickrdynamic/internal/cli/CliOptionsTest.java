package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options bin/flickr gained: --list, --xpath, --all-pages, --output, and their usage errors. */
class CliOptionsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void clear() {
        out.reset();
        err.reset();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    /** Runs as bin/flickr does when standard error is a terminal: with the progress bar. */
    private int runOnTerminal(String... args) {
        out.reset();
        err.reset();
        return new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return out().lines().toList();
    }

    private void assertUsageError(int code, String reason) {
        assertEquals(2, code, err());
        List<String> lines = err().lines().toList();
        assertEquals("flickr: " + reason, lines.get(0));
        assertTrue(lines.get(1).startsWith("usage: flickr "), err());
        assertTrue(lines.size() <= 3, "a reason and a usage hint, not a manual: " + err());
        assertEquals("", out());
    }

    @Test
    void listPrintsMethodNamesByPrefix() {
        assertEquals(0, run("--list"));
        assertEquals(MethodTable.bundled().names(), lines());
        assertEquals(0, run("--list", "photos.s"));
        List<String> expected = MethodTable.bundled().names().stream().filter(n -> n.startsWith("flickr.photos.s")).toList();
        assertEquals(expected, lines());
        assertTrue(expected.contains("flickr.photos.search"));
        assertEquals(0, run("--list", "flickr.test."));
        assertEquals(List.of("flickr.test.echo", "flickr.test.login", "flickr.test.null"), lines());
        assertEquals(2, run("--list", "nothing.like.this"));
        assertTrue(err().contains("no method starts with 'nothing.like.this'"), err());
    }

    @Test
    void xpathPrintsOnlyTheMatches() throws Exception {
        assertEquals(0, run("--sandbox", "photos.search", "tags=cat", "per_page=3"), err());
        Element rsp = DocumentHelper.parseText(out()).getRootElement();
        List<String> ids = rsp.element("photos").elements("photo").stream().map(p -> p.attributeValue("id")).toList();

        assertEquals(0, run("--sandbox", "--xpath", "//photo/@id", "photos.search", "tags=cat", "per_page=3"), err());
        assertEquals(ids, lines(), "attribute values, one a line");
        assertEquals(0, run("--sandbox", "photos.search", "tags=cat", "per_page=3", "--xpath", "count(//photo)"));
        assertEquals(List.of("3"), lines(), "options may follow the arguments");
        assertEquals(0, run("--sandbox", "--xpath", "photos/photo[1]", "photos.search", "tags=cat", "per_page=3"));
        assertTrue(out().startsWith("<photo id=\"" + ids.get(0) + "\""), "elements as XML: " + out());
        assertEquals(0, run("--sandbox", "--xpath", "//echo/text()", "test.echo", "echo=hello"));
        assertEquals(List.of("hello"), lines(), "text as text");
        assertEquals(0, run("--sandbox", "--xpath", "//nothing", "test.echo"));
        assertEquals("", out(), "no match, no output, still a success");
    }

    @Test
    void aBadXpathIsAUsageErrorNamingIt() {
        assertEquals(2, run("--sandbox", "--xpath", "//photo[", "photos.search"));
        assertTrue(err().startsWith("flickr: --xpath '//photo[' is not a valid XPath expression"), err());
        assertTrue(err().lines().skip(1).findFirst().orElse("").startsWith("usage: flickr"), err());
        assertEquals("", out());
        assertUsageError(run("--sandbox", "--xpath", "", "photos.search"), "--xpath needs an expression, not an empty one");
        assertUsageError(run("--sandbox", "--xpath", "nosuchfn(1)", "test.echo"),
                "--xpath 'nosuchfn(1)' cannot be evaluated: No Such Function nosuchfn");
        assertUsageError(run("--sandbox", "photos.search", "--xpath"), "--xpath needs an XPath expression");
    }

    @Test
    void unknownFunctionsVariablesAndPrefixesAreFoundBeforeTheCall() throws IOException {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"))) {
            for (String[] bad : new String[][] {{"$x", "Variable x"}, {"foo:bar()", "foo"}, {"nosuchfn()", "nosuchfn"}}) {
                assertEquals(2, run("--endpoint", server.restUrl(), "--xpath", bad[0], "test.echo"));
                assertTrue(err().startsWith("flickr: --xpath '" + bad[0] + "' cannot be evaluated") && err().contains(bad[1]),
                        err());
            }
            assertEquals(List.of(), server.received(), "checked before the key and before sending");
        }
    }

    @Test
    void aClosedStandardOutputIsAnErrorAndStopsTheWalk() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        err.reset();
        int code = new FlickrCommand(new PrintStream(closed, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--sandbox", "--all-pages", "photos.search", "tags=cat", "per_page=10"});
        assertEquals(2, code);
        assertEquals("flickr: cannot write the output (it was closed, or the disk is full); stopped after page 1\n",
                err.toString(StandardCharsets.UTF_8), "one line, and no page after the first");
        err.reset();
        code = new FlickrCommand(new PrintStream(closed, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"--sandbox", "test.echo"});
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write standard output"), err.toString());
    }

    @Test
    void allPagesPrintsEveryItemOnce() throws Exception {
        assertEquals(0, run("--sandbox", "photos.search", "tags=cat", "per_page=1"), err());
        int total = Integer.parseInt(DocumentHelper.parseText(out()).getRootElement().element("photos")
                .attributeValue("total"));
        assertTrue(total > 100, "several pages of 40: " + total);

        assertEquals(0, run("--sandbox", "--all-pages", "photos.search", "tags=cat", "per_page=40"), err());
        assertEquals(total, out().split("<photo ", -1).length - 1);
        assertFalse(out().contains("<rsp"), "the items, not the envelopes");
        assertEquals("", err(), "no progress bar outside a terminal");

        assertEquals(0, run("--sandbox", "--all-pages", "--xpath", "//photo/@id", "photos.search", "tags=cat",
                "per_page=40"), err());
        assertEquals(total, lines().size());
        assertEquals(total, new HashSet<>(lines()).size());

        assertEquals(0, run("--sandbox", "--all-pages", "--xpath", "/rsp/photos/@page", "photos.search", "tags=cat",
                "per_page=40"));
        assertEquals("1", lines().get(0), "an expression sees each page's <rsp>");
        assertEquals(Integer.toString((total + 39) / 40), lines().get(lines().size() - 1));
    }

    @Test
    void allPagesOfAMethodThatIsNotPagedIsAUsageError() {
        assertEquals(2, run("--sandbox", "--all-pages", "test.echo", "a=b"));
        assertTrue(err().contains("it is not paged"), err());
    }

    @Test
    void outputWritesTheWholeResultToAFile() throws IOException {
        // Anonymous: a logged-in echo is signed, and its nonce differs from one call to the next.
        assertEquals(0, run("--sandbox", "--anonymous", "test.echo", "foo=bar"));
        String expected = out();
        Path file = dir.resolve("echo.xml");
        assertEquals(0, run("--sandbox", "--anonymous", "--output", file.toString(), "test.echo", "foo=bar"), err());
        assertEquals("", out());
        assertEquals(expected, Files.readString(file));
        assertEquals(List.of(file), files(), "no temporary file left behind");
    }

    @Test
    void outputFilesGetTheUsersUsualPermissionsOrKeepTheReplacedFilesOwn() throws IOException {
        Path reference = Files.createFile(dir.resolve("made-the-usual-way"));
        Path fresh = dir.resolve("fresh.xml");
        assertEquals(0, run("--sandbox", "-o", fresh.toString(), "test.echo"), err());
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh),
                "as the umask makes them, not a temporary file's rw-------");

        Path shared = dir.resolve("shared.xml");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        assertEquals(0, run("--sandbox", "-o", shared.toString(), "test.echo"), err());
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        assertTrue(Files.readString(shared).contains("flickr.test.echo"));
    }

    @Test
    void outputToAnUnwritablePathFailsBeforeCalling() {
        Path missing = dir.resolve("no/such/dir/out.xml");
        int code = run("--sandbox", "-o", missing.toString(), "test.echo");
        assertUsageError(code, "cannot write " + missing + ": there is no directory " + missing.getParent());
        assertFalse(Files.exists(missing));
        assertUsageError(run("--sandbox", "--output", dir.toString(), "test.echo"), "cannot write " + dir + ": it is a directory");
    }

    @Test
    void aFailedCallLeavesNoFileAndKeepsTheOldOne() throws IOException {
        Path file = dir.resolve("info.xml");
        assertEquals(1, run("--sandbox", "--output", file.toString(), "photos.getInfo", "photo_id=1"));
        assertTrue(err().startsWith("flickr: error 1: "), err());
        assertEquals(List.of(), files(), "nothing half-written");

        Files.writeString(file, "old");
        assertEquals(1, run("--sandbox", "--output", file.toString(), "photos.getInfo", "photo_id=1"));
        assertEquals("old", Files.readString(file));
        assertEquals(2, run("--sandbox", "--output", file.toString(), "--all-pages", "photos.search", "page=0"));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void wrongUsageIsOneLineAndAHint() {
        assertUsageError(run("--endpoint"), "--endpoint needs a URL");
        assertUsageError(run("--endpoint", "", "test.echo"), "--endpoint needs a URL, not an empty one");
        assertUsageError(run("--sandbox", "--output", "", "test.echo"), "--output needs a file name, not an empty one");
        assertUsageError(run("--sandbox", "--sandbox", "test.echo"), "--sandbox is given twice");
        assertUsageError(run("--frobnicate", "test.echo"), "unknown option --frobnicate");
        assertUsageError(run("--sandbox", "--endpoint", "http://127.0.0.1:9/", "test.echo"),
                "--sandbox and --endpoint cannot be used together");
        assertUsageError(run("methods"), "methods needs refresh");
        assertUsageError(run("methods", "frob"), "unknown methods command frob");
        assertUsageError(run("completion"), "completion needs bash or zsh");
        assertUsageError(run("completion", "fish"), "completion needs bash or zsh, not fish");
        assertUsageError(run("--xpath", "//a", "auth", "status"), "--xpath cannot be used with auth");
        assertUsageError(run("--sandbox", "test.echo", "a=1", "a=2"), "argument a is given twice");
    }

    @Test
    void progressLineShowsItemsAgainstTheTotal() {
        assertEquals("[#########.....................] 1,500 of 5,000 items", Progress.line(1_500, 5_000));
        assertEquals("[##############################] 5,000 of 5,000 items", Progress.line(5_000, 5_000));
        assertEquals("12 items", Progress.line(12, 0));
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bar, true, StandardCharsets.UTF_8));
        Element page = DocumentHelper.createElement("photos").addAttribute("total", "4");
        p.clear();
        assertEquals("", bar.toString(StandardCharsets.UTF_8), "no bar, nothing to wipe");
        p.page(page, 2);
        p.page(page, 2);
        p.clear();
        p.clear();
        String wipe = "\r" + " ".repeat(Progress.line(4, 4).length()) + "\r";
        assertEquals("\r" + Progress.line(2, 4) + "\r" + Progress.line(4, 4) + wipe, bar.toString(StandardCharsets.UTF_8),
                "frames, then one wipe as wide as the bar, and no new line");
    }

    @Test
    void theBarIsDrawnOnlyWhenTheLauncherSaysStandardErrorIsATerminal() {
        assertTrue(Progress.stderrIsTerminal(Map.of(Progress.STDERR_TTY, "1")));
        assertFalse(Progress.stderrIsTerminal(Map.of()), "without bin/flickr (tests, embedding): no bar");
        assertFalse(Progress.stderrIsTerminal(Map.of(Progress.STDERR_TTY, "")));
        assertFalse(Progress.stderrIsTerminal(Map.of(Progress.STDERR_TTY, "0")));
    }

    @Test
    void allPagesOnATerminalDrawsTheBarAndWipesIt() {
        String[] args = {"--sandbox", "--all-pages", "--xpath", "//photo/@id", "photos.search", "tags=cat", "per_page=40"};
        assertEquals(0, run(args), err());
        String plain = out();
        assertEquals("", err(), "not a terminal: no bar");

        assertEquals(0, runOnTerminal(args), err());
        assertEquals(plain, out(), "standard output is the same with the bar");
        int total = lines().size();
        StringBuilder frames = new StringBuilder();
        for (int done = 40; done < total + 40; done += 40) {
            String line = Progress.line(Math.min(done, total), total);
            frames.append('\r').append(line).append('\r').append(" ".repeat(line.length())).append('\r');
        }
        assertEquals(frames.toString(), err(), "each page's frame is wiped before the next page's items and at the end;"
                + " the bar never ends a line of its own");
    }

    @Test
    void aWalkThatFailsWipesTheBarBeforeTheError() throws IOException {
        String page1 = """
                <?xml version="1.0" encoding="utf-8" ?>
                <rsp stat="ok"><photos page="1" pages="2" perpage="2" total="3">
                <photo id="11" owner="1@N01" secret="a" server="1" farm="1" title="one" ispublic="1" isfriend="0" isfamily="0"/>
                <photo id="12" owner="1@N01" secret="b" server="1" farm="1" title="two" ispublic="1" isfriend="0" isfamily="0"/>
                </photos></rsp>
                """;
        try (ScriptedServer s = new ScriptedServer(ScriptedServer.answer(500, "text/html", "<h1>oops</h1>"))) {
            ScriptedServer.Script first = ScriptedServer.xml(page1);
            s.script((socket, o) -> {
                s.script(ScriptedServer.answer(500, "text/html", "<h1>oops</h1>"));
                first.answer(socket, o);
            });
            assertEquals(3, runOnTerminal("--endpoint", s.restUrl(), "--all-pages", "--xpath", "//photo/@id",
                    "photos.search", "api_key=k", "tags=cat", "per_page=2"), err());
        }
        assertEquals(List.of("11", "12"), lines());
        String frame = Progress.line(2, 3);
        String wipe = "\r" + " ".repeat(frame.length()) + "\r";
        assertTrue(err().startsWith("\r" + frame + wipe + "flickr: "), "the message starts on a clean line: " + err());
        assertTrue(err().contains("HTTP 500"), err());
    }

    /**
     * bin/flickr itself, with a stand-in for bin/.jvm that records what the launcher told it: the
     * variable is 1 exactly when standard error is a terminal, whatever standard output is.
     */
    @Test
    void theLauncherTellsWhetherStandardErrorIsATerminal() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "script (util-linux) is not installed; no terminal to test with");
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("bin"));
        Path launcher = root.resolve("bin/flickr");
        Files.copy(Path.of("bin/flickr"), launcher);
        Files.writeString(root.resolve("bin/.classpath.sh"), "FLICKR_DYNAMIC_CP=none\n");
        Path jvm = root.resolve("bin/.jvm");
        Files.writeString(jvm, "#!/usr/bin/env bash\nprintf '%s' \"${FLICKR_DYNAMIC_STDERR_TTY-unset}\" > \"$REPORT\"\n");
        assertTrue(launcher.toFile().setExecutable(true) && jvm.toFile().setExecutable(true));
        Path report = dir.resolve("report");
        String q = "'" + launcher + "'";
        String ids = " > '" + dir.resolve("ids.txt") + "'";
        String errFile = " 2> '" + dir.resolve("err.txt") + "'";

        assertEquals("1", launch(report, script.toString(), "-qec", q + ids, "/dev/null"), "> ids.txt on a terminal");
        assertEquals("unset", launch(report, script.toString(), "-qec", q + errFile, "/dev/null"), "2> err.txt");
        assertEquals("1", launch(report, script.toString(), "-qec", q, "/dev/null"), "all on a terminal");
        assertEquals("unset", launch(report, "bash", "-c", q + ids + errFile), "no terminal, though the variable was set");
    }

    private static String launch(Path report, String... command) throws Exception {
        Files.deleteIfExists(report);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("REPORT", report.toString());
        pb.environment().put(Progress.STDERR_TTY, "1");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        return Files.readString(report);
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run("--help"));
        for (String option : Completion.OPTIONS.split(" ")) {
            assertTrue(out().contains(option), "help names " + option);
        }
        assertTrue(out().contains("completion bash|zsh") && out().contains("methods refresh"), out());
        assertEquals(0, run("photos.search", "--help"));
        assertTrue(out().startsWith("flickr.photos.search\n"), "--help after a method documents it: " + out());
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("flickr-dynamic "), out());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
