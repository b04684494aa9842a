package org.flickrdynamic.limit;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.flickrdynamic.FlickrTransportException;

/**
 * A token bucket for one API key: it holds up to {@code burst} tokens, refills at the limit's rate, and
 * every request takes one. A request finding none reserves the next one to come and waits for it, so
 * waiting threads go in the order they arrived; a reservation that would take longer than the limit's
 * {@code maxWait} is refused before anything is taken. The wait is interruptible. Thread-safe.
 */
public final class RateLimiter {
    private final String apiKey;
    private final LongSupplier nanoTime;
    private RateLimit limit;
    /** Tokens available; negative while requests are waiting for reserved ones. */
    private double tokens;
    private long updated;

    RateLimiter(String apiKey, RateLimit limit, LongSupplier nanoTime) {
        this.apiKey = apiKey;
        this.nanoTime = nanoTime;
        this.limit = limit;
        this.tokens = limit.burst();
        this.updated = nanoTime.getAsLong();
    }

    /** The limit in force. */
    public synchronized RateLimit limit() {
        return limit;
    }

    /** Applies another limit from now on; tokens saved beyond its burst are dropped. */
    synchronized void reconfigure(RateLimit next) {
        refill();
        limit = next;
        tokens = Math.min(tokens, next.burst());
    }

    /**
     * Waits for this request's turn.
     *
     * @param method the method about to be sent, for the message
     * @throws FlickrTransportException when the turn is further away than the limit's {@code maxWait}, or the
     *                                  thread was interrupted while waiting; nothing was sent then
     */
    public void acquire(String method) {
        long deadline = reserve(method);
        try {
            for (long left = deadline - nanoTime.getAsLong(); left > 0; left = deadline - nanoTime.getAsLong()) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The reserved token is not given back: the next request waits as if this one had been sent.
            throw FlickrTransportException.notSent("Interrupted while " + method
                    + " waited for its turn under the rate limit of API key " + apiKey, false, e);
        }
    }

    /** Takes a token, or reserves the next one; returns when (in {@code nanoTime}) it may be used. */
    private synchronized long reserve(String method) {
        long now = refill();
        double rate = limit.perNano();
        long wait = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate);
        if (wait > limit.maxWait().toNanos()) {
            // Waiting longer than this is the caller's decision, so refuse rather than retry.
            throw FlickrTransportException.notSent("Rate limit of API key " + apiKey + " (" + limit.permits()
                    + " per " + limit.period() + "): " + method + " would wait " + TimeUnit.NANOSECONDS.toMillis(wait)
                    + " ms for its turn, more than the maximum wait of " + limit.maxWait().toMillis()
                    + " ms; send fewer requests or raise the maximum wait", false, null);
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
