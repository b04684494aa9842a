package org.flickrdynamic.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit shared by machines through a real {@code redis-server} on the loopback: three JVMs of four
 * threads never put more than the limit in any window at the sandbox, retries and cut-off requests
 * included; a stopped server stops the calls, naming it, with nothing sent, until it is back.
 */
@Tag("clients")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedisLimitTest {
    private static final RateLimit EIGHT_PER_TWO_SECONDS = RateLimit.parse("8/2s", "test");

    @TempDir
    Path dir;
    private Sandbox sandbox;
    private RedisServer redis;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start(dir);
        sandbox = Sandbox.builder().apiKey("redis-" + UUID.randomUUID()).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void threeProcessesOfFourThreadsNeverPassTheLimitInAnyWindow() throws Exception {
        List<String> lines = SharingProcesses.run(sandbox, 3, 4, 1, "8/2s", redis.url(), dir,
                () -> sandbox.faults().failNext(2, 105).resetNext(1).dropAfterReading(1));
        assertEquals(Collections.nCopies(12, "ok"), lines);
        ArrivalWindows.assertWithin(sandbox, EIGHT_PER_TWO_SECONDS);
        assertEquals(12 + 4, ArrivalWindows.arrivals(sandbox).size(), "every call and every retry arrived");
    }

    @Test
    void aStoppedServerStopsTheCallsNamingItUntilItIsBack() throws Exception {
        RateLimitStore store = RateLimitStore.redis(redis.url());
        try (FlickrClient c = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .rateLimit(new RateLimit(100, Duration.ofSeconds(1), 10, Duration.ofSeconds(5))).rateLimitStore(store)
                .build()) {
            c.call("flickr.test.echo", "i", 1);
            c.call("flickr.test.echo", "i", 2);
            redis.stop();
            long before = System.nanoTime();
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> c.call("flickr.test.echo"));
            assertTrue(System.nanoTime() - before < Duration.ofSeconds(30).toNanos(), "no hang on a stopped server");
            assertTrue(e.getMessage().startsWith("The rate limit store of API key " + sandbox.apiKey() + " (Redis "
                    + redis.url() + ") cannot be used, so flickr.test.echo was not sent: "), e.getMessage());
            assertEquals(FlickrTransportException.Kind.RATE_LIMITED, e.kind());
            assertFalse(e.requestSent());
            assertFalse(e.isRetryable());
            assertEquals(2, sandbox.requests().size(), "nothing sent unaccounted");
            redis.restart();
            // The connection comes back on its own; until then each call fails as above, sending nothing.
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (true) {
                try {
                    c.call("flickr.test.echo", "i", 3);
                    break;
                } catch (FlickrTransportException down) {
                    assertEquals(FlickrTransportException.Kind.RATE_LIMITED, down.kind(), down.getMessage());
                    assertTrue(System.nanoTime() < deadline, "Redis is back, the calls are not: " + down.getMessage());
                    Thread.sleep(100);
                }
            }
        }
        assertEquals(3, sandbox.requests().size());
    }
}
