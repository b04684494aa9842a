package org.flickrdynamic.limit;

/**
 * Hands out turns to send requests, so an API key stays within its limit. Every request a client sends
 * (each REST call, each retry, each upload and each OAuth login step) first waits here for its turn.
 * A limiter is an object with a visible owner: give the same one to every client that must share a
 * limit ({@code FlickrClient.builder().rateLimiter(limiter)}); {@code newBuilder()} carries it over.
 * This JVM's limiter is {@link #inMemory}; {@link RateLimitStore} makes limiters whose state is shared by the
 * processes of a machine (a locked file) or by many machines (Redis), and the clients need no other change.
 *
 * <pre>{@code
 * RateLimiter flickrLimit = RateLimiter.inMemory("API key " + key, RateLimit.of(3600, Duration.ofHours(1)));
 * FlickrClient a = FlickrClient.builder().apiKey(key).rateLimiter(flickrLimit).build();
 * FlickrClient b = a.newBuilder().token(otherUser).build(); // the same turns
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface RateLimiter {
    /**
     * Waits for one request's turn.
     *
     * @param request what is about to be sent (a method name, a login step), for messages
     * @throws org.flickrdynamic.FlickrTransportException of kind {@code RATE_LIMITED} when the turn is further
     *         away than the limit allows to wait, or {@code INTERRUPTED} when the thread was interrupted
     *         while waiting; nothing was sent then
     */
    void acquire(String request);

    /**
     * The limit this limiter keeps to.
     *
     * @return the limit this limiter keeps to
     */
    RateLimit limit();

    /**
     * A limiter held in this JVM: the token bucket described by {@link RateLimit}, whose waiting requests go
     * in the order they came.
     *
     * @param owner what the limit belongs to, for messages ({@code "API key abc"})
     * @param limit the limit
     * @return a limiter held in this JVM
     * @throws org.flickrdynamic.FlickrArgumentException when the limit is {@code null}
     */
    static RateLimiter inMemory(String owner, RateLimit limit) {
        if (limit == null) {
            throw new org.flickrdynamic.FlickrArgumentException(null, "a rate limiter needs a limit, not null");
        }
        return BucketLimiter.inMemory(owner == null || owner.isBlank() ? "this limiter" : owner, limit);
    }
}
