package org.flickrdynamic.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.testing.ScriptedServer.Script;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The call timeout bounds a whole request, where the read timeout bounds only each wait: a server that
 * keeps a read alive with a byte now and then, or an answer that is slow to parse, still ends the call in
 * time, and nothing of the timeout is left behind once a call is over.
 */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallTimeoutTest {
    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"));
        client = FlickrClient.builder().apiKey("k").endpoint(server.restUrl())
                .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofMillis(700))
                .retryPolicy(RetryPolicy.retries(1).withBaseDelay(Duration.ofMillis(5)).withMaxDelay(Duration.ofMillis(5)))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    /**
     * The start of an answer, then one more byte every 100 ms: each read gets a byte well within the read
     * timeout.
     */
    private static Script trickle(String contentType, String start, char next) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: 100000\r\n\r\n" + start)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 1000; i++) {
                pause(100);
                out.write(next);
                out.flush();
            }
        };
    }

    @Test
    void aTricklingAnswerEndsAtTheCallTimeoutAndAReadIsTriedAgain() {
        server.script(trickle("text/xml", "<rsp stat=\"ok\">", ' '));
        long start = System.nanoTime();
        FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> client.call("test.echo"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("took longer than the call timeout of 700 ms"), e.getMessage());
        assertTrue(e.isRetryable(), "a read over its time is worth another try, as after a read timeout");
        assertEquals(2, server.received().size(), "tried again once");
        assertTrue(ms >= 1_300 && ms < 4_000, "two attempts of 700 ms, took " + ms + " ms");
        assertEquals(0, Deadlines.pending(), "no deadline is left behind");
    }

    @Test
    void aLoginStepWithATricklingAnswerEndsAtTheCallTimeout() {
        server.script(trickle("text/plain", "oauth_token=", 'a'));
        try (FlickrClient login = client.newBuilder().secret("s").build()) {
            long start = System.nanoTime();
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> login.oauth().requestToken("oob"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("took longer than the call timeout of 700 ms"), e.getMessage());
            assertTrue(server.received().get(0).line().contains("request_token"), server.received().get(0).line());
            assertTrue(ms < 2_000, "ended soon after the call timeout, took " + ms + " ms");
        }
        assertEquals(0, Deadlines.pending());
    }

    @Test
    void anAnswerThatIsSlowToParseEndsAtTheCallTimeout() {
        // Tens of thousands of distinct attribute names on one element: cheap to send, slow to parse (seconds).
        StringBuilder x = new StringBuilder("<rsp stat=\"ok\"><photo");
        for (int i = 0; i < 45_000; i++) {
            x.append(" a").append(Integer.toString(i, 36)).append("=\"\"");
        }
        server.script(ScriptedServer.xml(x.append("/></rsp>").toString()));
        try (FlickrClient once = client.newBuilder().retries(0).callTimeout(Duration.ofMillis(300)).build()) {
            long start = System.nanoTime();
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> once.call("test.echo"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("took longer than the call timeout of 300 ms"), e.getMessage());
            assertTrue(ms < 1_500, "ended soon after the call timeout, took " + ms + " ms");
        }
    }

    @Test
    void callsInTimeLeaveNoDeadlineBehindAndTheReadTimeoutStillWorks() {
        for (int i = 0; i < 20; i++) {
            client.call("test.echo");
        }
        assertEquals(0, Deadlines.pending(), "each call's deadline is removed when it ends");

        // Silence after the headers: the read timeout (300 ms) fires long before the call timeout (700 ms).
        server.script((socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 100\r\n\r\n<rsp"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pause(5_000);
        });
        try (FlickrClient quick = client.newBuilder().retries(0).readTimeout(Duration.ofMillis(300)).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> quick.call("test.echo"));
            assertTrue(e.getMessage().contains("Read timed out"), e.getMessage());
        }
        assertEquals(0, Deadlines.pending());
    }

    @Test
    void everyTimeoutIsAtLeastAMillisecond() {
        // The HTTP client counts whole milliseconds, and takes 0 as "wait for ever".
        FlickrClientBuilder b = FlickrClient.builder();
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1), Duration.ofNanos(1),
                Duration.ofNanos(999_999)}) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> b.callTimeout(bad));
            assertTrue(e.getMessage().contains("callTimeout must be"), e.getMessage());
            e = assertThrows(FlickrArgumentException.class, () -> b.readTimeout(bad));
            assertTrue(e.getMessage().contains("readTimeout must be"), e.getMessage());
            e = assertThrows(FlickrArgumentException.class, () -> b.connectTimeout(bad));
            assertTrue(e.getMessage().contains("connectTimeout must be"), e.getMessage());
        }
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> b.readTimeout(Duration.ofNanos(1)));
        assertTrue(e.getMessage().contains("readTimeout must be at least 1 ms, not PT0.000000001S"), e.getMessage());
        b.callTimeout(Duration.ofMillis(1)).readTimeout(Duration.ofMillis(1)).connectTimeout(Duration.ofMillis(1));
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
