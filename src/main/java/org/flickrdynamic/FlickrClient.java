package org.flickrdynamic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.dom4j.Element;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.OAuthFlow;
import org.flickrdynamic.internal.Version;
import org.flickrdynamic.request.ArgumentNormalizer;
import org.flickrdynamic.request.CallValidator;
import org.flickrdynamic.request.MethodResolver;
import org.flickrdynamic.request.Problems;
import org.flickrdynamic.response.ResponseReader;
import org.flickrdynamic.sign.Credentials;
import org.flickrdynamic.sign.OAuth1Signer;
import org.flickrdynamic.sign.Signers;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.transport.Endpoints;
import org.flickrdynamic.transport.HttpTransport;
import org.flickrdynamic.transport.TransportSettings;

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
 */
public final class FlickrClient implements AutoCloseable {
    /** The largest answer accepted by default: far above any real Flickr page, far below a full heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    private final Settings settings;
    private final HttpTransport transport;

    private FlickrClient(Settings settings, HttpTransport transport) {
        this.settings = settings;
        this.transport = transport;
    }

    /** A builder with Flickr's endpoints and default timeouts, and no key. */
    public static Builder builder() {
        return new Builder(Settings.DEFAULTS, null);
    }

    /** A builder starting from this client's settings; the client it builds shares this one's connection pool. */
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
        MethodSpec spec = MethodResolver.resolve(table(), method);
        Problems problems = new Problems();
        Map<String, String> given = ArgumentNormalizer.normalizePairs(keysAndValues, problems);
        return invoke(spec, given, problems);
    }

    private Element invoke(MethodSpec spec, Map<String, String> given, Problems problems) {
        Credentials credentials = settings.credentials(given.get("api_key"));
        boolean sign = spec.needsSigning() || settings.signed || given.containsKey("auth_token");
        CallValidator.validate(spec, given, new CallValidator.Capabilities(credentials.apiKey() != null,
                credentials.canSign(), credentials.hasToken(), settings.tokenPermission, settings.tokenUser),
                sign, problems);
        problems.throwIfAny(spec.name());

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
        ResponseReader reader = new ResponseReader(table(), spec, url, settings.maxResponseBytes,
                sign && settings.signing == Signing.OAUTH1 ? () -> OAuth1Signer.baseString(finalVerb, url, sent) : null);
        return transport.send(spec.name(), verb, url, params, settings.readTimeout, settings.maxResponseBytes, reader);
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
        return new OAuthFlow(settings.apiKey, settings.secret, settings.endpoints.oauth(), transport,
                settings.readTimeout, Signers.forScheme(Signing.OAUTH1));
    }

    /** The connection pool this client sends through, for tests of its bounds. */
    HttpTransport transport() {
        return transport;
    }

    /** Releases this client's share of the connection pool; the last client sharing it closes it. */
    @Override
    public void close() {
        transport.close();
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
        private long maxResponseBytes;
        private int maxConnections;
        private MethodTable table;
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
            this.maxResponseBytes = s.maxResponseBytes;
            this.maxConnections = s.maxConnections;
            this.table = s.table;
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

        /** The REST endpoint alone (default {@code https://api.flickr.com/services/rest/}). */
        public Builder endpoint(String restUrl) {
            this.endpoints = endpoints.withRest(restUrl);
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

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for an answer to start, and between its bytes (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** The largest answer accepted (default 32 MiB); a larger one is refused without filling the heap. */
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
                    tokenSecret, tokenPermission, tokenUser, connectTimeout, readTimeout, maxResponseBytes,
                    maxConnections, table);
            TransportSettings ts = new TransportSettings(connectTimeout, maxConnections, Version.userAgent());
            HttpTransport t = shared != null && shared.settings().equals(ts) ? shared.retain() : new HttpTransport(ts);
            return new FlickrClient(s, t);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new FlickrArgumentException(null, what + " must be a positive duration, not " + d);
            }
            return d;
        }
    }

    /** The immutable settings of one client. Never printed: it holds secrets. */
    private static final class Settings {
        static final Settings DEFAULTS = new Settings(null, null, false, Signing.OAUTH1, Endpoints.FLICKR, false,
                null, null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(30), DEFAULT_MAX_RESPONSE_BYTES, 64,
                null);

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
        final long maxResponseBytes;
        final int maxConnections;
        final MethodTable table;

        Settings(String apiKey, String secret, boolean signed, Signing signing, Endpoints endpoints,
                 boolean allowInsecureHttp, String token, String tokenSecret, Permission tokenPermission,
                 String tokenUser, Duration connectTimeout, Duration readTimeout, long maxResponseBytes,
                 int maxConnections, MethodTable table) {
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
            this.maxResponseBytes = maxResponseBytes;
            this.maxConnections = maxConnections;
            this.table = table;
        }

        /** The keys for one call; a call's own {@code api_key} argument wins over the setting. */
        Credentials credentials(String callApiKey) {
            return new Credentials(callApiKey != null ? callApiKey : apiKey, secret, token, tokenSecret);
        }
    }
}
