package org.flickrdynamic.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/flickr-shell itself, run as a process with the real jshell tool. A copy of the launcher sits in a
 * scratch root whose bin/.classpath.sh names the test class path, so no jar has to be built first.
 */
class ShellLauncherTest {
    @TempDir
    static Path root;
    @TempDir
    static Path home;

    /** What a run printed. */
    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void install() throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Path launcher = root.resolve("bin/flickr-shell");
        Files.copy(Path.of("bin/flickr-shell"), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("bin/.java.sh"), root.resolve("bin/.java.sh"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(launcher.toFile().setExecutable(true));
        // The script engines are not needed here; leaving them out keeps jshell's start quick.
        String cp = Arrays.stream(JShellTest.testClassPath().split(File.pathSeparator))
                .filter(e -> !e.contains("jruby") && !e.contains("groovy") && !e.contains("clojure")
                        && !e.contains("nashorn") && !e.contains("/asm"))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        Files.writeString(root.resolve("bin/.classpath.sh"), "FLICKR_DYNAMIC_CP='" + cp + "'\n");
    }

    private static Run run(Map<String, String> env, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/flickr-shell").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().put("LC_ALL", "C.UTF-8");
        // The Java running the tests, not a Java 25 the launcher would look for (and make a cache for).
        pb.environment().put("FLICKR_DYNAMIC_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("FLICKR_DYNAMIC_HOME", home.toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("bin/flickr-shell did not finish; it printed: " + Files.readString(out) + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void sandboxShellGreetsAndCalls() throws Exception {
        Run r = run(Map.of(), """
                call("test.echo", "foo", "bar")
                help("photos.delete")
                methods("photos.comments.")
                /exit
                """, "--sandbox");
        assertEquals(0, r.exit(), r.err());
        String greeting = r.out().lines().findFirst().orElse("");
        assertTrue(greeting.startsWith("flickr-dynamic "), r.out());
        assertTrue(greeting.contains(": sandbox at http://127.0.0.1:"), greeting);
        assertTrue(greeting.contains("no stored login"), greeting);
        assertTrue(r.out().contains("==> <rsp stat=\"ok\">\n  <method>flickr.test.echo</method>"), r.out());
        assertTrue(r.out().contains("\n  <foo>bar</foo>\n"), r.out());
        assertTrue(r.out().contains("photo_id (required)"), "help prints the documentation: " + r.out());
        assertTrue(r.out().contains("flickr.photos.comments.getList"), r.out());
        assertFalse(r.out().contains("sandbox-secret"), "the greeting never shows a secret");
    }

    @Test
    void theExampleRunsAgainstTheEnvironmentsEndpoint() throws Exception {
        try (ScriptSandbox sandbox = new ScriptSandbox()) {
            Run r = run(Map.of("FLICKR_ENDPOINT", sandbox.sandbox.restUrl(),
                    "FLICKR_API_KEY", sandbox.sandbox.apiKey(),
                    "FLICKR_API_SECRET", sandbox.sandbox.secret()), "", Path.of("examples/search.jsh").toAbsolutePath().toString());
            assertEquals(0, r.exit(), r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals("flickr-dynamic " + org.flickrdynamic.internal.Version.get() + ": API key set, secret set, endpoint "
                    + sandbox.sandbox.restUrl() + "; no stored login. Try help(\"photos.search\"), methods(\"photos.\"),"
                    + " call(\"test.echo\", \"foo\", \"bar\")", lines.get(0));
            String printed = lines.subList(1, lines.size()).stream().map(l -> l + "\n").collect(Collectors.joining());
            assertEquals(sandbox.expectedSearchOutput(), printed);
        }
    }

    @Test
    void aStoredLoginIsNamed() throws Exception {
        TokenStore.at(home).save("stored-key", new AccessToken("72157-tok", "tok-secret", "123@N01", "alice", "", Permission.WRITE));
        Run r = run(Map.of("FLICKR_API_KEY", "stored-key"), "/exit\n");
        assertEquals(0, r.exit(), r.err());
        String greeting = r.out().lines().findFirst().orElse("");
        assertTrue(greeting.contains(": API key set, no secret, endpoint https://api.flickr.com/services/rest/;"
                + " logged in as alice (write)."), greeting);
        assertFalse(r.out().contains("tok-secret") || r.out().contains("72157-tok"), r.out());
    }
}
