package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static facade reads its environment once per JVM, so each case runs in a child JVM whose
 * {@link #main} uses the facade and prints what happened, one line per step.
 */
class FacadeEnvironmentTest {
    @TempDir
    Path home;

    /** In the child: a call, client(), then a setter pointing at a sandbox, then the call again. */
    public static void main(String[] args) {
        try (Sandbox sandbox = Sandbox.start()) {
            step(() -> Flickr.call("test.echo", "a", "b").getName());
            step(() -> Flickr.client().endpoint());
            step(() -> Flickr.endpoint());
            Flickr.endpoint(sandbox.restUrl());
            Flickr.currentApiKey(sandbox.apiKey());
            Flickr.currentSecKey(sandbox.secret());
            step(() -> Flickr.call("test.echo", "a", "b").elementText("a"));
        }
    }

    private static void step(java.util.function.Supplier<String> s) {
        try {
            System.out.println("ok " + s.get());
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getSimpleName() + " " + e.getMessage().replace('\n', ' '));
        }
    }

    private List<String> child(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FacadeEnvironmentTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("FLICKR_"));
        pb.environment().put("FLICKR_DYNAMIC_HOME", home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return out.lines().toList();
    }

    @Test
    @Timeout(30)
    void anUnusableEndpointIsReportedByEachCallUntilASetterFixesIt() throws Exception {
        List<String> lines = child(Map.of("FLICKR_ENDPOINT", "http://example.com/services/rest/"));
        assertEquals(4, lines.size(), lines.toString());
        for (String refused : lines.subList(0, 2)) {
            assertTrue(refused.startsWith("FlickrArgumentException Bad environment: FLICKR_ENDPOINT cannot be used: "
                    + "endpoint 'http://example.com/services/rest/' uses plain http outside the loopback"), refused);
        }
        assertEquals("ok https://api.flickr.com/services/rest/", lines.get(2), "started from the defaults");
        assertEquals("ok b", lines.get(3), "a setter clears the problem");
    }

    @Test
    @Timeout(30)
    void aCorruptStoredLoginIsReportedByEachCallUntilASetterFixesIt() throws Exception {
        Path file = TokenStore.at(home).file("key1");
        Files.writeString(file, "current=x\nuser.x.token=\\u12zz\n");
        List<String> lines = child(Map.of("FLICKR_API_KEY", "key1", "FLICKR_API_SECRET", "SECRET-ENV-55"));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("FlickrArgumentException Bad environment: the stored login for "
                + "FLICKR_API_KEY cannot be used: token store: the token file " + file + " is not a token file"),
                lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.contains("SECRET-ENV-55")), lines.toString());
        assertEquals("ok b", lines.get(3));
    }

    @Test
    @Timeout(30)
    void aBadRateLimitIsReportedByEachCallUntilASetterFixesIt() throws Exception {
        List<String> lines = child(Map.of("FLICKR_RATE_LIMIT", "fast", "FLICKR_RATE_LIMIT_STORE", home.resolve("rl").toString()));
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("FlickrArgumentException Bad environment: FLICKR_RATE_LIMIT cannot be used: FLICKR_RATE_LIMIT must be"
                + " N/DURATION such as 3600/1h or 8/2s (units ms, s, m, h, d), not 'fast'. Fix the environment and restart,"
                + " or change the settings (e.g. Flickr.endpoint(...))", lines.get(0));
        assertEquals("ok b", lines.get(3), "a setter clears the problem");
    }

    @Test
    @Timeout(30)
    void aBadRateLimitStoreIsReportedByEachCallUntilASetterFixesIt() throws Exception {
        List<String> lines = child(Map.of("FLICKR_RATE_LIMIT", "8/2s", "FLICKR_RATE_LIMIT_STORE", "redis://:s3cret@nowhere:port"));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("FlickrArgumentException Bad environment: FLICKR_RATE_LIMIT_STORE cannot be used:"
                + " FLICKR_RATE_LIMIT_STORE: a Redis rate limit store must be redis://HOST:PORT[/DB], not"
                + " 'redis://***@nowhere:port'"), lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.contains("s3cret")), lines.toString());
        assertEquals("ok b", lines.get(3), "a setter clears the problem");
    }

    @Test
    @Timeout(30)
    void aRateLimitStoreFileIsUsedByTheFacade() throws Exception {
        Path state = home.resolve("limits").resolve("rl.state");
        List<String> lines = child(Map.of("FLICKR_RATE_LIMIT", "8/2s", "FLICKR_RATE_LIMIT_STORE", state.toString()));
        assertEquals("ok b", lines.get(3), lines.toString());
        assertTrue(Files.readString(state).startsWith(java.util.Base64.getEncoder().encodeToString(
                Sandbox.API_KEY.getBytes(StandardCharsets.UTF_8)) + " "), "the key's bucket is in the file");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
    }
}
