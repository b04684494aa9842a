package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.flickrdynamic.limit.RateLimitStore;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's retries, response cache and rate limit, against a sandbox. */
class FlickrResilienceSettingsTest {
    /** A key of its own: a rate limit belongs to its key for the whole JVM, and no other test uses this one. */
    private static final String KEY = "facade-settings-key";

    private Sandbox sandbox;
    private FlickrClient before;

    @BeforeEach
    void start() {
        before = Flickr.client();
        sandbox = Sandbox.builder().apiKey(KEY).start();
        Flickr.currentApiKey(KEY);
        Flickr.baseUrl(sandbox.baseUrl());
    }

    @AfterEach
    void restore() {
        Flickr.retries(before.retryPolicy().retries());
        Flickr.noCache();
        Flickr.noRateLimit();
        Flickr.rateLimitStore(RateLimitStore.jvm());
        Flickr.currentApiKey(before.apiKey());
        Flickr.endpoint(before.endpoint());
        sandbox.close();
    }

    @Test
    void retriesAreSetOnTheFacade() {
        Flickr.retries(0);
        sandbox.faults().failNext(1, 105);
        FlickrApiException e = assertThrows(FlickrApiException.class, () -> Flickr.call("flickr.test.echo"));
        assertEquals(105, e.code());
        assertEquals(1, sandbox.requests().size(), "no retry with retries(0)");

        Flickr.retries(2);
        sandbox.faults().failNext(2, 105);
        assertEquals("rsp", Flickr.call("flickr.test.echo", "n", 1).getName());
        assertEquals(4, sandbox.requests().size(), "two failures, then the answer");
    }

    @Test
    void theCacheAnswersARepeatedReadAndCanBeTurnedOff() {
        Flickr.cache(Duration.ofMinutes(5), 100);
        Flickr.call("flickr.photos.search", "tags", "cat", "per_page", 3);
        Flickr.call("flickr.photos.search", "tags", "cat", "per_page", 3);
        assertEquals(1, sandbox.requests().size(), "the second answer came from the cache");

        Flickr.noCache();
        Flickr.call("flickr.photos.search", "tags", "cat", "per_page", 3);
        assertEquals(2, sandbox.requests().size());
        assertThrows(FlickrArgumentException.class, () -> Flickr.cache(Duration.ofHours(25), 10),
                "Flickr's terms: no answer kept past 24 hours");
    }

    @Test
    void aRateLimitMakesCallsWaitForTheirTurn() {
        Flickr.rateLimit(2, Duration.ofSeconds(1));
        for (int i = 0; i < 4; i++) {
            Flickr.call("flickr.test.echo", "n", i);
        }
        List<Instant> arrivals = sandbox.requests().stream().map(RecordedRequest::receivedAt).sorted().toList();
        assertEquals(4, arrivals.size(), "waited, not failed");
        for (int i = 0; i + 2 < arrivals.size(); i++) {
            // No window of one second, both ends included, holds three of them.
            assertTrue(Duration.between(arrivals.get(i), arrivals.get(i + 2)).compareTo(Duration.ofSeconds(1)) > 0,
                    "requests " + i + " to " + (i + 2) + " arrived within a second: " + arrivals);
        }
    }

    @Test
    void theFacadesLimitCanKeepItsTurnsInAFile(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("facade.state");
        Flickr.rateLimit(100, Duration.ofSeconds(1));
        Flickr.rateLimitStore(RateLimitStore.file(state));
        Flickr.call("flickr.test.echo");
        assertTrue(Files.readString(state).startsWith(Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8))
                + " "), "the key's bucket is in the file");
        assertEquals(1, sandbox.requests().size());
    }
}
