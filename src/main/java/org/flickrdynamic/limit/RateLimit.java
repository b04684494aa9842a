package org.flickrdynamic.limit;

import java.time.Duration;

import org.flickrdynamic.FlickrArgumentException;

/**
 * How many requests one API key may send: {@code permits} per {@code period} on average, up to
 * {@code burst} at once after a quiet spell. A request that would have to wait longer than
 * {@code maxWait} for its turn fails instead of waiting. Flickr allows 3,600 queries per key per hour:
 * {@code RateLimit.of(3600, Duration.ofHours(1))}.
 *
 * @param permits how many requests per period
 * @param period  the period
 * @param burst   how many requests may go at once when the key has been idle
 * @param maxWait the longest a request waits for its turn before failing
 */
public record RateLimit(int permits, Duration period, int burst, Duration maxWait) {
    /** How long a request waits for its turn at most, unless told otherwise. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(1);

    /** @throws FlickrArgumentException naming the bad value */
    public RateLimit {
        if (permits <= 0) {
            throw new FlickrArgumentException(null, "rate limit permits must be positive, not " + permits);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new FlickrArgumentException(null, "rate limit period must be a positive duration, not " + period);
        }
        if (burst <= 0) {
            throw new FlickrArgumentException(null, "rate limit burst must be positive, not " + burst);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new FlickrArgumentException(null, "rate limit max wait must be 0 or more, not " + maxWait);
        }
    }

    /** {@code permits} per {@code period}, all of them allowed at once, waiting at most a minute. */
    public static RateLimit of(int permits, Duration period) {
        return new RateLimit(permits, period, permits, DEFAULT_MAX_WAIT);
    }

    /** A copy allowing this many requests at once. */
    public RateLimit withBurst(int n) {
        return new RateLimit(permits, period, n, maxWait);
    }

    /** A copy that fails a request rather than wait longer than {@code d}. */
    public RateLimit withMaxWait(Duration d) {
        return new RateLimit(permits, period, burst, d);
    }

    /** Requests per nanosecond. */
    double perNano() {
        return permits / (double) period.toNanos();
    }

    @Override
    public String toString() {
        return permits + " per " + period + " (burst " + burst + ", max wait " + maxWait + ")";
    }
}
