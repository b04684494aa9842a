package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.testing.RecordingLogs;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTTP error statuses, with and without {@code Retry-After}, with retries off and on. A busy or failing
 * server (429, 5xx) is tried again; a status that will not change (404, 501) is not. The waits are capped
 * at 50 ms here, so a {@code Retry-After: 1} shows in the log as honoured but capped.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpStatusTest {
    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"));
        client = FlickrClient.builder().apiKey("status-test-key").endpoint(server.restUrl())
                .retryPolicy(RetryPolicy.retries(2).withBaseDelay(Duration.ofMillis(5)).withMaxDelay(Duration.ofMillis(50)))
                .build();
        RecordingLogs.clear();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "HTTP {0}, Retry-After {1}, {2} retries: sent {3} times")
    @CsvSource(nullValues = "none", value = {
        "500, none, 0, 1",
        "500, none, 2, 3",
        "502, none, 0, 1",
        "502, 1,    2, 3",
        "503, none, 2, 3",
        "503, 1,    0, 1",
        "503, 1,    2, 3",
        "429, none, 0, 1",
        "429, 1,    2, 3",
        "404, none, 2, 1",
        "501, none, 2, 1",
    })
    void statusIsATransportErrorRetriedWhenPassing(int status, String retryAfter, int retries, int sent) {
        server.script(Hostile.status(status, retryAfter));
        FlickrTransportException e;
        try (FlickrClient c = client.newBuilder().retries(retries).build()) {
            e = assertThrows(FlickrTransportException.class, () -> c.call("flickr.photos.search", "tags", "cat"));
        }
        assertEquals(status, e.httpStatus());
        assertTrue(e.getMessage().startsWith("HTTP " + status + " calling flickr.photos.search at " + server.restUrl()),
                e.getMessage());
        assertTrue(e.getMessage().contains("the body starts: error " + status), e.getMessage());
        assertEquals(retryAfter != null, e.getMessage().contains("(Retry-After: " + retryAfter + ")"), e.getMessage());
        assertEquals(retryAfter == null ? null : Duration.ofSeconds(1), e.retryAfter().orElse(null));
        assertEquals(sent, server.received().size());
        assertEquals(sent, e.attempts());

        List<String> log = RecordingLogs.of("retry.Retrier");
        assertEquals(sent - 1, log.size(), log.toString());
        for (String line : log) {
            String reason = "failed: HTTP " + status + (retryAfter == null ? ")" : ", Retry-After 1 s)");
            assertTrue(line.contains(reason), line);
            if (retryAfter != null) {
                assertTrue(line.endsWith("waiting 50 ms"), "Retry-After capped at the max delay: " + line);
            }
        }
    }
}
