package org.flickrdynamic.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.flickrdynamic.FlickrArgumentException;

/**
 * How often and how patiently a failed call is tried again: up to {@code retries} more times, waiting
 * before each a random time between zero and {@code baseDelay * 2^(n-1)} ("full jitter", so many clients
 * failing together do not come back together), never more than {@code maxDelay}. When the server says
 * how long to wait ({@code Retry-After}), that wait is used instead, also capped at {@code maxDelay}.
 * No wait is longer than {@link #LONGEST_DELAY}: a longer delay given here is cut to it.
 * Which failures are retried is the library's one rule (docs/errors-and-retries.md); this is only the count
 * and the waits.
 *
 * <pre>{@code
 * FlickrClient.builder().retries(5)                                          // default delays
 * FlickrClient.builder().retryPolicy(RetryPolicy.retries(2).withMaxDelay(Duration.ofSeconds(5)))
 * FlickrClient.builder().retries(0)                                          // never retry
 * }</pre>
 *
 * @param retries   how many times a call may be sent again after its first attempt; 0 disables retries
 * @param baseDelay the upper bound of the first wait; each later one doubles it
 * @param maxDelay  the longest single wait, also for a server's {@code Retry-After}
 */
public record RetryPolicy(int retries, Duration baseDelay, Duration maxDelay) {
    /** The longest any wait can be set to, a day: "wait as long as it takes" is cut to this. */
    public static final Duration LONGEST_DELAY = Duration.ofDays(1);
    /** The default: 3 retries, waits from up to 250 ms, doubling, each at most 20 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(20));
    /** No retries: every failure is final. */
    public static final RetryPolicy NONE = DEFAULT.withRetries(0);

    /**
     * Delays longer than {@link #LONGEST_DELAY} are cut to it.
     *
     * @param retries how many times a call may be sent again after its first attempt; 0 disables retries
     * @param baseDelay the upper bound of the first wait; each later one doubles it
     * @param maxDelay the longest single wait, also for a server's {@code Retry-After}
     * @throws FlickrArgumentException when {@code retries} is negative, a delay is {@code null} or negative, or
     *                                 the base delay is longer than the maximum
     */
    public RetryPolicy {
        if (retries < 0) {
            throw new FlickrArgumentException(null, "retries must be 0 or more, not " + retries);
        }
        baseDelay = capped(required(baseDelay, "baseDelay"));
        maxDelay = capped(required(maxDelay, "maxDelay"));
        if (baseDelay.isNegative()) {
            throw new FlickrArgumentException(null, "the retry base delay must be 0 or more, not " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new FlickrArgumentException(null, "the retry max delay (" + maxDelay
                    + ") must be at least the base delay (" + baseDelay + ")");
        }
    }

    private static Duration required(Duration d, String name) {
        if (d == null) {
            throw new FlickrArgumentException(null, "the retry " + name + " must be a duration, not null");
        }
        return d;
    }

    /** Cut to a day, so no later arithmetic on it (milliseconds, doubling) can overflow. */
    private static Duration capped(Duration d) {
        return d.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : d;
    }

    /**
     * The default delays with this many retries.
     *
     * @param retries how many times a call may be sent again after its first attempt; 0 disables retries
     * @return the default delays with this many retries
     */
    public static RetryPolicy retries(int retries) {
        return DEFAULT.withRetries(retries);
    }

    /**
     * A copy allowing this many retries.
     *
     * @param n how many retries after the first attempt
     * @return a copy allowing this many retries
     */
    public RetryPolicy withRetries(int n) {
        return new RetryPolicy(n, baseDelay, maxDelay);
    }

    /**
     * A copy whose first wait is at most {@code d}.
     *
     * @param d the duration
     * @return a copy whose first wait is at most {@code d}
     */
    public RetryPolicy withBaseDelay(Duration d) {
        Duration base = capped(required(d, "baseDelay"));
        return new RetryPolicy(retries, base, maxDelay.compareTo(base) < 0 ? base : maxDelay);
    }

    /**
     * A copy whose waits are each at most {@code d}.
     *
     * @param d the duration
     * @return a copy whose waits are each at most {@code d}
     */
    public RetryPolicy withMaxDelay(Duration d) {
        Duration max = capped(required(d, "maxDelay"));
        return new RetryPolicy(retries, baseDelay.compareTo(max) > 0 ? max : baseDelay, max);
    }

    /**
     * How long to wait before retry number {@code retry} (1 for the first).
     *
     * @param retryAfter what the server asked for, or {@code null}
     * @param retry which retry, from 1
     * @return how long to wait before retry number {@code retry} (1 for the first)
     */
    public Duration delayBefore(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long cap = baseDelay.toMillis() << Math.min(retry - 1, 30);
        cap = cap < 0 ? maxDelay.toMillis() : Math.min(cap, maxDelay.toMillis());
        return Duration.ofMillis(cap == 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
