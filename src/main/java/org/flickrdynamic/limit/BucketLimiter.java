package org.flickrdynamic.limit;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.FlickrTransportException.Kind;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BlockingStrategy;

/**
 * The one {@link RateLimiter} of every store: a Bucket4j bucket shaped by {@link #configuration}, held in
 * this JVM, in a locked file or in Redis. A request takes one token, or reserves the next one to come and
 * sleeps until then, so waiting requests go in the order they reserved, in whichever process they are; a
 * reservation further away than the limit's {@code maxWait} is refused before anything is taken. When the
 * store cannot be reached the request fails at once, naming the store: it is never sent unaccounted.
 */
final class BucketLimiter implements RateLimiter {
    private final String owner;
    private final String store;
    private final RateLimit limit;
    private final Supplier<Bucket> bucket;

    /**
     * @param owner  what the limit belongs to, for messages ({@code "API key abc"})
     * @param store  where the bucket's state lives, for messages ({@code "this JVM"}, a file, a Redis URL)
     * @param limit  the limit the bucket was shaped from
     * @param bucket the bucket, made from {@link #configuration(RateLimit)}; asked for on every turn, so a
     *               store may connect at the first one and report an outage on each
     */
    BucketLimiter(String owner, String store, RateLimit limit, Supplier<Bucket> bucket) {
        this.owner = owner;
        this.store = store;
        this.limit = limit;
        this.bucket = bucket;
    }

    /**
     * The bucket that keeps {@code limit}: {@code burst} tokens, starting full, refilled greedily (a
     * token as soon as it is due, not a period's worth at once) with {@code permits - burst} per refill period.
     */
    static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.sustained(), limit.refillPeriod())
                        .initialTokens(limit.burst()).build())
                .build();
    }

    /** A bucket of this JVM alone. */
    static BucketLimiter inMemory(String owner, RateLimit limit) {
        Bucket bucket = Bucket.builder().addLimit(configuration(limit).getBandwidths()[0]).build();
        return new BucketLimiter(owner, "this JVM", limit, () -> bucket);
    }

    @Override
    public RateLimit limit() {
        return limit;
    }

    /** Where this limiter keeps its state, as messages name it. */
    String store() {
        return store;
    }

    @Override
    public void acquire(String request) {
        boolean got;
        try {
            got = bucket.get().asBlocking().tryConsume(1, limit.maxWait().toNanos(), BlockingStrategy.PARKING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // A reserved token is not given back: the next request waits as if this one had been sent.
            throw FlickrTransportException.interruptedBeforeSending("Interrupted while " + request
                    + " waited for its turn under the rate limit of " + owner, e);
        } catch (FlickrException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // An interrupt that reached the store's I/O (a file lock, a socket) rather than the wait.
                throw FlickrTransportException.interruptedBeforeSending("Interrupted while " + request
                        + " took its turn under the rate limit of " + owner + " in " + store, e);
            }
            throw new FlickrTransportException("The rate limit store of " + owner + " (" + store
                    + ") cannot be used, so " + request + " was not sent: " + reason(e), Kind.RATE_LIMITED, 0, e);
        }
        if (!got) {
            // Waiting longer than this is the caller's decision, so refuse rather than retry.
            long waitMillis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, estimatedWaitNanos()));
            throw new FlickrTransportException("Rate limit of " + owner + " (" + limit.permits() + " per "
                    + limit.period() + "): " + request + " would wait " + (waitMillis > 0 ? waitMillis + " ms" : "longer")
                    + " for its turn, more than the maximum wait of " + limit.maxWait().toMillis()
                    + " ms; send fewer requests or raise the maximum wait", Kind.RATE_LIMITED, 0, null);
        }
    }

    /** How long the next token is away, for the message; 0 when the store cannot say. */
    private long estimatedWaitNanos() {
        try {
            return bucket.get().estimateAbilityToConsume(1).getNanosToWaitForRefill();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The innermost message of a store's failure, which names what could not be reached. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    @Override
    public String toString() {
        return "rate limiter of " + owner + " in " + store + ": " + limit;
    }
}
