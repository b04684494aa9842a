package org.flickrdynamic.limit;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.FlickrTransportException.Kind;

/**
 * The in-JVM {@link RateLimiter}: a token bucket that holds up to {@code burst} tokens, refills at the limit's rate, and
 * every request takes one. A request finding none reserves the next one to come and waits for it, so
 * waiting threads go in the order they arrived; a reservation that would take longer than the limit's
 * {@code maxWait} is refused before anything is taken. The wait is interruptible. Thread-safe.
 */
final class TokenBucket implements RateLimiter {
    private final String owner;
    private final LongSupplier nanoTime;
    private final RateLimit limit;
    /** Tokens available; negative while requests are waiting for reserved ones. */
    private double tokens;
    private long updated;

    TokenBucket(String owner, RateLimit limit, LongSupplier nanoTime) {
        this.owner = owner;
        this.nanoTime = nanoTime;
        this.limit = limit;
        this.tokens = limit.burst();
        this.updated = nanoTime.getAsLong();
    }

    @Override
    public RateLimit limit() {
        return limit;
    }

    /**
     * Waits for this request's turn.
     *
     * @param method the method about to be sent, for the message
     * @throws FlickrTransportException when the turn is further away than the limit's {@code maxWait}, or the
     *                                  thread was interrupted while waiting; nothing was sent then
     */
    @Override
    public void acquire(String method) {
        long deadline = reserve(method);
        try {
            for (long left = deadline - nanoTime.getAsLong(); left > 0; left = deadline - nanoTime.getAsLong()) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The reserved token is not given back: the next request waits as if this one had been sent.
            throw FlickrTransportException.interruptedBeforeSending("Interrupted while " + method
                    + " waited for its turn under the rate limit of " + owner, e);
        }
    }

    /** Takes a token, or reserves the next one; returns when (in {@code nanoTime}) it may be used. */
    private synchronized long reserve(String method) {
        long now = refill();
        double rate = limit.perNano();
        long wait = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate);
        if (wait > limit.maxWait().toNanos()) {
            // Waiting longer than this is the caller's decision, so refuse rather than retry.
            throw new FlickrTransportException("Rate limit of " + owner + " (" + limit.permits()
                    + " per " + limit.period() + "): " + method + " would wait " + TimeUnit.NANOSECONDS.toMillis(wait)
                    + " ms for its turn, more than the maximum wait of " + limit.maxWait().toMillis()
                    + " ms; send fewer requests or raise the maximum wait", Kind.RATE_LIMITED, 0, null);
        }
        tokens -= 1;
        return now + wait;
    }

    private long refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(limit.burst(), tokens + (now - updated) * limit.perNano());
        updated = now;
        return now;
    }
}
