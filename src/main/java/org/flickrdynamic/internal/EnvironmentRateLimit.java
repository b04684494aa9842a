package org.flickrdynamic.internal;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.limit.RateLimit;
import org.flickrdynamic.limit.RateLimitStore;

/**
 * {@code FLICKR_RATE_LIMIT} and {@code FLICKR_RATE_LIMIT_STORE}, read once per JVM, for the facade and the
 * command line alike, so every way of running the library keeps the same limit. Not for users: the
 * facade's {@code Flickr.rateLimit} and the builder's {@code rateLimit} are the public settings.
 */
public final class EnvironmentRateLimit {
    /** The limit {@code FLICKR_RATE_LIMIT_STORE} brings when set alone: Flickr's. */
    public static final String FLICKR_LIMIT = "3600/1h";

    private static final Object STORE = read(() -> RateLimitStore.parse(System.getenv("FLICKR_RATE_LIMIT_STORE"),
            "FLICKR_RATE_LIMIT_STORE"));
    private static final Object LIMIT = read(() -> {
        String limit = System.getenv("FLICKR_RATE_LIMIT");
        String store = System.getenv("FLICKR_RATE_LIMIT_STORE");
        if (limit != null && !limit.isBlank()) {
            return RateLimit.parse(limit, "FLICKR_RATE_LIMIT");
        }
        return store != null && !store.isBlank() ? RateLimit.parse(FLICKR_LIMIT, "Flickr's limit") : null;
    });

    private EnvironmentRateLimit() {
    }

    /** A value, or the error reading it gave, kept to be thrown at every use. */
    private static Object read(java.util.function.Supplier<Object> reader) {
        try {
            return reader.get();
        } catch (FlickrArgumentException e) {
            return e;
        }
    }

    /**
     * The limit of {@code FLICKR_RATE_LIMIT}, or {@code null} when neither variable is set.
     *
     * @throws FlickrArgumentException naming the variable when its value cannot be used
     */
    public static RateLimit limit() {
        if (LIMIT instanceof FlickrArgumentException e) {
            throw e;
        }
        return (RateLimit) LIMIT;
    }

    /**
     * The store of {@code FLICKR_RATE_LIMIT_STORE}; this JVM when unset.
     *
     * @throws FlickrArgumentException naming the variable when its value cannot be used
     */
    public static RateLimitStore store() {
        if (STORE instanceof FlickrArgumentException e) {
            throw e;
        }
        return (RateLimitStore) STORE;
    }

    /**
     * Sets the environment's limit and store on a client being built, when a limit is set.
     *
     * @throws FlickrArgumentException naming a variable whose value cannot be used
     */
    public static FlickrClientBuilder apply(FlickrClientBuilder builder) {
        RateLimitStore store = store();
        RateLimit limit = limit();
        return limit == null ? builder : builder.rateLimit(limit).rateLimitStore(store);
    }
}
