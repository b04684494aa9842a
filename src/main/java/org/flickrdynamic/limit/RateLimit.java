package org.flickrdynamic.limit;

import java.time.Duration;

import org.flickrdynamic.FlickrArgumentException;

/**
 * How many requests one API key may send: {@code permits} per {@code period} on average, up to
 * {@code burst} at once after a quiet spell. A request that would have to wait longer than
 * {@code maxWait} for its turn fails instead of waiting. Flickr allows 3,600 queries per key per hour:
 * {@code RateLimit.of(3600, Duration.ofHours(1))}. A period is at most {@link #LONGEST_PERIOD}; a longer
 * maximum wait than {@link #LONGEST_WAIT} (such as "forever") is cut to it.
 *
 * @param permits how many requests per period
 * @param period  the period
 * @param burst   how many requests may go at once when the key has been idle
 * @param maxWait the longest a request waits for its turn before failing
 */
public record RateLimit(int permits, Duration period, int burst, Duration maxWait) {
    /** How long a request waits for its turn at most, unless told otherwise. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(1);
    /** The longest period a limit may count over: a year and a day. */
    public static final Duration LONGEST_PERIOD = Duration.ofDays(366);
    /** The longest a request can be set to wait: a hundred years stands for "as long as it takes". */
    public static final Duration LONGEST_WAIT = Duration.ofDays(36_500);

    /**
     *
     * @param permits how many requests per period
     * @param burst how many requests may go at once when the key has been idle
     * @param maxWait the longest a request waits for its turn before failing
     * @param period the period
     * @throws FlickrArgumentException naming the bad value; a max wait past {@link #LONGEST_WAIT} is cut to it
     */
    public RateLimit {
        if (permits <= 0) {
            throw new FlickrArgumentException(null, "rate limit permits must be positive, not " + permits);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new FlickrArgumentException(null, "rate limit period must be a positive duration, not " + period);
        }
        if (period.compareTo(LONGEST_PERIOD) > 0) {
            throw new FlickrArgumentException(null, "rate limit period must be at most " + LONGEST_PERIOD.toDays()
                    + " days, not " + period);
        }
        if (burst <= 0) {
            throw new FlickrArgumentException(null, "rate limit burst must be positive, not " + burst);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new FlickrArgumentException(null, "rate limit max wait must be 0 or more, not " + maxWait);
        }
        if (maxWait.compareTo(LONGEST_WAIT) > 0) {
            maxWait = LONGEST_WAIT; // in nanoseconds it must still fit a long
        }
    }

    /**
     * {@code permits} per {@code period}, all of them allowed at once, waiting at most a minute.
     *
     * @param permits how many requests per period
     * @param period the period
     * @return {@code permits} per {@code period}, all of them allowed at once, waiting at most a minute
     */
    public static RateLimit of(int permits, Duration period) {
        return new RateLimit(permits, period, permits, DEFAULT_MAX_WAIT);
    }

    /**
     * A copy allowing this many requests at once.
     *
     * @param n how many requests may go at once
     * @return a copy allowing this many requests at once
     */
    public RateLimit withBurst(int n) {
        return new RateLimit(permits, period, n, maxWait);
    }

    /**
     * A copy that fails a request rather than wait longer than {@code d}.
     *
     * @param d how long a request waits for its turn at most
     * @return a copy that fails a request rather than wait longer than {@code d}
     */
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
