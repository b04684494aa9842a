package org.flickrdynamic;

import java.time.Clock;
import java.time.Duration;

import org.flickrdynamic.cache.ResponseCache;
import org.flickrdynamic.internal.sign.Credentials;
import org.flickrdynamic.limit.RateLimiter;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.transport.Endpoints;

/**
 * The immutable settings of one {@link FlickrClient}, as its {@link FlickrClientBuilder} chose them. The
 * rate limiter and the cache are shared objects: a client derived with {@code newBuilder()} keeps using
 * the same ones. Never printed: it holds secrets.
 */
record ClientSettings(String apiKey, String secret, boolean signed, Signing signing, Endpoints endpoints,
                      boolean allowInsecureHttp, String token, String tokenSecret, Permission tokenPermission,
                      String tokenUser, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                      long maxResponseBytes, int maxConnections, MethodTable table, RetryPolicy retryPolicy,
                      RateLimiter rateLimiter, ResponseCache cache, Clock clock) {

    /** Flickr's endpoints, the default timeouts and size cap, no key, no limit, no cache. */
    static final ClientSettings DEFAULTS = new ClientSettings(null, null, false, Signing.OAUTH1, Endpoints.FLICKR,
            false, null, null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            FlickrClient.DEFAULT_MAX_RESPONSE_BYTES, 64, null, RetryPolicy.DEFAULT, null, null, Clock.systemUTC());

    /** The keys of the client's requests; a call's own {@code api_key} replaces the key in the pipeline. */
    Credentials credentials() {
        return new Credentials(apiKey, secret, token, tokenSecret);
    }

    /** The method table: the one set, else the bundled one. */
    MethodTable methodTable() {
        return table != null ? table : MethodTable.bundled();
    }

    @Override
    public String toString() {
        return "ClientSettings[apiKey=" + (apiKey == null ? "(none)" : apiKey) + ", secret=" + (secret == null ? "(none)" : "(set)")
                + ", token=" + (token == null ? "(none)" : "(set)") + ']';
    }
}
