package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sandbox's fault knobs, seen by the real client with retries off, so each request shows its own
 * fault: what the client gets, and what the sandbox recorded.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultsTest {
    private Sandbox sandbox;
    private FlickrClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .secret(sandbox.secret()).retries(0).readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private Element echo(String value) {
        return client.call("flickr.test.echo", "n", value);
    }

    @Test
    void failNextAnswersFlickrErrorsThenRecovers() {
        sandbox.faults().failNext(2, 105);
        assertEquals(2, sandbox.faults().pending());
        for (int i = 0; i < 2; i++) {
            FlickrApiException e = assertThrows(FlickrApiException.class, () -> echo("x"));
            assertEquals(105, e.code());
            assertEquals("Service currently unavailable", e.flickrMessage(), "the method table's message for 105");
            assertTrue(e.isRetryable());
        }
        assertEquals("x", echo("x").elementText("n"), "the third request is served");
        assertEquals(3, sandbox.requests().size(), "faulted requests are recorded too");
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void httpStatusNextSendsTheStatusAndRetryAfter() {
        sandbox.faults().httpStatusNext(1, 429, "3").httpStatusNext(1, 502);
        FlickrTransportException tooMany = assertThrows(FlickrTransportException.class, () -> echo("x"));
        assertEquals(429, tooMany.httpStatus());
        assertEquals(Duration.ofSeconds(3), tooMany.retryAfter().orElseThrow());
        assertTrue(tooMany.getMessage().contains("Retry-After: 3"), tooMany.getMessage());
        FlickrTransportException badGateway = assertThrows(FlickrTransportException.class, () -> echo("x"));
        assertEquals(502, badGateway.httpStatus());
        assertTrue(badGateway.retryAfter().isEmpty());
        assertEquals("x", echo("x").elementText("n"));
    }

    @Test
    void resetNextCutsTheConnectionWithoutReadingTheRequest() {
        sandbox.faults().resetNext(1);
        FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> echo("x"));
        assertEquals(0, e.httpStatus());
        assertTrue(e.requestSent(), "the client cannot know the request was not read");
        assertTrue(e.isRetryable());
        assertTrue(sandbox.requests().isEmpty(), "a reset request is not even read: " + sandbox.requests());
        assertEquals("x", echo("x").elementText("n"));
    }

    @Test
    void dropAfterReadingRecordsTheRequestButNeverAnswers() {
        sandbox.faults().dropAfterReading(1);
        FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> echo("first"));
        assertTrue(e.getMessage().contains("closed the connection without answering"), e.getMessage());
        assertTrue(e.requestSent());
        List<RecordedRequest> got = sandbox.requests();
        assertEquals(1, got.size());
        assertEquals("first", got.get(0).param("n"), "the whole request was read and recorded");
    }

    @Test
    void latencyDelaysEveryAnswerUntilCleared() {
        sandbox.faults().latency(Duration.ofSeconds(3));
        try (FlickrClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(300)).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> impatient.call("flickr.test.echo", "n", "1"));
            assertTrue(e.getMessage().startsWith("Timed out waiting for the answer"), e.getMessage());
            sandbox.faults().clear();
            assertEquals("2", impatient.call("flickr.test.echo", "n", "2").elementText("n"));
        }
    }

    @Test
    void faultsQueueInOrderAndClearForgetsThem() {
        sandbox.faults().failNext(1, 201).httpStatusNext(1, 503, null).failNext(1, 105);
        assertEquals(201, assertThrows(FlickrApiException.class, () -> echo("x")).code());
        assertEquals(503, assertThrows(FlickrTransportException.class, () -> echo("x")).httpStatus());
        sandbox.faults().clear();
        assertEquals(0, sandbox.faults().pending());
        assertEquals("x", echo("x").elementText("n"));
    }

    @Test
    void builderOptionsApplyFromTheFirstRequest() {
        try (Sandbox faulty = Sandbox.builder().failNext(1, 105).httpStatusNext(1, 500, "1").start();
             FlickrClient c = client.newBuilder().baseUrl(faulty.baseUrl()).build()) {
            assertEquals(105, assertThrows(FlickrApiException.class, () -> c.call("flickr.test.echo")).code());
            assertEquals(500, assertThrows(FlickrTransportException.class, () -> c.call("flickr.test.echo")).httpStatus());
            assertEquals("rsp", c.call("flickr.test.echo").getName());
        }
    }

    @Test
    void badFaultSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().failNext(0, 105));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().httpStatusNext(1, 200));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().latency(Duration.ofMillis(-1)));
        assertEquals(0, sandbox.faults().pending());
    }
}
