package org.flickrdynamic.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.RecordingLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Retries through the real stack against the sandbox's faults: which failures are retried for reads and
 * for writes, that every attempt is signed afresh, the waits (backoff and {@code Retry-After}), the log,
 * and the count in the final error.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RetryTest {
    /** Short waits, so the tests spend their time on the requests. */
    private static final RetryPolicy QUICK = RetryPolicy.retries(3).withBaseDelay(Duration.ofMillis(5))
            .withMaxDelay(Duration.ofMillis(5));

    private Sandbox sandbox;
    private SandboxToken writer;
    private FlickrClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        writer = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.WRITE);
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(writer.token(), writer.tokenSecret()).retryPolicy(QUICK).build();
        RecordingLogs.clear();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private static List<String> retryLog() {
        return RecordingLogs.of("retry.Retrier");
    }

    @Test
    void readIsRetriedOn105AndEachAttemptIsSignedAfresh() {
        sandbox.faults().failNext(2, 105);
        Element rsp = client.call("flickr.test.login");
        assertEquals(writer.userNsid(), rsp.element("user").attributeValue("id"));

        List<RecordedRequest> sent = sandbox.requests();
        assertEquals(3, sent.size(), "two failures and the success");
        assertEquals(3, sent.stream().map(r -> r.param("oauth_nonce")).distinct().count(), "a new nonce each time");
        assertEquals(3, sent.stream().map(r -> r.param("oauth_signature")).distinct().count());

        List<String> log = retryLog();
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("INFO org.flickrdynamic.internal.retry.Retrier: Retrying flickr.test.login"
                + " (attempt 1 of 4 failed: Flickr error 105); waiting "), log.get(0));
        assertTrue(log.get(1).contains("(attempt 2 of 4 failed: Flickr error 105)"), log.get(1));
        for (String line : log) {
            assertFalse(line.contains(sandbox.secret()) || line.contains(writer.token())
                    || line.contains(writer.tokenSecret()), "no secret or token is logged: " + line);
            for (RecordedRequest r : sent) {
                assertFalse(line.contains(r.param("oauth_signature")), "no signature is logged: " + line);
            }
        }
    }

    @Test
    void code201IsRetriedToo() {
        sandbox.faults().failNext(1, 201);
        assertEquals("1", client.call("flickr.test.echo", "n", 1).elementText("n"));
        assertEquals(2, sandbox.requests().size());
    }

    @Test
    void theFinalErrorSaysHowManyAttemptsWereMade() {
        sandbox.faults().failNext(10, 105);
        FlickrApiException e = assertThrows(FlickrApiException.class,
                () -> client.newBuilder().retries(2).build().call("flickr.test.echo"));
        assertEquals(105, e.code());
        assertEquals(3, e.attempts());
        assertTrue(e.getMessage().endsWith("(gave up after 3 attempts)"), e.getMessage());
        assertEquals(3, sandbox.requests().size());
        assertEquals(2, retryLog().size());
    }

    @Test
    void zeroRetriesSendsOnce() {
        sandbox.faults().failNext(1, 105);
        FlickrApiException e = assertThrows(FlickrApiException.class,
                () -> client.newBuilder().retries(0).build().call("flickr.test.echo"));
        assertEquals(1, e.attempts());
        assertFalse(e.getMessage().contains("gave up"), e.getMessage());
        assertEquals(1, sandbox.requests().size());
        assertTrue(retryLog().isEmpty());
    }

    @Test
    void anErrorThatCannotPassIsNotRetried() {
        FlickrApiException e = assertThrows(FlickrApiException.class,
                () -> client.call("flickr.photos.getInfo", "photo_id", "1"));
        assertEquals(1, e.code(), "photo not found");
        assertEquals(1, sandbox.requests().size());
        assertTrue(retryLog().isEmpty());
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        try (FlickrClient patient = client.newBuilder().retryPolicy(RetryPolicy.retries(1)
                .withBaseDelay(Duration.ofMillis(1)).withMaxDelay(Duration.ofSeconds(5))).build()) {
            sandbox.faults().httpStatusNext(1, 503, "1");
            assertEquals("rsp", patient.call("flickr.test.echo").getName());
        }
        List<String> log = retryLog();
        assertEquals(1, log.size());
        assertTrue(log.get(0).endsWith("(attempt 1 of 2 failed: HTTP 503, Retry-After 1 s); waiting 1000 ms"), log.get(0));
        List<RecordedRequest> sent = sandbox.requests();
        Duration gap = Duration.between(sent.get(0).receivedAt(), sent.get(1).receivedAt());
        assertTrue(gap.toMillis() >= 990, "the second attempt came after the wait asked for: " + gap);
    }

    @Test
    void retryAfterAsADateIsCappedByTheMaxDelay() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1));
        sandbox.faults().httpStatusNext(1, 429, inAMinute);
        try (FlickrClient capped = client.newBuilder().retryPolicy(RetryPolicy.retries(1)
                .withMaxDelay(Duration.ofMillis(300))).build()) {
            assertEquals("rsp", capped.call("flickr.test.echo").getName());
        }
        List<String> log = retryLog();
        assertTrue(log.get(0).contains("failed: HTTP 429, Retry-After 5"), "about a minute: " + log.get(0));
        assertTrue(log.get(0).endsWith("waiting 300 ms"), log.get(0));
    }

    @Test
    void aReadWhoseAnswerWasLostIsRetried() {
        sandbox.faults().dropAfterReading(1).resetNext(1);
        assertEquals("v", client.call("flickr.test.echo", "n", "v").elementText("n"));
        assertEquals(2, sandbox.requests().size(), "the dropped one and the answered one (the reset one was not read)");
        assertTrue(retryLog().get(0).contains("failed: the connection broke"),
                retryLog().toString());
    }

    @Test
    void aWriteThatMayHaveArrivedIsNeverRepeated() {
        sandbox.faults().dropAfterReading(1);
        FlickrTransportException e = assertThrows(FlickrTransportException.class,
                () -> client.call("flickr.photos.setTags", "photo_id", sandbox.photoIds().get(0), "tags", "a b"));
        assertTrue(e.requestSent());
        assertTrue(e.isRetryable(), "a later call could pass; repeating this one could tag twice");
        assertEquals(1, e.attempts());
        assertEquals(1, sandbox.requests().size(), "sent exactly once");
        assertEquals("flickr.photos.setTags", sandbox.requests().get(0).param("method"));
        assertTrue(retryLog().isEmpty());
    }

    @Test
    void aWriteAnswered105IsNotRepeatedEither() {
        sandbox.faults().failNext(1, 105);
        assertEquals(105, assertThrows(FlickrApiException.class,
                () -> client.call("flickr.photos.setTags", "photo_id", sandbox.photoIds().get(0), "tags", "a")).code());
        assertEquals(1, sandbox.requests().size());
    }

    @Test
    void aWriteIsRetriedWhenTheConnectionWasRefused() throws Exception {
        int port = freePort();
        FlickrClient toNothing = client.newBuilder().baseUrl("http://127.0.0.1:" + port + "/")
                // Up to 20 s of retries: the sandbox below starts well within that, even on a loaded machine.
                .retryPolicy(RetryPolicy.retries(1000).withBaseDelay(Duration.ofMillis(20)).withMaxDelay(Duration.ofMillis(20)))
                .build();
        // A photo of the token's user, which the late sandbox (same seed) has too.
        String photo = client.call("flickr.people.getPhotos", "user_id", writer.userNsid(), "per_page", 1).element("photos")
                .element("photo").attributeValue("id");
        CompletableFuture<Element> call = CompletableFuture.supplyAsync(
                () -> toNothing.call("flickr.photos.setTags", "photo_id", photo, "tags", "late"));
        while (retryLog().isEmpty()) {
            Thread.sleep(5);
        }
        assertTrue(retryLog().get(0).contains("(attempt 1 of 1001 failed: Connection refused or not made)"), retryLog().get(0));
        try (Sandbox late = Sandbox.builder().port(port).start()) {
            assertEquals("rsp", call.get().getName(), "the write went through once the server was up");
            assertEquals(1, late.requests().size(), "and arrived exactly once");
        } finally {
            toNothing.close();
        }
    }

    @Test
    void aRefusedWriteGivesUpAfterItsRetries() {
        // Port 1 on the loopback: nothing listens there.
        try (FlickrClient toNothing = client.newBuilder().baseUrl("http://127.0.0.1:1/").retries(2).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> toNothing.call("flickr.photos.setTags", "photo_id", "1", "tags", "a"));
            assertFalse(e.requestSent());
            assertEquals(3, e.attempts());
            assertTrue(e.getMessage().startsWith("Connection refused calling flickr.photos.setTags"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(gave up after 3 attempts)"), e.getMessage());
        }
    }

    @Test
    void anInterruptedWaitEndsTheCallAndKeepsTheInterrupt() throws Exception {
        sandbox.faults().httpStatusNext(1, 503, "30");
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        CompletableFuture<FlickrTransportException> failure = new CompletableFuture<>();
        try (FlickrClient patient = client.newBuilder().retryPolicy(RetryPolicy.retries(1)
                .withMaxDelay(Duration.ofSeconds(30))).build()) {
            Thread caller = new Thread(() -> {
                try {
                    patient.call("flickr.test.echo");
                    failure.completeExceptionally(new AssertionError("the call should have failed"));
                } catch (FlickrTransportException e) {
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                    failure.complete(e);
                }
            });
            caller.start();
            while (retryLog().isEmpty()) {
                Thread.sleep(5);
            }
            caller.interrupt();
            FlickrTransportException e = failure.get();
            assertEquals(503, e.httpStatus());
            assertTrue(stillInterrupted.get(), "the interrupt is kept for the caller");
            assertEquals(1, sandbox.requests().size());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aMaxDelayOfForeverIsCutToADayAndStillRetries() {
        RetryPolicy forever = RetryPolicy.retries(1).withBaseDelay(Duration.ofMillis(1))
                .withMaxDelay(Duration.ofSeconds(Long.MAX_VALUE));
        assertEquals(RetryPolicy.LONGEST_DELAY, forever.maxDelay());
        sandbox.faults().failNext(1, 105);
        try (FlickrClient patient = client.newBuilder().retryPolicy(forever).build()) {
            assertEquals(writer.userNsid(), patient.call("flickr.test.login").element("user").attributeValue("id"));
        }
        assertEquals(2, sandbox.requests().size());
        org.flickrdynamic.FlickrArgumentException noBase = assertThrows(org.flickrdynamic.FlickrArgumentException.class,
                () -> RetryPolicy.retries(1).withBaseDelay(null));
        assertTrue(noBase.getMessage().contains("baseDelay must be a duration, not null"), noBase.getMessage());
        assertThrows(org.flickrdynamic.FlickrArgumentException.class, () -> RetryPolicy.retries(1).withMaxDelay(null));
        assertThrows(org.flickrdynamic.FlickrArgumentException.class, () -> new RetryPolicy(1, null, null));
    }
}
