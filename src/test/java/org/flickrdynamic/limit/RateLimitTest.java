package org.flickrdynamic.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rate limit in this JVM, checked by when the sandbox received each request: no window of the period
 * sees more than the permits, and request {@code i} (from 0) never arrives before
 * {@code (i - burst + 1) / rate} after the bucket was made, however the threads race. Only such bounds are
 * asserted: a slow machine can make requests later, never earlier.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RateLimitTest {
    /** 6 in any 500 ms: a burst of 1, then 5 per 625 ms (the period and its margin), one per 125 ms. */
    private static final RateLimit SIX_PER_HALF_SECOND = new RateLimit(6, Duration.ofMillis(500), 1, Duration.ofSeconds(10));
    /** Instant has microseconds; allow for a clock read on another thread. */
    private static final Duration SLACK = Duration.ofMillis(2);

    private Sandbox sandbox;

    @BeforeEach
    void start() {
        // A key of its own per test: the limiter registry lives as long as the JVM.
        sandbox = Sandbox.builder().apiKey("rate-" + UUID.randomUUID()).start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private FlickrClientBuilder client() {
        return FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret());
    }

    /** Runs {@code calls} echo calls on each client, every client on its own threads. */
    private static void hammer(int threadsPerClient, int callsPerThread, FlickrClient... clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threadsPerClient * clients.length);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (FlickrClient c : clients) {
                for (int t = 0; t < threadsPerClient; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < callsPerThread; i++) {
                            c.call("flickr.test.echo", "i", i);
                        }
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asserts request {@code i} arrived no earlier than the bucket allows, counted from {@code start}. */
    private void assertPaced(Instant start, int expected, int burst, Duration interval) {
        List<Instant> times = sandbox.requests().stream().map(RecordedRequest::receivedAt).sorted().toList();
        assertEquals(expected, times.size());
        for (int i = burst; i < times.size(); i++) {
            Instant earliest = start.plus(interval.multipliedBy(i - burst + 1)).minus(SLACK);
            assertFalse(times.get(i).isBefore(earliest), "request " + i + " arrived at "
                    + Duration.between(start, times.get(i)).toMillis() + " ms, before its turn at "
                    + Duration.between(start, earliest).toMillis() + " ms");
        }
    }

    @Test
    void threadsTakeTurnsAfterTheBurst() throws Exception {
        Instant start = Instant.now();
        try (FlickrClient c = client().rateLimit(SIX_PER_HALF_SECOND).build()) {
            hammer(3, 5, c);
        }
        assertPaced(start, 15, 1, Duration.ofMillis(125));
        ArrivalWindows.assertWithin(sandbox, SIX_PER_HALF_SECOND);
    }

    @Test
    void clientsGivenOneLimiterShareItsTurns() throws Exception {
        Instant start = Instant.now();
        RateLimiter shared = RateLimiter.inMemory("API key " + sandbox.apiKey(), SIX_PER_HALF_SECOND);
        // Different timeouts, so the two do not even share a connection pool.
        try (FlickrClient a = client().rateLimiter(shared).build();
             FlickrClient b = client().connectTimeout(Duration.ofSeconds(3)).rateLimiter(shared).build()) {
            hammer(2, 5, a, b);
        }
        // With a bucket each, the two would go at twice the rate.
        assertPaced(start, 20, 1, Duration.ofMillis(125));
        ArrivalWindows.assertWithin(sandbox, SIX_PER_HALF_SECOND);
    }

    @Test
    void aDerivedClientSharesItsParentsTurns() throws Exception {
        Instant start = Instant.now();
        try (FlickrClient a = client().rateLimit(SIX_PER_HALF_SECOND).build();
             FlickrClient b = a.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
            hammer(2, 5, a, b);
        }
        assertPaced(start, 20, 1, Duration.ofMillis(125));
        ArrivalWindows.assertWithin(sandbox, SIX_PER_HALF_SECOND);
    }

    @Test
    void retriesTakeTheirTurnsToo() {
        sandbox.faults().failNext(2, 105);
        Instant start = Instant.now();
        try (FlickrClient c = client().rateLimit(new RateLimit(11, Duration.ofSeconds(1), 1, Duration.ofSeconds(5)))
                .retryPolicy(RetryPolicy.retries(3).withBaseDelay(Duration.ZERO)).build()) {
            c.call("flickr.test.echo");
        }
        assertPaced(start, 3, 1, Duration.ofMillis(125));
    }

    @Test
    void aTurnFurtherThanTheMaxWaitFailsWithoutSending() {
        try (FlickrClient c = client().rateLimit(new RateLimit(1, Duration.ofHours(1), 1, Duration.ofMillis(200))).build()) {
            c.call("flickr.test.echo");
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> c.call("flickr.test.echo"));
            String prefix = "Rate limit of API key " + sandbox.apiKey() + " (1 per PT1H): flickr.test.echo would wait ";
            assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
            // The hour, plus at most the one-second margin the limit keeps for arrival delays, less the time since the first call.
            long waitMillis = Long.parseLong(e.getMessage().substring(prefix.length()).split(" ")[0]);
            assertTrue(waitMillis > 3_590_000 && waitMillis <= 3_601_000, e.getMessage());
            assertTrue(e.getMessage().contains("more than the maximum wait of 200 ms"), e.getMessage());
            assertFalse(e.requestSent());
            assertFalse(e.isRetryable(), "waiting longer is what was refused");
            assertEquals(1, e.attempts());
        }
        assertEquals(1, sandbox.requests().size());
    }

    @Test
    void theWaitIsInterruptible() throws Exception {
        try (FlickrClient c = client().rateLimit(new RateLimit(1, Duration.ofHours(1), 1, Duration.ofHours(2))).build()) {
            c.call("flickr.test.echo");
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            CompletableFuture<FlickrTransportException> failure = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    c.call("flickr.test.echo");
                    failure.completeExceptionally(new AssertionError("the call should not have been sent"));
                } catch (FlickrTransportException e) {
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                    failure.complete(e);
                }
            });
            waiter.start();
            while (waiter.getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(5);
            }
            waiter.interrupt();
            FlickrTransportException e = failure.get();
            assertTrue(e.getMessage().startsWith("Interrupted while flickr.test.echo waited for its turn"), e.getMessage());
            assertTrue(stillInterrupted.get());
        }
        assertEquals(1, sandbox.requests().size());
    }

    @Test
    void aLaterClientNeverChangesAnotherClientsLimit() {
        try (FlickrClient strict = client().rateLimit(new RateLimit(1, Duration.ofHours(1), 1, Duration.ofMillis(100))).build()) {
            strict.call("flickr.test.echo");
            assertThrows(FlickrTransportException.class, () -> strict.call("flickr.test.echo"));
            try (FlickrClient loose = client().rateLimit(100, Duration.ofSeconds(1)).build();
                 FlickrClient derived = strict.newBuilder().rateLimit(100, Duration.ofSeconds(1)).build()) {
                loose.call("flickr.test.echo");
                derived.call("flickr.test.echo");
                FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> strict.call("flickr.test.echo"));
                assertEquals(FlickrTransportException.Kind.RATE_LIMITED, e.kind());
            }
        }
        assertEquals(3, sandbox.requests().size());
    }

    @Test
    void badLimitsAreRefusedByName() {
        assertTrue(assertThrows(FlickrArgumentException.class, () -> RateLimit.of(0, Duration.ofSeconds(1)))
                .getMessage().contains("permits must be positive, not 0"));
        assertTrue(assertThrows(FlickrArgumentException.class, () -> RateLimit.of(5, Duration.ZERO))
                .getMessage().contains("period must be a positive duration"));
        assertTrue(assertThrows(FlickrArgumentException.class, () -> RateLimit.of(5, Duration.ofSeconds(1)).withBurst(0))
                .getMessage().contains("burst must be positive"));
        assertTrue(assertThrows(FlickrArgumentException.class, () -> RateLimit.of(5, Duration.ofSeconds(1)).withBurst(5))
                .getMessage().contains("burst must be at most 4 for 5 permits, not 5"));
        assertTrue(assertThrows(FlickrArgumentException.class, () -> RateLimit.of(1, Duration.ofSeconds(1)).withBurst(2))
                .getMessage().contains("burst must be at most 1 for 1 permits, not 2"));
        assertThrows(FlickrArgumentException.class, () -> RateLimit.of(5, Duration.ofSeconds(1)).withMaxWait(Duration.ofSeconds(-1)));
    }

    @Test
    void anEndlessMaxWaitIsCutAndAnEndlessPeriodRefused() {
        RateLimit patient = RateLimit.of(100, Duration.ofSeconds(1)).withMaxWait(Duration.ofSeconds(Long.MAX_VALUE));
        assertEquals(RateLimit.LONGEST_WAIT, patient.maxWait());
        try (FlickrClient c = client().rateLimit(patient).build()) {
            c.call("flickr.test.echo", "i", 1);
            c.call("flickr.test.echo", "i", 2);
        }
        assertEquals(2, sandbox.requests().size());
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> client().rateLimit(1, Duration.ofDays(365_000)));
        assertTrue(e.getMessage().contains("rate limit period must be at most 366 days"), e.getMessage());
        assertThrows(FlickrArgumentException.class, () -> RateLimit.of(1, Duration.ofSeconds(1)).withMaxWait(null));
    }

    @Test
    void theBurstIsATenthAndTheRestRefillsSoAWindowNeverSeesMore() {
        RateLimit flickr = RateLimit.of(3600, Duration.ofHours(1));
        assertEquals(360, flickr.burst());
        assertEquals(3240, flickr.sustained(), "360 at once and 3,240 refilled: 3,600 in any hour");
        assertEquals(1, RateLimit.of(8, Duration.ofSeconds(2)).burst());
        assertEquals(7, RateLimit.of(8, Duration.ofSeconds(2)).sustained());
        assertEquals(1, RateLimit.of(1, Duration.ofSeconds(2)).burst());
        assertEquals(1, RateLimit.of(1, Duration.ofSeconds(2)).sustained());
        assertEquals(2, RateLimit.of(11, Duration.ofSeconds(2)).burst());
        assertEquals(Duration.ofSeconds(1), flickr.margin());
        assertEquals(Duration.ofMillis(3601_000), flickr.refillPeriod());
        assertEquals(Duration.ofMillis(500), RateLimit.of(8, Duration.ofSeconds(2)).margin());
        assertEquals(Duration.ofNanos(857_142_857),
                RateLimit.of(8, Duration.ofSeconds(2)).tolerance(), "the margin and one refill interval of 2.5 s / 7");
    }

    @Test
    void limitsAreReadInTheFormOfTheEnvironment() {
        assertEquals(RateLimit.of(3600, Duration.ofHours(1)), RateLimit.parse("3600/1h", "FLICKR_RATE_LIMIT"));
        assertEquals(RateLimit.of(8, Duration.ofSeconds(2)), RateLimit.parse(" 8/2s ", "FLICKR_RATE_LIMIT"));
        assertEquals(RateLimit.of(100, Duration.ofMillis(500)), RateLimit.parse("100/500ms", "FLICKR_RATE_LIMIT"));
        assertEquals(RateLimit.of(50, Duration.ofMinutes(1)), RateLimit.parse("50/m", "FLICKR_RATE_LIMIT"));
        assertEquals(RateLimit.of(9, Duration.ofDays(2)), RateLimit.parse("9/2d", "FLICKR_RATE_LIMIT"));
        for (String bad : new String[] {"", "3600", "3600/hour", "-1/1h", "1.5/1s", "3600/1h/2", "x/1s"}) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> RateLimit.parse(bad, "FLICKR_RATE_LIMIT"), bad);
            assertEquals("FLICKR_RATE_LIMIT must be N/DURATION such as 3600/1h or 8/2s (units ms, s, m, h, d), not '"
                    + bad + "'", e.problems().get(0));
        }
        FlickrArgumentException zero = assertThrows(FlickrArgumentException.class,
                () -> RateLimit.parse("0/1s", "FLICKR_RATE_LIMIT"));
        assertEquals("FLICKR_RATE_LIMIT '0/1s': rate limit permits must be positive, not 0", zero.problems().get(0));
        FlickrArgumentException noTime = assertThrows(FlickrArgumentException.class,
                () -> RateLimit.parse("5/0s", "FLICKR_RATE_LIMIT"));
        assertTrue(noTime.problems().get(0).contains("period must be a positive duration"), noTime.getMessage());
    }

    @Test
    void theWindowCounterSeesWhatAPlainFullBucketWouldLetThrough() {
        // A bucket of 8 that starts full and refills 8 per 2 s: 8 at once, then one every 250 ms.
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Instant> plain = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            plain.add(t0);
        }
        for (int i = 1; i <= 8; i++) {
            plain.add(t0.plusMillis(250L * i));
        }
        assertEquals(16, ArrivalWindows.busiest(plain, Duration.ofSeconds(2)), "2N in one window: what this limit prevents");
        assertEquals(8, ArrivalWindows.busiest(plain.subList(8, 16), Duration.ofSeconds(2)));
        assertEquals(2, ArrivalWindows.busiest(plain.subList(8, 16), Duration.ofMillis(250)), "both ends count");
    }
}
