package org.flickrdynamic;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dom4j.Element;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.OAuthFlow;
import org.flickrdynamic.cache.ResponseCache;
import org.flickrdynamic.internal.Version;
import org.flickrdynamic.limit.RateLimit;
import org.flickrdynamic.limit.RateLimiters;
import org.flickrdynamic.request.ArgumentNormalizer;
import org.flickrdynamic.request.CallValidator;
import org.flickrdynamic.request.MethodResolver;
import org.flickrdynamic.request.Problems;
import org.flickrdynamic.response.ResponseReader;
import org.flickrdynamic.retry.Retrier;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.retry.StatefulReads;
import org.flickrdynamic.sign.Credentials;
import org.flickrdynamic.sign.OAuth1Signer;
import org.flickrdynamic.sign.SecretMask;
import org.flickrdynamic.sign.Signers;
import org.flickrdynamic.table.HelpText;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.transport.Endpoints;
import org.flickrdynamic.transport.HttpTransport;
import org.flickrdynamic.transport.TransportSettings;
import org.flickrdynamic.walk.Walk;
import org.flickrdynamic.walk.Walker;
import org.flickrdynamic.upload.UploadTickets;
import org.flickrdynamic.upload.Uploader;

/**
 * An immutable, thread-safe Flickr client with its own settings: API key, secret, {@code signed?},
 * signing scheme, endpoints, token, timeouts and method table.
 *
 * <pre>{@code
 * try (FlickrClient flickr = FlickrClient.builder().apiKey("key").secret("secret").build()) {
 *     Element rsp = flickr.call("photos.search", Map.of("tags", "cat", "per_page", 5));
 * }
 * }</pre>
 *
 * <p>A call flows through small stages: look the method up in the table, normalize the arguments,
 * validate them (every problem at once, nothing sent), apply the settings, sign, send, parse. Clients
 * made with {@link #newBuilder()} share the connection pool; two clients never see each other's
 * settings or tokens.
 *
 * <p>Reads that fail for a passing reason are retried ({@link RetryPolicy}, 3 retries by default); writes
 * only when they certainly never reached the server. A rate limit shared by every client of an API key
 * ({@link Builder#rateLimit}) and a cache of unsigned reads ({@link Builder#cache}) can be turned on.
 */
public final class FlickrClient implements AutoCloseable {
    /** The largest answer accepted by default: far above any real Flickr page, far below a full heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    private static final Duration ONE_MS = Duration.ofMillis(1);

    private final Settings settings;
    private final HttpTransport transport;
    private final Retrier retrier;
    private final ResponseCache cache;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FlickrClient(Settings settings, HttpTransport transport) {
        this.settings = settings;
        this.transport = transport;
        this.retrier = new Retrier(settings.retryPolicy);
        this.cache = settings.cacheTtl == null ? null
                : new ResponseCache(settings.cacheTtl, settings.cacheMaxEntries, settings.clock);
    }

    /** A builder with Flickr's endpoints and default timeouts, and no key. */
    public static Builder builder() {
        return new Builder(Settings.DEFAULTS, null);
    }

    /**
     * A builder starting from this client's settings; the client it builds shares this one's connection pool
     * (or opens its own when this one's is closed).
     */
    public Builder newBuilder() {
        return new Builder(settings, transport);
    }

    /**
     * Calls a Flickr method.
     *
     * @param method the method, with or without its {@code flickr.} prefix
     * @param args   the arguments; keys are names (or keywords), values are converted as the
     *               {@link org.flickrdynamic.request.ArgumentNormalizer} describes; {@code null} for none
     * @return the {@code <rsp stat="ok">} element; its children are the payload as Flickr sent it
     * @throws FlickrArgumentException  when the call is wrong (nothing was sent)
     * @throws FlickrApiException       when Flickr answered with an error code
     * @throws FlickrTransportException when no usable answer came back
     */
    public Element call(String method, Map<?, ?> args) {
        ensureOpen(method);
        MethodSpec spec = MethodResolver.resolve(table(), method);
        Problems problems = new Problems();
        Map<String, String> given = ArgumentNormalizer.normalize(args, problems);
        return invoke(spec, given, problems);
    }

    /**
     * Calls a Flickr method with arguments given as alternating keys and values:
     * {@code call("flickr.test.echo", "foo", "bar", "n", 5)}.
     */
    public Element call(String method, Object... keysAndValues) {
        ensureOpen(method);
        MethodSpec spec = MethodResolver.resolve(table(), method);
        Problems problems = new Problems();
        Map<String, String> given = ArgumentNormalizer.normalizePairs(keysAndValues, problems);
        return invoke(spec, given, problems);
    }

    /**
     * The items ({@code <photo>}, {@code <photoset>}, {@code <group>} ...) of a paged method across all its
     * pages, as a lazy stream that is also an {@link Iterable}: a page is fetched only when the walk
     * reaches it, and stopping early stops fetching. A {@code page} argument starts the walk there.
     * {@code flickr.photos.search} queries matching more than Flickr's 4,000-result cap are split into
     * date ranges, so every photo comes exactly once. See {@link Walker}.
     *
     * <pre>{@code
     * flickr.walk("photos.search", Map.of("tags", "cat", "per_page", 500)).limit(1000).forEach(...);
     * }</pre>
     *
     * @throws FlickrArgumentException at once when the method is unknown or not paged
     */
    public Walk<Element> walk(String method, Map<?, ?> args) {
        return Walker.items(this, method, args);
    }

    /** {@link #walk(String, Map)} with arguments as alternating keys and values. */
    public Walk<Element> walk(String method, Object... keysAndValues) {
        return Walker.items(this, method, keysAndValues);
    }

    /**
     * The page elements ({@code <photos page pages perpage total>} ...) of a paged method, lazily, each
     * holding its items. See {@link #walk(String, Map)}.
     */
    public Walk<Element> pages(String method, Map<?, ?> args) {
        return Walker.pages(this, method, args);
    }

    /** {@link #pages(String, Map)} with arguments as alternating keys and values. */
    public Walk<Element> pages(String method, Object... keysAndValues) {
        return Walker.pages(this, method, keysAndValues);
    }

    private Element invoke(MethodSpec spec, Map<String, String> given, Problems problems) {
        Credentials credentials = settings.credentials(given.get("api_key"));
        boolean sign = spec.needsSigning() || settings.signed || given.containsKey("auth_token");
        CallValidator.validate(spec, given, new CallValidator.Capabilities(credentials.apiKey() != null,
                credentials.canSign(), credentials.hasToken(), settings.tokenPermission, settings.tokenUser),
                sign, problems);
        problems.throwIfAny(spec.name());

        boolean read = isRead(spec);
        String url = settings.endpoints.rest();
        boolean cached = cache != null && read && !sign;
        if (cached) {
            Element hit = cache.get(url, credentials.apiKey(), spec.name(), given);
            if (hit != null) {
                return hit;
            }
        }
        // Each attempt is signed afresh: Flickr refuses a nonce it has seen.
        Element rsp = retrier.call(spec.name(), read, () -> send(spec, given, credentials, sign));
        if (cached) {
            cache.put(url, credentials.apiKey(), spec.name(), given, rsp);
        }
        return rsp;
    }

    /**
     * A read, for retries and the cache: needs no write or delete permission, is a GET in the method table
     * (one sent as a POST only because its URL would be too long stays a read), and is not one of the few
     * such methods that change state anyway ({@link StatefulReads}).
     */
    private static boolean isRead(MethodSpec spec) {
        return !spec.permission().covers(Permission.WRITE) && !spec.isPost() && !StatefulReads.changesState(spec.name());
    }

    /** One attempt: wait for the rate limit, sign, send, parse. */
    private Element send(MethodSpec spec, Map<String, String> given, Credentials credentials, boolean sign) {
        if (settings.rateLimit != null) {
            RateLimiters.forKey(credentials.apiKey(), settings.rateLimit).acquire(spec.name());
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", spec.name());
        params.put("api_key", credentials.apiKey());
        params.putAll(given);
        String url = settings.endpoints.rest();
        String verb = HttpTransport.effectiveVerb(spec.httpVerb(), url, params);
        if (sign) {
            params = Signers.forScheme(settings.signing).sign(verb, url, params, credentials);
        }
        Map<String, String> sent = params;
        String finalVerb = verb;
        // The reader hides this request's signature, tokens and secrets wherever it quotes the answer.
        ResponseReader reader = new ResponseReader(table(), spec, url, settings.maxResponseBytes,
                sign && settings.signing == Signing.OAUTH1 ? () -> OAuth1Signer.baseString(finalVerb, url, sent) : null,
                SecretMask.of(credentials, sent));
        return transport.send(spec.name(), verb, url, params, settings.readTimeout, settings.callTimeout,
                settings.maxResponseBytes, reader);
    }

    /**
     * Uploads a photo or video to Flickr's upload endpoint, as a {@code multipart/form-data} POST signed
     * over every field but the file; the file streams from disk, so its size does not matter to the heap.
     * It needs a logged-in user with {@code write} permission.
     *
     * <pre>{@code
     * String id = flickr.upload(Path.of("cat.jpg"), Map.of("title", "Cat", "tags", List.of("cat", "new york"), "is_public", 0));
     * }</pre>
     *
     * @param file the file
     * @param args any of {@code title}, {@code description}, {@code tags} (a space-separated string, or a
     *             list), {@code is_public}, {@code is_friend}, {@code is_family}, {@code safety_level},
     *             {@code content_type}, {@code hidden}, {@code async}; {@code null} for none
     * @return the new photo's id; with {@code async=1}, a ticket id for {@link #awaitUpload}
     * @throws FlickrArgumentException  when the file is missing, unreadable or a directory, an argument is
     *                                  unknown or out of range, or the key, secret or login is missing (nothing was sent)
     * @throws FlickrApiException       when Flickr refused the upload (codes 2-8 of the upload API, or a common one)
     * @throws FlickrTransportException when no usable answer came back
     */
    public String upload(Path file, Map<?, ?> args) {
        return uploader().upload(file, args);
    }

    /**
     * Replaces the file of a photo already uploaded, through Flickr's replace endpoint, as
     * {@link #upload} sends a new one. It needs a logged-in user with {@code write} permission.
     *
     * @param file    the new file
     * @param photoId the photo to replace
     * @param args    {@code async}, or {@code null} for none
     * @return the photo's id; with {@code async=1}, a ticket id for {@link #awaitUpload}
     */
    public String replace(Path file, String photoId, Map<?, ?> args) {
        return uploader().replace(file, photoId, args);
    }

    /**
     * Waits for an asynchronous upload or replace to be processed, asking
     * {@code flickr.photos.upload.checkTickets} with a growing pause, and returns the photo id.
     *
     * @throws org.flickrdynamic.upload.TicketException when Flickr could not process the file, does not know
     *         the ticket, or the time ran out
     */
    public String awaitUpload(String ticket, Duration timeout) {
        return UploadTickets.await(this, ticket, timeout);
    }

    private Uploader uploader() {
        ensureOpen(null);
        return new Uploader(new Uploader.Context(transport, settings.endpoints, settings.credentials(null),
                settings.signing, settings.tokenPermission, settings.tokenUser, table(), settings.readTimeout,
                settings.maxResponseBytes, settings.rateLimit));
    }

    /** The method table this client validates against. */
    public MethodTable table() {
        return settings.table != null ? settings.table : MethodTable.bundled();
    }

    /** The API key, or {@code null}. */
    public String apiKey() {
        return settings.apiKey;
    }

    /** The API secret, or {@code null}. Never part of any message, log line or {@code toString()}. */
    public String secret() {
        return settings.secret;
    }

    /** Whether every call is signed, not only those that need it. */
    public boolean signed() {
        return settings.signed;
    }

    /** The signing scheme. */
    public Signing signing() {
        return settings.signing;
    }

    /** The endpoints requests go to. */
    public Endpoints endpoints() {
        return settings.endpoints;
    }

    /** The REST endpoint. */
    public String endpoint() {
        return settings.endpoints.rest();
    }

    /** How failed calls are retried. */
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy;
    }

    /** The user's token, or {@code null} when none is set. */
    public String token() {
        return settings.token;
    }

    /** What the user's token may do, or {@code null} when no token is set or its permission is not known. */
    public Permission tokenPermission() {
        return settings.tokenPermission;
    }

    /**
     * The OAuth login steps, signed with this client's key and secret and sent through its pool.
     *
     * @throws FlickrArgumentException when the key or the secret is missing
     */
    public OAuthFlow oauth() {
        ensureOpen(null);
        return new OAuthFlow(settings.apiKey, settings.secret, settings.endpoints.oauth(), transport,
                settings.readTimeout, settings.callTimeout, Signers.forScheme(Signing.OAUTH1));
    }

    /**
     * A method as a value bound to this client: {@code client.method("photos.search").call("tags", "cat")}.
     *
     * @throws FlickrArgumentException for an unknown method, with the nearest names
     */
    public FlickrMethod method(String name) {
        MethodTable table = table();
        return new FlickrMethod(MethodResolver.resolve(table, name), table, () -> this);
    }

    /** The API as a tree of groups and methods bound to this client, for dotted calls; see {@link FlickrApi}. */
    public FlickrApi api() {
        return new FlickrApi(MethodSpec.PREFIX, table(), () -> this);
    }

    /**
     * The method names that start with a prefix, given with or without {@code flickr.}
     * ({@code "photos."} or {@code "flickr.photos."}); every name for {@code null} or an empty prefix.
     */
    public List<String> methods(String prefix) {
        List<String> names = table().names();
        String p = prefix == null ? "" : prefix.strip();
        if (p.isEmpty()) {
            return names;
        }
        String full = p.startsWith(MethodSpec.PREFIX) || MethodSpec.PREFIX.startsWith(p) ? p : MethodSpec.PREFIX + p;
        return names.stream().filter(n -> n.startsWith(full)).toList();
    }

    /**
     * A method's documentation from this client's method table; see {@link Flickr#help(String)}.
     *
     * @throws FlickrArgumentException for an unknown method, with the nearest names
     */
    public String help(String name) {
        MethodTable table = table();
        return HelpText.of(table, MethodResolver.resolve(table, name));
    }

    /** The connection pool this client sends through, for tests of its bounds. */
    HttpTransport transport() {
        return transport;
    }

    /**
     * Releases this client's share of the connection pool; the last client sharing it closes it. Closing
     * again does nothing; a call on a closed client is refused with a {@link FlickrArgumentException}.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            transport.close();
        }
    }

    /** Refuses a call on a closed client before anything is sent, rather than fail deep in the pool. */
    private void ensureOpen(String method) {
        if (closed.get()) {
            throw new FlickrArgumentException(method, "this client is closed");
        }
    }

    @Override
    public String toString() {
        return "FlickrClient[apiKey=" + (settings.apiKey == null ? "(none)" : settings.apiKey)
                + ", secret=" + (settings.secret == null ? "(none)" : "(set)")
                + ", token=" + (settings.token == null ? "(none)" : "(set)")
                + ", signed=" + settings.signed + ", signing=" + settings.signing
                + ", endpoint=" + settings.endpoints.rest() + ']';
    }

    /** Builds {@link FlickrClient}s. Not thread-safe; the clients it builds are. */
    public static final class Builder {
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
        private RateLimit rateLimit;
        private Duration cacheTtl;
        private int cacheMaxEntries;
        private Clock clock;
        private final HttpTransport shared;

        private Builder(Settings s, HttpTransport shared) {
            this.apiKey = s.apiKey;
            this.secret = s.secret;
            this.signed = s.signed;
            this.signing = s.signing;
            this.endpoints = s.endpoints;
            this.allowInsecureHttp = s.allowInsecureHttp;
            this.token = s.token;
            this.tokenSecret = s.tokenSecret;
            this.tokenPermission = s.tokenPermission;
            this.tokenUser = s.tokenUser;
            this.connectTimeout = s.connectTimeout;
            this.readTimeout = s.readTimeout;
            this.callTimeout = s.callTimeout;
            this.maxResponseBytes = s.maxResponseBytes;
            this.maxConnections = s.maxConnections;
            this.table = s.table;
            this.retryPolicy = s.retryPolicy;
            this.rateLimit = s.rateLimit;
            this.cacheTtl = s.cacheTtl;
            this.cacheMaxEntries = s.cacheMaxEntries;
            this.clock = s.clock;
            this.shared = shared;
        }

        /** The API key sent as {@code api_key} (and OAuth consumer key). {@code null} or blank: none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = blankToNull(apiKey);
            return this;
        }

        /** The API secret that signs requests. {@code null} or blank: none. */
        public Builder secret(String secret) {
            this.secret = blankToNull(secret);
            return this;
        }

        /** {@code true}: sign every call; {@code false} (default): only those the table says need it. */
        public Builder signed(boolean signed) {
            this.signed = signed;
            return this;
        }

        /** The signing scheme: {@link Signing#OAUTH1} (default) or {@link Signing#LEGACY_MD5}. */
        public Builder signing(Signing signing) {
            this.signing = Objects.requireNonNull(signing, "signing");
            return this;
        }

        /**
         * The REST endpoint (default {@code https://api.flickr.com/services/rest/}). One of another service
         * that ends in {@code services/rest/}, such as a sandbox's, moves the upload, replace and OAuth
         * endpoints beside it too, so nothing meant for the sandbox reaches Flickr; see
         * {@link Endpoints#forRest}. {@link #endpoints} sets each one alone.
         */
        public Builder endpoint(String restUrl) {
            this.endpoints = endpoints.forRest(restUrl);
            return this;
        }

        /** Moves every endpoint (REST, upload, replace, OAuth) under one base URL, e.g. a sandbox's. */
        public Builder baseUrl(String baseUrl) {
            this.endpoints = Endpoints.atBase(Objects.requireNonNull(baseUrl, "baseUrl"));
            return this;
        }

        /** All endpoints at once. */
        public Builder endpoints(Endpoints endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            return this;
        }

        /** Allows plain http to hosts other than the loopback (default: refused). */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * The user's access token and its secret (OAuth), or a legacy auth token with a {@code null}
         * secret. {@code null} token: none.
         */
        public Builder token(String token, String tokenSecret) {
            this.token = blankToNull(token);
            this.tokenSecret = this.token == null ? null : blankToNull(tokenSecret);
            this.tokenPermission = null;
            this.tokenUser = null;
            return this;
        }

        /**
         * A logged-in user's token from a login or the token store. Its permission is then checked before
         * sending: a method needing more is refused without a request. {@code null}: no token.
         */
        public Builder token(AccessToken accessToken) {
            if (accessToken == null) {
                return token(null, null);
            }
            token(accessToken.token(), accessToken.tokenSecret());
            this.tokenPermission = accessToken.permission();
            this.tokenUser = accessToken.username();
            return this;
        }

        /** How long to wait for a connection (default 10 s); at least 1 ms. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for an answer to start, and between its bytes (default 30 s); at least 1 ms. */
        public Builder readTimeout(Duration timeout) {
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
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /** The largest answer accepted, on the wire and inflated (default 16 MiB); a larger one is refused without filling the heap. */
        public Builder maxResponseBytes(long bytes) {
            if (bytes <= 0) {
                throw new FlickrArgumentException(null, "maxResponseBytes must be positive, not " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /** How many connections the pool may keep open (default 64). */
        public Builder maxConnections(int n) {
            if (n <= 0) {
                throw new FlickrArgumentException(null, "maxConnections must be positive, not " + n);
            }
            this.maxConnections = n;
            return this;
        }

        /**
         * How many times a failed call may be sent again (default 3); 0 disables retries. Reads are retried
         * on any passing failure, writes only when they never reached the server; see {@link Retrier}.
         */
        public Builder retries(int retries) {
            this.retryPolicy = retryPolicy.withRetries(retries);
            return this;
        }

        /** The retry count and waits; {@link RetryPolicy#DEFAULT} unless set. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Limits the requests sent with this client's API key to {@code permits} per {@code period}
         * (all of them may go at once after a quiet spell), shared with every client of the same key in this
         * JVM that has a rate limit set; a client of the key built without one is not held back, and its
         * requests take no turns. A later client's limit for the key replaces this one for all of them. A
         * request waits for its turn, at most a minute; see {@link RateLimit} for other bursts and waits.
         */
        public Builder rateLimit(int permits, Duration period) {
            return rateLimit(RateLimit.of(permits, period));
        }

        /** The rate limit of this client's API key, shared as {@link #rateLimit(int, Duration)} says; {@code null}: none. */
        public Builder rateLimit(RateLimit limit) {
            this.rateLimit = limit;
            return this;
        }

        /**
         * Keeps the answers of unsigned reads for {@code ttl} (at most 24 hours), {@code maxEntries} at most,
         * so a repeated call is answered without a request. Off by default.
         *
         * @throws FlickrArgumentException when the ttl is not positive or above 24 hours, or the size not positive
         */
        public Builder cache(Duration ttl, int maxEntries) {
            ResponseCache.check(ttl, maxEntries);
            this.cacheTtl = ttl;
            this.cacheMaxEntries = maxEntries;
            return this;
        }

        /** Turns the response cache off. */
        public Builder noCache() {
            this.cacheTtl = null;
            this.cacheMaxEntries = 0;
            return this;
        }

        /** The clock that decides when cached answers expire (default the system clock); for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Validates against this method table instead of the bundled one. */
        public Builder methodTable(MethodTable table) {
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /** Validates against the method table in this file; fails naming the file and line if it is bad. */
        public Builder methodTable(Path file) {
            return methodTable(MethodTable.load(file));
        }

        /**
         * Builds the client.
         *
         * @throws FlickrArgumentException when an endpoint is not a URL, or is plain http off the loopback
         */
        public FlickrClient build() {
            endpoints.check(allowInsecureHttp);
            Settings s = new Settings(apiKey, secret, signed, signing, endpoints, allowInsecureHttp, token,
                    tokenSecret, tokenPermission, tokenUser, connectTimeout, readTimeout, callTimeout, maxResponseBytes,
                    maxConnections, table, retryPolicy, rateLimit, cacheTtl, cacheMaxEntries, clock);
            if (rateLimit != null && apiKey != null) {
                RateLimiters.configure(apiKey, rateLimit);
            }
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
            if (d.compareTo(ONE_MS) < 0) {
                // The HTTP client counts whole milliseconds: less would round to 0, which it takes as "no timeout".
                throw new FlickrArgumentException(null, what + " must be at least 1 ms, not " + d);
            }
            return d;
        }
    }

    /** The immutable settings of one client. Never printed: it holds secrets. */
    private static final class Settings {
        static final Settings DEFAULTS = new Settings(null, null, false, Signing.OAUTH1, Endpoints.FLICKR, false,
                null, null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                DEFAULT_MAX_RESPONSE_BYTES, 64,
                null, RetryPolicy.DEFAULT, null, null, 0, Clock.systemUTC());

        final String apiKey;
        final String secret;
        final boolean signed;
        final Signing signing;
        final Endpoints endpoints;
        final boolean allowInsecureHttp;
        final String token;
        final String tokenSecret;
        final Permission tokenPermission;
        final String tokenUser;
        final Duration connectTimeout;
        final Duration readTimeout;
        final Duration callTimeout;
        final long maxResponseBytes;
        final int maxConnections;
        final MethodTable table;
        final RetryPolicy retryPolicy;
        final RateLimit rateLimit;
        final Duration cacheTtl;
        final int cacheMaxEntries;
        final Clock clock;

        Settings(String apiKey, String secret, boolean signed, Signing signing, Endpoints endpoints,
                 boolean allowInsecureHttp, String token, String tokenSecret, Permission tokenPermission,
                 String tokenUser, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                 long maxResponseBytes,
                 int maxConnections, MethodTable table, RetryPolicy retryPolicy, RateLimit rateLimit,
                 Duration cacheTtl, int cacheMaxEntries, Clock clock) {
            this.apiKey = apiKey;
            this.secret = secret;
            this.signed = signed;
            this.signing = signing;
            this.endpoints = endpoints;
            this.allowInsecureHttp = allowInsecureHttp;
            this.token = token;
            this.tokenSecret = tokenSecret;
            this.tokenPermission = tokenPermission;
            this.tokenUser = tokenUser;
            this.connectTimeout = connectTimeout;
            this.readTimeout = readTimeout;
            this.callTimeout = callTimeout;
            this.maxResponseBytes = maxResponseBytes;
            this.maxConnections = maxConnections;
            this.table = table;
            this.retryPolicy = retryPolicy;
            this.rateLimit = rateLimit;
            this.cacheTtl = cacheTtl;
            this.cacheMaxEntries = cacheMaxEntries;
            this.clock = clock;
        }

        /** The keys for one call; a call's own {@code api_key} argument wins over the setting. */
        Credentials credentials(String callApiKey) {
            return new Credentials(callApiKey != null ? callApiKey : apiKey, secret, token, tokenSecret);
        }
    }
}
