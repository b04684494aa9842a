package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.testing.RecordingLogs;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile server on 127.0.0.1 answers a read with everything but a Flickr answer. Each case names the
 * exception and what its message must say, and how often the call is sent with retries on: an answer
 * that could be a passing fault is tried again (3 attempts here), one that is an attack or a permanent
 * refusal is not. Nothing may hang: every test has a time limit, and the read timeout is short.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadAnswersTest {
    private static final String SECRET = "consumer-secret-never-shown-3318";
    private static final String TOKEN_SECRET = "token-secret-never-shown-7702";

    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"));
        client = FlickrClient.builder().apiKey("hostile-test-key").secret(SECRET).token("a-token", TOKEN_SECRET)
                .endpoint(server.restUrl()).readTimeout(Duration.ofMillis(500))
                .retryPolicy(RetryPolicy.retries(2).withBaseDelay(Duration.ofMillis(5)).withMaxDelay(Duration.ofMillis(5)))
                .build();
        RecordingLogs.clear();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    /** Calls a signed read and returns the error, checking it holds no secret anywhere in its chain. */
    private <E extends FlickrException> E failure(Class<E> type) {
        E e = assertThrows(type, () -> client.call("flickr.photos.getInfo", "photo_id", "1", "secret", "x"));
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            assertFalse(m.contains(SECRET) || m.contains(TOKEN_SECRET) || m.contains("oauth_signature="), m);
        }
        return e;
    }

    private void assertSentTimes(int n, FlickrException e) {
        assertEquals(n, server.received().size(), "requests received");
        assertEquals(n, e.attempts());
        if (n > 1) {
            assertTrue(e.getMessage().endsWith("(gave up after " + n + " attempts)"), e.getMessage());
        }
    }

    @Test
    void htmlPageWithStatus200() {
        server.script(Hostile.htmlPage());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().startsWith("The answer to flickr.photos.getInfo from " + server.restUrl()
                + " is not a Flickr response: "), e.getMessage());
        assertTrue(e.getMessage().contains("not a Flickr response: an HTML page; the body starts: <!DOCTYPE html>"
                + " <html>"), e.getMessage());
        assertEquals(200, e.httpStatus());
        assertTrue(e.isRetryable(), "a proxy's page is a passing fault");
        assertSentTimes(3, e);
    }

    @Test
    void truncatedXml() {
        server.script(Hostile.truncatedXml());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().contains("is not a Flickr response: malformed XML"), e.getMessage());
        assertTrue(e.getMessage().contains("the body starts: <?xml version=\"1.0\" encoding=\"utf-8\" ?> <rsp stat=\"ok\">"),
                e.getMessage());
        assertSentTimes(3, e);
    }

    @Test
    void invalidUtf8() {
        server.script(Hostile.invalidUtf8());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().contains("is not a Flickr response: malformed XML"), e.getMessage());
        assertSentTimes(3, e);
    }

    @Test
    void rspMissing() {
        server.script(Hostile.noRsp());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().contains("is not a Flickr response: its root element is <response>, not <rsp>"),
                e.getMessage());
        assertSentTimes(3, e);
    }

    @Test
    void rspWithAnUnknownStat() {
        server.script(Hostile.unknownStat());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().contains("<rsp> has an unknown stat=\"pending\""), e.getMessage());
        assertSentTimes(3, e);
    }

    @Test
    void failWithoutErr() {
        server.script(Hostile.failWithoutErr());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().contains("stat=\"fail\" came without an <err> element"), e.getMessage());
        assertSentTimes(3, e);
    }

    @Test
    void externalEntityNeverReadsTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("private.txt");
        Files.writeString(file, "PRIVATE-CONTENT-5092");
        server.script(Hostile.externalEntity(file));
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().contains("declares a DOCTYPE, which is refused"), e.getMessage());
        assertFalse(e.isRetryable());
        assertSentTimes(1, e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("PRIVATE-CONTENT"), t.toString());
            for (Throwable s : t.getSuppressed()) {
                assertFalse(String.valueOf(s.getMessage()).contains("PRIVATE-CONTENT"), s.toString());
            }
        }
        assertTrue(RecordingLogs.lines().stream().noneMatch(l -> l.contains("PRIVATE-CONTENT")));
    }

    @Test
    void billionLaughsIsNeverExpanded() {
        server.script(Hostile.billionLaughs());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().contains("declares a DOCTYPE, which is refused"), e.getMessage());
        assertFalse(e.getMessage().contains("lollol"), "nothing was expanded into the message");
        assertSentTimes(1, e);
    }

    @Test
    void headersThenSilenceHitTheReadTimeout() {
        server.script(Hostile.headersThenSilence());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().contains("was cut off after 15 bytes (SocketTimeoutException: Read timed out)"),
                e.getMessage());
        assertSentTimes(3, e);
    }

    @Test
    void connectionResetAfterTheRequest() {
        server.script(Hostile.reset());
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().startsWith("Connection failed calling flickr.photos.getInfo")
                || e.getMessage().startsWith("The server closed the connection without answering"), e.getMessage());
        assertEquals(0, e.httpStatus());
        assertTrue(e.requestSent());
        assertSentTimes(3, e);
    }

    @Test
    void oauthRefusalIsExplainedAndNotRetried() {
        server.script(Hostile.oauthProblem("nonce_used"));
        FlickrTransportException e = failure(FlickrTransportException.class);
        assertTrue(e.getMessage().startsWith("Flickr rejected the OAuth request for flickr.photos.getInfo"
                + " (HTTP 401, oauth_problem=nonce_used)"), e.getMessage());
        assertTrue(e.getMessage().contains("send a newly signed request"), e.getMessage());
        assertEquals(401, e.httpStatus());
        assertSentTimes(1, e);
    }

    @Test
    void aRedirectIsNotFollowed() throws IOException {
        try (ScriptedServer elsewhere = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"))) {
            server.script(Hostile.redirectTo(elsewhere.restUrl()));
            FlickrTransportException e = failure(FlickrTransportException.class);
            assertEquals(302, e.httpStatus());
            assertTrue(e.getMessage().startsWith("HTTP 302 calling flickr.photos.getInfo"), e.getMessage());
            assertSentTimes(1, e);
            assertTrue(elsewhere.received().isEmpty(), "the key and signature never went to the other host");
        }
    }

    @Test
    void gzipBombIsRefusedAtTheCap() {
        try (FlickrClient capped = client.newBuilder().maxResponseBytes(1024 * 1024).build()) {
            server.script(Hostile.gzipBomb(300L * 1024 * 1024));
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> capped.call("flickr.photos.getInfo", "photo_id", "1"));
            assertTrue(e.getMessage().contains("decompresses to more than the cap of 1048576 bytes and was refused"), e.getMessage());
            assertFalse(e.isRetryable());
            assertSentTimes(1, e);
        }
    }
}
