package org.flickrdynamic.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.internal.retry.RetryAfter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The waits between attempts, and reading {@code Retry-After}. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RetryPolicyTest {
    private static final RetryPolicy POLICY = RetryPolicy.retries(10).withBaseDelay(Duration.ofMillis(100))
            .withMaxDelay(Duration.ofMillis(1000));

    @Test
    void waitsAreFullJitterUnderADoublingCap() {
        long[] caps = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int retry = 1; retry <= caps.length; retry++) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                long ms = POLICY.delayBefore(retry, null).toMillis();
                assertTrue(ms >= 0 && ms <= caps[retry - 1], "retry " + retry + " waited " + ms);
                seen.add(ms);
            }
            assertTrue(seen.size() > 20, "the waits are spread, not one fixed value: " + seen.size());
        }
        assertTrue(POLICY.delayBefore(64, null).toMillis() <= 1000, "no overflow for a large retry number");
    }

    @Test
    void aServersRetryAfterIsUsedUpToTheMaxDelay() {
        assertEquals(Duration.ofMillis(700), POLICY.delayBefore(1, Duration.ofMillis(700)));
        assertEquals(Duration.ofMillis(1000), POLICY.delayBefore(1, Duration.ofHours(1)));
        assertEquals(Duration.ZERO, POLICY.delayBefore(3, Duration.ZERO));
    }

    @Test
    void defaultsAreThreeRetriesAndNoneMeansNone() {
        assertEquals(3, RetryPolicy.DEFAULT.retries());
        assertEquals(0, RetryPolicy.NONE.retries());
        assertEquals(RetryPolicy.DEFAULT.baseDelay(), RetryPolicy.retries(7).baseDelay());
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertTrue(assertThrows(FlickrArgumentException.class, () -> RetryPolicy.retries(-1))
                .getMessage().contains("retries must be 0 or more, not -1"));
        assertTrue(assertThrows(FlickrArgumentException.class,
                () -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1))).getMessage().contains("max delay"));
        assertThrows(FlickrArgumentException.class, () -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ofSeconds(1)));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2015-10-21T07:28:00Z");
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", now));
        assertEquals(Duration.ofSeconds(5), RetryAfter.parse(" 5 ", now));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Wed, 21 Oct 2015 07:29:30 GMT", now));
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", now), "a date already past");
        assertNull(RetryAfter.parse("-5", now), "a negative number is not trusted");
        assertNull(RetryAfter.parse("soon", now));
        assertNull(RetryAfter.parse("", now));
        assertNull(RetryAfter.parse(null, now));
        assertTrue(RetryAfter.parse("99999999999999999999999", now).toDays() > 365, "a huge number stays huge");
    }
}
