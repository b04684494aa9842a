package org.flickrdynamic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.FlickrTransportException.Kind;
import org.flickrdynamic.limit.RateLimit;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.RecordingLogs;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads and the OAuth login steps go through the same request path as REST calls, so they pass the
 * same retry, rate-limit and size-cap checks, over real HTTP on 127.0.0.1.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OnePipelineTest {
    private static final RetryPolicy QUICK = RetryPolicy.retries(2).withBaseDelay(Duration.ofMillis(5))
            .withMaxDelay(Duration.ofMillis(5));

    private Sandbox sandbox;
    private SandboxToken writer;
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        writer = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.WRITE);
        RecordingLogs.clear();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Path photo() throws IOException {
        return Files.write(dir.resolve("cat.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3});
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void anUploadWhoseConnectionWasRefusedIsRetried() throws Exception {
        Path file = photo();
        try (FlickrClient toNothing = FlickrClient.builder().baseUrl("http://127.0.0.1:" + freePort() + "/")
                .apiKey(sandbox.apiKey()).secret(sandbox.secret()).token(writer.token(), writer.tokenSecret())
                .retryPolicy(QUICK).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> toNothing.upload(file, null));
            assertEquals(Kind.NOT_SENT, e.kind());
            assertFalse(e.requestSent());
            assertEquals(3, e.attempts(), e.getMessage());
            List<String> log = RecordingLogs.of("retry.Retrier");
            assertEquals(2, log.size(), log.toString());
            assertTrue(log.get(0).contains("Retrying upload (attempt 1 of 3 failed: Connection refused or not made)"),
                    log.get(0));
        }
    }

    @Test
    void anUploadThatMayHaveArrivedIsNotRepeated() throws Exception {
        Path file = photo();
        try (ScriptedServer server = new ScriptedServer((socket, out) -> socket.close());
             FlickrClient client = FlickrClient.builder().baseUrl(server.restUrl().replace("services/rest/", ""))
                     .apiKey("k").secret("s").token("t", "ts").retryPolicy(QUICK).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> client.upload(file, null));
            assertTrue(e.requestSent());
            assertEquals(1, e.attempts());
            assertEquals(1, server.received().size(), "a write that may have arrived is sent once");
        }
    }

    @Test
    void anUploadTakesItsRateLimitTurnAndIsRefusedPastTheWait() throws Exception {
        Path file = photo();
        try (FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .secret(sandbox.secret()).token(writer.token(), writer.tokenSecret())
                .rateLimit(new RateLimit(1, Duration.ofHours(1), 1, Duration.ofMillis(50))).build()) {
            client.call("flickr.test.echo");
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> client.upload(file, null));
            assertEquals(Kind.RATE_LIMITED, e.kind());
            assertTrue(e.getMessage().contains("upload would wait"), e.getMessage());
        }
        assertEquals(1, sandbox.requests().size());
    }

    @Test
    void anOAuthStepTakesARateLimitTurn() {
        try (FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .secret(sandbox.secret()).rateLimit(new RateLimit(1, Duration.ofHours(1), 1, Duration.ofMillis(50)))
                .build()) {
            client.call("flickr.test.echo");
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> client.oauth().requestToken("oob"));
            assertEquals(Kind.RATE_LIMITED, e.kind());
            assertTrue(e.getMessage().contains("the OAuth request_token step would wait"), e.getMessage());
            assertFalse(e.requestSent());
        }
        assertEquals(1, sandbox.requests().size(), "the login step was not sent");
    }

    @Test
    void anOversizedOAuthAnswerIsRefused() throws Exception {
        String huge = "oauth_callback_confirmed=true&oauth_token=t&oauth_token_secret=s&padding=" + "x".repeat(10_000);
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.answer(200, "text/plain", huge));
             FlickrClient client = FlickrClient.builder().baseUrl(server.restUrl().replace("services/rest/", ""))
                     .apiKey("k").secret("s").maxResponseBytes(4096).retryPolicy(QUICK).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> client.oauth().requestToken("oob"));
            assertEquals(Kind.TOO_LARGE, e.kind());
            assertTrue(e.getMessage().contains("the OAuth request_token step from " + server.restUrl()
                    .replace("services/rest/", "services/oauth/request_token")
                    + " is larger than the cap of 4096 bytes and was refused"), e.getMessage());
            assertFalse(e.isRetryable());
            assertEquals(1, server.received().size(), "a refused size is not asked for again");
        }
    }

    @Test
    void anOAuthStepWhoseServerFailedForAMomentIsRetried() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.answer(503, "text/plain", "busy"));
             FlickrClient client = FlickrClient.builder().baseUrl(server.restUrl().replace("services/rest/", ""))
                     .apiKey("k").secret("s").retryPolicy(QUICK).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> client.oauth().requestToken("oob"));
            assertEquals(Kind.HTTP_STATUS, e.kind());
            assertEquals(503, e.httpStatus());
            assertEquals(3, server.received().size(), "a request token is a read: asked for again");
            List<String> params = server.received().stream().map(r -> r.params().replaceAll(".*oauth_nonce=([^&]*).*", "$1"))
                    .distinct().toList();
            assertEquals(3, params.size(), "each attempt is signed afresh: " + params);
        }
    }

    @Test
    void aReadSentAsAPostBecauseItIsLongIsStillRetried() {
        sandbox.faults().failNext(1, 105);
        try (FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .retryPolicy(QUICK).build()) {
            client.call("flickr.test.echo", "long", "x".repeat(8_000));
        }
        List<RecordedRequest> sent = sandbox.requests();
        assertEquals(2, sent.size(), "the temporary failure was retried");
        assertTrue(sent.stream().allMatch(r -> r.httpMethod().equals("POST")), "both went as POST");
    }

    @Test
    void aWriteAnsweredWithATemporaryCodeIsNotRepeated() {
        sandbox.faults().failNext(1, 105);
        try (FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .secret(sandbox.secret()).token(writer.token(), writer.tokenSecret()).retryPolicy(QUICK).build()) {
            FlickrApiException e = assertThrows(FlickrApiException.class,
                    () -> client.call("flickr.photos.setTags", "photo_id", sandbox.photoIds().get(0), "tags", "a"));
            assertTrue(e.isRetryable(), "105 is temporary");
        }
        assertEquals(1, sandbox.requests().size(), "but a write that arrived is not sent twice");
    }
}
