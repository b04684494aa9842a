package org.flickrdynamic;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.cache.ResponseCache;
import org.flickrdynamic.internal.Version;
import org.flickrdynamic.internal.transport.HttpTransport;
import org.flickrdynamic.internal.transport.TransportSettings;
import org.flickrdynamic.limit.RateLimit;
import org.flickrdynamic.limit.RateLimitStore;
import org.flickrdynamic.limit.RateLimiter;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.transport.Endpoints;

/**
 * Builds {@link FlickrClient}s: {@code FlickrClient.builder()} starts from the defaults,
 * {@code client.newBuilder()} from a client's settings, sharing its connection pool, its rate limiter and its
 * cache, as OkHttp's builder shares a connection pool and a cache. Not thread-safe; the clients it builds are.
 */
/** Builds {@link FlickrClient}s. Not thread-safe; the clients it builds are. */
public final class FlickrClientBuilder {
    private String apiKey;
    private String secret;
    private boolean signed;
    private Signing signing;
    private Endpoints endpoints;
    private boolean allowInsecureHttp;
    private String token;
    private String tokenSecret;
    private Permission tokenPermission;
    private String tokenUser;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private long maxResponseBytes;
    private int maxConnections;
    private MethodTable table;
    private RetryPolicy retryPolicy;
    private RateLimiter rateLimiter;
    private RateLimit rateLimit;
    private RateLimitStore rateLimitStore = RateLimitStore.jvm();
    private ResponseCache cache;
    private Duration cacheTtl;
    private int cacheMaxEntries;
    private Clock clock;
    private final HttpTransport shared;

    FlickrClientBuilder(ClientSettings s, HttpTransport shared) {
        this.apiKey = s.apiKey();
        this.secret = s.secret();
        this.signed = s.signed();
        this.signing = s.signing();
        this.endpoints = s.endpoints();
        this.allowInsecureHttp = s.allowInsecureHttp();
        this.token = s.token();
        this.tokenSecret = s.tokenSecret();
        this.tokenPermission = s.tokenPermission();
        this.tokenUser = s.tokenUser();
        this.connectTimeout = s.connectTimeout();
        this.readTimeout = s.readTimeout();
        this.callTimeout = s.callTimeout();
        this.maxResponseBytes = s.maxResponseBytes();
        this.maxConnections = s.maxConnections();
        this.table = s.table();
        this.retryPolicy = s.retryPolicy();
        this.rateLimiter = s.rateLimiter();
        this.cache = s.cache();
        this.clock = s.clock();
        this.shared = shared;
    }

    /** The API key set so far, for the facade's per-key rate limiters. */
    String apiKeyForLimit() {
        return apiKey;
    }

    /**
     * The API key sent as {@code api_key} (and OAuth consumer key). {@code null} or blank: none.
     *
     * @param apiKey the API key
     * @return the API key sent as {@code api_key} (and OAuth consumer key)
     */
    public FlickrClientBuilder apiKey(String apiKey) {
        this.apiKey = blankToNull(apiKey);
        return this;
    }

    /**
     * The API secret that signs requests. {@code null} or blank: none.
     *
     * @param secret the API secret
     * @return the API secret that signs requests
     */
    public FlickrClientBuilder secret(String secret) {
        this.secret = blankToNull(secret);
        return this;
    }

    /**
     * {@code true}: sign every call; {@code false} (default): only those the table says need it.
     *
     * @param signed {@code true} to sign every call; {@code false} to sign only those that need it
     * @return {@code true}: sign every call; {@code false} (default): only those the table says need it
     */
    public FlickrClientBuilder signed(boolean signed) {
        this.signed = signed;
        return this;
    }

    /**
     * The signing scheme: {@link Signing#OAUTH1} (default) or {@link Signing#LEGACY_MD5}.
     *
     * @param signing the signing scheme
     * @return the signing scheme: {@link Signing#OAUTH1} (default) or {@link Signing#LEGACY_MD5}
     */
    public FlickrClientBuilder signing(Signing signing) {
        this.signing = required(signing, "signing");
        return this;
    }

    /**
     * The REST endpoint (default {@code https://api.flickr.com/services/rest/}). One of another service
     * that ends in {@code services/rest/}, such as a sandbox's, moves the upload, replace and OAuth
     * endpoints beside it too, so nothing meant for the sandbox reaches Flickr; see
     * {@link Endpoints#forRest}. {@link #endpoints} sets each one alone.
     *
     * @param restUrl the REST endpoint's URL
     * @return the REST endpoint (default {@code https://api.flickr.com/services/rest/})
     */
    public FlickrClientBuilder endpoint(String restUrl) {
        this.endpoints = endpoints.forRest(restUrl);
        return this;
    }

    /**
     * Moves every endpoint (REST, upload, replace, OAuth) under one base URL, e.g. a sandbox's.
     *
     * @param baseUrl the base URL
     * @return this builder
     */
    public FlickrClientBuilder baseUrl(String baseUrl) {
        this.endpoints = Endpoints.atBase(required(baseUrl, "baseUrl"));
        return this;
    }

    /**
     * All endpoints at once.
     *
     * @param endpoints the endpoints
     * @return all endpoints at once
     */
    public FlickrClientBuilder endpoints(Endpoints endpoints) {
        this.endpoints = required(endpoints, "endpoints");
        return this;
    }

    /**
     * Allows plain http to hosts other than the loopback (default: refused).
     *
     * @param allow whether plain {@code http} to a host other than loopback is allowed
     * @return this builder
     */
    public FlickrClientBuilder allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return this;
    }

    /**
     * The user's access token and its secret (OAuth), or a legacy auth token with a {@code null}
     * secret. {@code null} token: none.
     *
     * @param token the token
     * @param tokenSecret the token's secret
     * @return the user's access token and its secret (OAuth), or a legacy auth token with a {@code null} secret
     */
    public FlickrClientBuilder token(String token, String tokenSecret) {
        this.token = blankToNull(token);
        this.tokenSecret = this.token == null ? null : blankToNull(tokenSecret);
        this.tokenPermission = null;
        this.tokenUser = null;
        return this;
    }

    /**
     * A logged-in user's token from a login or the token store. Its permission is then checked before
     * sending: a method needing more is refused without a request. {@code null}: no token.
     *
     * @param accessToken the access token
     * @return a logged-in user's token from a login or the token store
     */
    public FlickrClientBuilder token(AccessToken accessToken) {
        if (accessToken == null) {
            return token(null, null);
        }
        token(accessToken.token(), accessToken.tokenSecret());
        this.tokenPermission = accessToken.permission();
        this.tokenUser = accessToken.username();
        return this;
    }

    /**
     * Makes the client anonymous: it drops any token it was given or derived from (the facade's current
     * login, a stored one), so its calls show what everyone sees. A client with a token signs every call
     * with it and acts as its user.
     *
     * @return this builder
     */
    public FlickrClientBuilder anonymous() {
        return token(null, null);
    }

    /**
     * How long to wait for a connection (default 10 s); at least 1 ms.
     *
     * @param timeout how long to wait at most
     * @return how long to wait for a connection (default 10 s); at least 1 ms
     */
    public FlickrClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * How long to wait for an answer to start, and between its bytes (default 30 s); at least 1 ms.
     *
     * @param timeout how long to wait at most
     * @return how long to wait for an answer to start, and between its bytes (default 30 s); at least 1 ms
     */
    public FlickrClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /**
     * How long one request of a method call may take as a whole (default 60 s; at least 1 ms): connecting,
     * sending, waiting for the answer and reading it. The read timeout bounds each wait for the next bytes;
     * this bounds the sum, so a server that trickles its answer a byte at a time cannot hold a call for
     * ever. A request over it fails with a {@link FlickrTransportException} that is retried as a read
     * timeout is, each retry with the whole time again. Keep it above the read timeout when raising that.
     * Uploads and replacements are not bound by it (a large file takes long to send).
     *
     * @param timeout how long to wait at most
     * @return how long one request of a method call may take as a whole
     */
    public FlickrClientBuilder callTimeout(Duration timeout) {
        this.callTimeout = positive(timeout, "callTimeout");
        return this;
    }

    /**
     * The largest answer accepted (default 16 MiB, on the wire and inflated); a larger one is refused without filling the heap.
     *
     * @param bytes the largest answer accepted
     * @return the largest answer accepted (default 16 MiB, on the wire and inflated)
     */
    public FlickrClientBuilder maxResponseBytes(long bytes) {
        if (bytes <= 0) {
            throw new FlickrArgumentException(null, "maxResponseBytes must be positive, not " + bytes);
        }
        this.maxResponseBytes = bytes;
        return this;
    }

    /**
     * How many connections the pool may keep open (default 64).
     *
     * @param n the most connections in the pool
     * @return how many connections the pool may keep open (default 64)
     */
    public FlickrClientBuilder maxConnections(int n) {
        if (n <= 0) {
            throw new FlickrArgumentException(null, "maxConnections must be positive, not " + n);
        }
        this.maxConnections = n;
        return this;
    }

    /**
     * How many times a failed call may be sent again (default 3); 0 disables retries. Reads are retried
     * on any passing failure, writes only when they never reached the server (see docs/errors-and-retries.md).
     *
     * @param retries how many retries after the first attempt
     * @return how many times a failed call may be sent again (default 3); 0 disables retries
     */
    public FlickrClientBuilder retries(int retries) {
        this.retryPolicy = retryPolicy.withRetries(retries);
        return this;
    }

    /**
     * The retry count and waits; {@link RetryPolicy#DEFAULT} unless set.
     *
     * @param policy the retry policy
     * @return the retry count and waits; {@link RetryPolicy#DEFAULT} unless set
     */
    public FlickrClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = required(policy, "policy");
        return this;
    }

    /**
     * Limits this client's requests so that no window of {@code period} sees more than {@code permits} of
     * them (a tenth may go at once after a quiet spell; see {@link RateLimit}), with a new limiter made when
     * the client is built, its state in the {@link #rateLimitStore store} (this JVM unless set). Clients
     * derived from it with {@code newBuilder()} share its turns; with the default store other clients, even
     * of the same key, are not held back, and no later client changes this one's limit. To share a limit
     * between clients built apart, give them one {@link #rateLimiter(RateLimiter)}, or a shared store. A
     * request waits for its turn, at most a minute; see {@link RateLimit} for other bursts and waits.
     *
     * @param permits how many requests a window may hold
     * @param period the window
     * @return this builder
     */
    public FlickrClientBuilder rateLimit(int permits, Duration period) {
        return rateLimit(RateLimit.of(permits, period));
    }

    /**
     * Where the limiter made for {@link #rateLimit(RateLimit)} keeps its state (default {@link RateLimitStore#jvm()}):
     * a file shared by the processes of this machine, or Redis shared by machines. The state is filed under
     * the API key, so every client, process or machine of one key using one store shares the key's turns.
     * The store is a setting of this builder only: a client's {@code newBuilder()} shares the limiter built
     * here, but a new {@code rateLimit(..)} on it uses this JVM unless given a store again.
     *
     * @param store where the limit's state is kept
     * @return this builder
     */
    public FlickrClientBuilder rateLimitStore(RateLimitStore store) {
        this.rateLimitStore = required(store, "rateLimitStore");
        return this;
    }

    /**
     * {@link #rateLimit(int, Duration)} with the burst and wait of {@code limit}; {@code null}: no limit.
     *
     * @param limit the rate limit, or {@code null} for none
     * @return this builder
     */
    public FlickrClientBuilder rateLimit(RateLimit limit) {
        this.rateLimit = limit;
        this.rateLimiter = null;
        return this;
    }

    /**
     * The limiter every request of the client takes its turn from (each call, retry, upload and login step),
     * shared with every client given the same one; {@code null}: no limit. See {@link RateLimiter}.
     *
     * @param limiter the rate limiter, shared with other clients
     * @return the limiter every request of the client takes its turn from
     */
    public FlickrClientBuilder rateLimiter(RateLimiter limiter) {
        this.rateLimiter = limiter;
        this.rateLimit = null;
        return this;
    }

    /**
     * Keeps the answers of unsigned reads for {@code ttl} (at most 24 hours), {@code maxEntries} at most,
     * so a repeated call is answered without a request, in a new cache made when the client is built and
     * shared by the clients derived from it with {@code newBuilder()}. Off by default.
     *
     * @param ttl how long an answer stays fresh
     * @param maxEntries how many answers are kept at most
     * @return this builder
     * @throws FlickrArgumentException when the ttl is not positive or above 24 hours, or the size not positive
     */
    public FlickrClientBuilder cache(Duration ttl, int maxEntries) {
        ResponseCache.check(ttl, maxEntries);
        this.cacheTtl = ttl;
        this.cacheMaxEntries = maxEntries;
        this.cache = null;
        return this;
    }

    /**
     * The cache of unsigned reads' answers, shared with every client given the same one; {@code null}: none.
     *
     * @param cache the cache, shared with other clients
     * @return the cache of unsigned reads' answers, shared with every client given the same one; {@code null}: none
     */
    public FlickrClientBuilder cache(ResponseCache cache) {
        this.cache = cache;
        this.cacheTtl = null;
        return this;
    }

    /**
     * Turns the response cache off.
     *
     * @return this builder
     */
    public FlickrClientBuilder noCache() {
        return cache((ResponseCache) null);
    }

    /**
     * The clock that decides when cached answers expire (default the system clock); for tests.
     *
     * @param clock the clock
     * @return the clock that decides when cached answers expire (default the system clock); for tests
     */
    public FlickrClientBuilder clock(Clock clock) {
        this.clock = required(clock, "clock");
        return this;
    }

    /**
     * Validates against this method table instead of the bundled one.
     *
     * @param table the method table
     * @return this builder
     */
    public FlickrClientBuilder methodTable(MethodTable table) {
        this.table = required(table, "table");
        return this;
    }

    /**
     * Validates against the method table in this file; fails naming the file and line if it is bad.
     *
     * @param file the table file
     * @return this builder
     */
    public FlickrClientBuilder methodTable(Path file) {
        return methodTable(MethodTable.load(file));
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws FlickrArgumentException when an endpoint is not a URL, or is plain http off the loopback
     */
    public FlickrClient build() {
        endpoints.check(allowInsecureHttp);
        if (rateLimit != null) {
            rateLimiter = rateLimitStore.limiter(apiKey, rateLimit);
            rateLimit = null; // made once: building again from this builder shares it
        }
        if (cacheTtl != null) {
            cache = new ResponseCache(cacheTtl, cacheMaxEntries, clock);
            cacheTtl = null;
        }
        ClientSettings s = new ClientSettings(apiKey, secret, signed, signing, endpoints, allowInsecureHttp, token,
                tokenSecret, tokenPermission, tokenUser, connectTimeout, readTimeout, callTimeout, maxResponseBytes,
                maxConnections, table, retryPolicy, rateLimiter, cache, clock);
        TransportSettings ts = new TransportSettings(connectTimeout, maxConnections, Version.userAgent());
        HttpTransport t = shared != null && shared.settings().equals(ts) && shared.tryRetain() ? shared
                : new HttpTransport(ts);
        return new FlickrClient(s, t);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new FlickrArgumentException(null, what + " must be a positive duration, not " + d);
        }
        if (d.compareTo(Duration.ofMillis(1)) < 0) {
            // The HTTP client counts whole milliseconds: less would round to 0, which it takes as "no timeout".
            throw new FlickrArgumentException(null, what + " must be at least 1 ms, not " + d);
        }
        return d;
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new FlickrArgumentException(null, what + " must be given, not null");
        }
        return value;
    }
}
