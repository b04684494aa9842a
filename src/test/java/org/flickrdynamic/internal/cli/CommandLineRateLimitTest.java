package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.flickrdynamic.testing.ChildJvm;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/flickr} keeps {@code FLICKR_RATE_LIMIT} and {@code FLICKR_RATE_LIMIT_STORE}: separate commands,
 * each in its own JVM, share a key's turns through the state file, and a bad value is a usage error
 * naming the variable.
 */
@Timeout(60)
class CommandLineRateLimitTest {
    @TempDir
    Path home;

    /** Runs {@code bin/flickr}'s main class with these variables; returns the exit code and standard error. */
    private Object[] flickr(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ChildJvm.classPath(), FlickrCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("FLICKR_"));
        pb.environment().put("FLICKR_DYNAMIC_HOME", home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Object[] {p.exitValue(), err};
    }

    @Test
    void commandsShareTheKeysTurnsThroughTheStateFile() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            Map<String, String> env = new HashMap<>(Map.of("FLICKR_API_KEY", sandbox.apiKey(),
                    "FLICKR_API_SECRET", sandbox.secret(), "FLICKR_RATE_LIMIT", "1/1h",
                    "FLICKR_RATE_LIMIT_STORE", home.resolve("rate.state").toString()));
            Object[] first = flickr(env, "--endpoint", sandbox.restUrl(), "flickr.test.echo", "n=1");
            assertEquals(0, first[0], (String) first[1]);
            Object[] second = flickr(env, "--endpoint", sandbox.restUrl(), "flickr.test.echo", "n=2");
            assertEquals(FlickrCommand.TRANSPORT, second[0], (String) second[1]);
            assertTrue(((String) second[1]).startsWith("flickr: Rate limit of API key " + sandbox.apiKey()
                    + " (1 per PT1H): flickr.test.echo would wait "), (String) second[1]);
            assertEquals(1, sandbox.requests().size(), "the second command sent nothing");
        }
    }

    @Test
    void aBadLimitIsAUsageErrorNamingTheVariable() throws Exception {
        Object[] bad = flickr(Map.of("FLICKR_RATE_LIMIT", "lots"), "--sandbox", "flickr.test.echo");
        assertEquals(FlickrCommand.USAGE, bad[0]);
        assertEquals("flickr: Bad call: FLICKR_RATE_LIMIT must be N/DURATION such as 3600/1h or 8/2s (units ms, s, m, h, d),"
                + " not 'lots'\n", bad[1]);
        Object[] store = flickr(Map.of("FLICKR_RATE_LIMIT_STORE", "memcached://127.0.0.1:1"), "--sandbox", "flickr.test.echo");
        assertEquals(FlickrCommand.USAGE, store[0]);
        assertEquals("flickr: Bad call: FLICKR_RATE_LIMIT_STORE: a rate limit store is redis://HOST:PORT[/DB] or a file path, not"
                + " 'memcached://127.0.0.1:1'\n", store[1]);
    }
}
