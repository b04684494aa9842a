package org.flickrdynamic.limit;

import java.time.Duration;

import org.flickrdynamic.FlickrArgumentException;

/**
 * How many requests one API key may send: never more than {@code permits} in any window of length
 * {@code period}, retries, uploads and login steps included, as Flickr counts them ("3,600 queries per
 * hour across the whole key"). A token bucket of {@code burst} tokens, starting full and refilled
 * steadily with {@code permits - burst} tokens per {@link #refillPeriod() period plus a margin}, keeps that
 * promise: a window of one period sees at most the {@code burst} tokens held at its start plus fewer than
 * the {@code permits - burst} refilled during it. So {@code burst} requests may go at once after a quiet
 * spell, then {@code permits - burst} per refill period. {@link #of} takes a tenth of the permits as the
 * burst (at least one): {@code RateLimit.of(3600, Duration.ofHours(1))} sends up to 360 at once, then 3,240
 * an hour and a second.
 *
 * <p>The margin ({@link #margin()}: a quarter of the period, at most a second) is for what happens between
 * a request's turn and its arrival: a JVM's first request loads classes and connects, later ones go out at
 * once, so requests can arrive closer together than their turns were. As long as those delays differ by
 * less than {@link #tolerance()} ({@code margin + refillPeriod / (permits - burst)}: about 2.1 s for
 * 3600/1h, 0.86 s for 8/2s), no window of one period sees more than {@code permits} arrivals either.
 *
 * <p>A request that would have to wait longer than {@code maxWait} for its turn fails instead of
 * waiting. A period is at most {@link #LONGEST_PERIOD}; a longer maximum wait than {@link #LONGEST_WAIT}
 * (such as "forever") is cut to it. {@link #parse} reads the {@code FLICKR_RATE_LIMIT} form {@code 3600/1h}.
 *
 * @param permits how many requests any window of one period may see
 * @param period  the period
 * @param burst   how many requests may go at once when the key has been idle: at least 1 and less than
 *                {@code permits} (exactly 1 when {@code permits} is 1, which then refills 1 per period)
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
     * A limit, its values checked.
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
        if (burst > Math.max(1, permits - 1)) {
            throw new FlickrArgumentException(null, "rate limit burst must be at most " + Math.max(1, permits - 1)
                    + " for " + permits + " permits, not " + burst + ": the bucket refills permits - burst per period,"
                    + " and a window of one period may see the burst and the refill together");
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new FlickrArgumentException(null, "rate limit max wait must be 0 or more, not " + maxWait);
        }
        if (maxWait.compareTo(LONGEST_WAIT) > 0) {
            maxWait = LONGEST_WAIT; // in nanoseconds it must still fit a long
        }
    }

    /**
     * {@code permits} in any window of {@code period}, a tenth of them (at least 1) allowed at once after a
     * quiet spell, waiting at most a minute for a turn.
     *
     * @param permits how many requests a window may hold
     * @param period the window
     * @return the limit
     */
    public static RateLimit of(int permits, Duration period) {
        return new RateLimit(permits, period, defaultBurst(permits), DEFAULT_MAX_WAIT);
    }

    /** A tenth of the permits, rounded up, at least 1 and less than the permits when there are two or more. */
    static int defaultBurst(int permits) {
        return permits <= 2 ? 1 : Math.min(permits - 1, (permits + 9) / 10);
    }

    /**
     * Reads a limit written as {@code N/DURATION}, as in {@code FLICKR_RATE_LIMIT}: {@code 3600/1h},
     * {@code 8/2s}, {@code 100/500ms}, {@code 50/m}; units {@code ms}, {@code s}, {@code m}, {@code h},
     * {@code d}. The burst is {@link #of}'s.
     *
     * @param text the limit
     * @param what where it was given, for the message ({@code "FLICKR_RATE_LIMIT"})
     * @throws FlickrArgumentException naming {@code what}, the text and the expected form
     * @return the limit
     */
    public static RateLimit parse(String text, String what) {
        java.util.regex.Matcher m = text == null ? null
                : java.util.regex.Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{0,12})\\s*(ms|s|m|h|d)\\s*").matcher(text);
        if (m == null || !m.matches()) {
            throw new FlickrArgumentException(null, what + " must be N/DURATION such as 3600/1h or 8/2s"
                    + " (units ms, s, m, h, d), not '" + text + "'");
        }
        long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        Duration period = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        try {
            return of(Integer.parseInt(m.group(1)), period);
        } catch (FlickrArgumentException e) {
            throw new FlickrArgumentException(null, what + " '" + text.strip() + "': " + String.join("; ", e.problems()));
        }
    }

    /**
     * The slack added to the period for the refill: a quarter of the period, at most one second.
     *
     * @return the margin
     */
    public Duration margin() {
        Duration quarter = period.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? quarter : Duration.ofSeconds(1);
    }

    /**
     * How long the bucket takes to gain {@link #sustained()} tokens: the period and its margin.
     *
     * @return the period and its margin
     */
    public Duration refillPeriod() {
        return period.plus(margin());
    }

    /**
     * How much later one request may arrive after its turn than another, and the limit still hold at the
     * server: the margin and one refill interval.
     *
     * @return the margin and one refill interval
     */
    public Duration tolerance() {
        return margin().plus(refillPeriod().dividedBy(sustained()));
    }

    /**
     * How many tokens the bucket gains per refill period: what may go on for ever after the burst.
     *
     * @return the tokens gained per refill period
     */
    public int sustained() {
        return permits == 1 ? 1 : permits - burst;
    }

    /**
     * A copy allowing this many requests at once after a quiet spell (1 to {@code permits - 1}); the rest of
     * the permits are refilled over each period.
     *
     * @param n how many requests may go at once, 1 to {@code permits - 1}
     * @return the copy
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

    @Override
    public String toString() {
        return permits + " per " + period + " (burst " + burst + ", then " + sustained() + " per " + refillPeriod()
                + ", max wait " + maxWait + ")";
    }
}
