package org.flickrdynamic.limit;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RateLimiter} per API key for the whole JVM, since Flickr counts requests per key: every
 * client and thread using a key with a rate limit takes its turns from the same bucket. The limit
 * belongs to the key, so a client built later with another limit for the same key changes it for all of
 * them.
 */
public final class RateLimiters {
    private static final ConcurrentHashMap<String, RateLimiter> BY_KEY = new ConcurrentHashMap<>();

    private RateLimiters() {
    }

    /** Sets the limit of a key, for every client using it; called when a client with a rate limit is built. */
    public static RateLimiter configure(String apiKey, RateLimit limit) {
        RateLimiter limiter = forKey(apiKey, limit);
        if (!limiter.limit().equals(limit)) {
            limiter.reconfigure(limit);
        }
        return limiter;
    }

    /** The key's limiter; a key not seen before gets one with {@code limitIfNew}. */
    public static RateLimiter forKey(String apiKey, RateLimit limitIfNew) {
        Objects.requireNonNull(apiKey, "apiKey");
        return BY_KEY.computeIfAbsent(apiKey, k -> new RateLimiter(k, limitIfNew, System::nanoTime));
    }
}
