package org.flickrdynamic.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/flickr-run itself, run as a process on a user's own scripts, written here into a folder of their
 * own. A copy of the launcher sits in a scratch root whose bin/.classpath.sh names the library's class
 * path from the tests' one (so no jar is built first), and whose target/engines/ names each engine's
 * jars, as the launcher's first use leaves them; a stand-in for Maven shows how it asks for them.
 */
class FlickrRunTest {
    @TempDir
    static Path root;
    @TempDir
    static Path user;

    private record Run(int exit, String out, String err) {
    }

    private static final Predicate<String> ENGINE = e -> e.contains("groovy") || e.contains("clojure")
            || e.contains("jruby") || e.contains("nashorn") || e.contains("/asm");

    private static List<String> testClassPath() {
        return Arrays.stream(JShellTest.testClassPath().split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).toList();
    }

    private static String joined(Predicate<String> which) {
        return testClassPath().stream().filter(which).collect(Collectors.joining(File.pathSeparator));
    }

    @BeforeAll
    static void install() throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Path launcher = root.resolve("bin/flickr-run");
        Files.copy(Path.of("bin/flickr-run"), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("bin/.java.sh"), root.resolve("bin/.java.sh"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(launcher.toFile().setExecutable(true));
        // The library and its dependencies with the launchers' logger, as target/lib and target/cli-lib hold
        // them; not the test classes, whose log recorder would answer instead.
        String library = joined(e -> !ENGINE.test(e) && !e.endsWith("test-classes") && !e.contains("junit")
                && !e.contains("opentest4j"));
        Files.writeString(root.resolve("bin/.classpath.sh"), "FLICKR_DYNAMIC_CP='" + library + "'\n");
        Files.createDirectories(root.resolve("target/engines"));
        Files.writeString(root.resolve("target/engines/groovy.classpath"), joined(e -> e.contains("groovy")));
        Files.writeString(root.resolve("target/engines/clojure.classpath"), joined(e -> e.contains("clojure")));
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/flickr-run").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(user.toFile());
        pb.environment().put("LC_ALL", "C.UTF-8");
        // The Java running the tests, not a Java 25 the launcher would look for (and make a cache for).
        pb.environment().put("FLICKR_DYNAMIC_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("FLICKR_DYNAMIC_HOME", user.resolve("home").toString());
        pb.environment().remove("FLICKR_API_KEY");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("bin/flickr-run did not finish; it printed: " + Files.readString(out) + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String script(String name, String text) throws IOException {
        Path file = user.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    private static void assertNoLoggingNoise(Run r) {
        assertFalse(r.out().contains("SLF4J") || r.err().contains("SLF4J"), r.out() + r.err());
    }

    @Test
    void aGroovyScriptOfTheUsersCallsTheSandboxWithItsArguments() throws Exception {
        String mine = script("mine.groovy", """
                import org.flickrdynamic.Flickr
                def photos = Flickr.call('photos.search', 'tags', args[0], 'per_page', 2).element('photos')
                println "${args[0]}: ${photos.attributeValue('total')} photos"
                photos.elements('photo').each { println it.attributeValue('id') }
                """);
        Run r = run(Map.of(), "--sandbox", mine, "cat");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).matches("cat: [1-9][0-9]* photos"), lines.get(0));
        assertTrue(lines.get(1).matches("[0-9]+") && !lines.get(1).equals(lines.get(2)), r.out());
        assertNoLoggingNoise(r);
    }

    @Test
    void aClojureScriptOfTheUsersCallsTheSandboxWithItsArguments() throws Exception {
        String mine = script("mine.clj", """
                (import 'org.flickrdynamic.Flickr)
                (let [[word] *command-line-args*
                      rsp (Flickr/call "flickr.test.echo" (into-array Object ["said" word]))]
                  (println "echo:" (.elementText rsp "said")))
                """);
        Run r = run(Map.of(), "--sandbox", mine, "bonjour");
        assertEquals(0, r.exit(), r.err());
        assertEquals("echo: bonjour\n", r.out());
        assertNoLoggingNoise(r);
    }

    @Test
    void aFlickrErrorInTheScriptIsItsExitStatus() throws Exception {
        String mine = script("fails.groovy", """
                org.flickrdynamic.Flickr.call('photos.getInfo', 'photo_id', '1')
                """);
        Run r = run(Map.of(), "--sandbox", mine);
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("FlickrApiException") && r.err().contains("flickr.photos.getInfo"), r.err());
        assertFalse(r.err().contains("sandbox-secret"), r.err());
    }

    @Test
    void anotherKindOfFileIsAUsageErrorNamingTheKinds() throws Exception {
        Run r = run(Map.of(), "--sandbox", script("notes.py", "print('hi')\n"));
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("notes.py is not a script it runs; it takes .groovy, .clj, .rb, .js and .jsh files"), r.err());
        Run none = run(Map.of());
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("usage: bin/flickr-run [--sandbox] FILE"), none.err());
    }

    @Test
    void withoutSandboxOrKeyItSaysWhatToSet() throws Exception {
        Run r = run(Map.of(), script("echo.groovy", "println 1\n"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("FLICKR_API_KEY is not set"), r.err());
    }

    @Test
    void theEngineIsAskedOfMavenOnceAndKept() throws Exception {
        // A stand-in for mvn that records its arguments and writes the engine's class path where asked.
        Path fakeBin = Files.createDirectories(user.resolve("fake-bin"));
        Path calls = user.resolve("mvn-calls.txt");
        Files.writeString(fakeBin.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "$*" >> '%s'
                for a in "$@"; do case "$a" in -Dmdep.outputFile=*) printf '%%s' '%s' > "${a#*=}" ;; esac; done
                """.formatted(calls, joined(e -> e.contains("nashorn") || e.contains("/asm"))));
        assertTrue(fakeBin.resolve("mvn").toFile().setExecutable(true));
        Map<String, String> env = Map.of("PATH", fakeBin + File.pathSeparator + System.getenv("PATH"));
        String mine = script("mine.js", """
                var Flickr = Java.type('org.flickrdynamic.Flickr');
                print(Flickr.call('flickr.test.echo', 'n', arguments.length).elementText('n'));
                """);
        Run first = run(env, "--sandbox", mine, "a", "b");
        assertEquals(0, first.exit(), first.err());
        assertEquals("2\n", first.out());
        assertTrue(first.err().contains("fetching the js engine (first use)"), first.err());
        Run second = run(env, "--sandbox", mine);
        assertEquals("0\n", second.out(), second.err());
        List<String> asked = Files.readAllLines(calls);
        assertEquals(1, asked.size(), "Maven is asked once: " + asked);
        assertTrue(asked.get(0).contains("dependency:build-classpath") && asked.get(0).contains("-Dmdep.includeScope=test")
                && asked.get(0).contains("-DincludeGroupIds=org.openjdk.nashorn,org.ow2.asm"), asked.get(0));
    }
}
