package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;

/**
 * A fake Flickr over real HTTP on 127.0.0.1, for this project's tests and for users testing their own
 * scripts without a key or a network.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start();
 *      FlickrClient flickr = FlickrClient.builder().baseUrl(sandbox.baseUrl())
 *              .apiKey(sandbox.apiKey()).secret(sandbox.secret()).build()) {
 *     Element rsp = flickr.call("photos.search", Map.of("tags", "cat"));
 * }
 * }</pre>
 *
 * <p>It checks API keys, signatures (OAuth 1.0a and the legacy MD5 scheme), tokens, permissions and
 * required arguments as Flickr does and answers with Flickr's error codes and wording (the order and
 * the rules are in {@code docs/sandbox.md}); it serves a generated data set of a few users and about
 * 2,000 photos for the photo, people, set, tag, test and reflection methods it models, and every other
 * method's documented example answer from the method table. It records every request it receives
 * ({@link #requests()}), so tests can check what was sent.
 *
 * <p>It also speaks Flickr's two login flows at Flickr's paths under {@link #baseUrl()}: OAuth 1.0a
 * ({@code services/oauth/request_token}, {@code authorize}, {@code access_token}) and the retired frob
 * flow ({@code flickr.auth.getFrob}, the page {@code services/auth/}, {@code flickr.auth.getToken}). The
 * sandbox plays the user at the login pages and approves at once ({@link #approveAs},
 * {@link #refuseAuthorization}). Its access tokens are stateless, so a sandbox accepts the tokens any
 * other one with the same secret issued, also after a restart.
 *
 * <p>It listens on the loopback interface only. Instances are thread-safe.
 */
public final class Sandbox implements AutoCloseable {
    /** The API key a sandbox accepts unless built with another. */
    public static final String API_KEY = "sandbox-api-key";
    /** The API secret a sandbox checks signatures with unless built with another; a published test value. */
    public static final String SECRET = "sandbox-secret";
    /** How long {@link #close()} lets requests being answered finish. */
    private static final long CLOSE_GRACE_MILLIS = 5_000;
    private static final int THREADS = 8;

    static {
        // The JDK server writes headers and body in two packets; with Nagle's algorithm on, the second waits
        // for a delayed ACK and every small answer takes ~40 ms. Read once, when the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String apiKey;
    private final String secret;
    private final DataSet data;
    private final TokenMint mint;
    private final BrowserUser browser;
    /** Read on every OAuth check; replaced only by tests that need time to pass. */
    private volatile Clock clock = Clock.systemUTC();
    private final RequestLog log = new RequestLog();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Exchanges handler;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(Builder b) {
        this.apiKey = b.apiKey;
        this.secret = b.secret;
        this.data = DataSet.generate(b.seed);
        MethodTable table = b.table != null ? b.table : MethodTable.bundled();
        this.mint = new TokenMint(secret, data);
        this.browser = new BrowserUser(data);
        OAuthCheck check = new OAuthCheck(secret, new NonceWindow(this::nowSeconds));
        OAuthEndpoints oauth = new OAuthEndpoints(apiKey, check, mint, browser, this::nowSeconds);
        LegacyAuth legacy = new LegacyAuth(apiKey, secret, mint, browser, this::nowSeconds);
        Map<String, Route> routes = new HashMap<>();
        legacy.register(routes);
        TokenRoutes.register(routes, data, mint);
        TestRoutes.register(routes, data, table);
        PhotoXml photoXml = new PhotoXml();
        PhotoListRoutes.register(routes, data, photoXml);
        PhotoInfoRoutes.register(routes, data);
        SetRoutes.register(routes, data, photoXml);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "flickr-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + b.port, e);
        }
        handler = new Exchanges(new Gatekeeper(table, apiKey, secret, mint, check), routes, oauth, legacy, log,
                "127.0.0.1:" + server.getAddress().getPort());
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a sandbox on an ephemeral port of 127.0.0.1, with the bundled method table. */
    public static Sandbox start() {
        return builder().start();
    }

    /** Starts a sandbox on this port of 127.0.0.1 (0: any free port). */
    public static Sandbox start(int port) {
        return builder().port(port).start();
    }

    /** Starts a sandbox on this port (0: any free port) validating against another method table. */
    public static Sandbox start(int port, MethodTable table) {
        return builder().port(port).table(table).start();
    }

    /** A builder for a sandbox with another port, method table, key, secret or data set seed. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL: {@code http://127.0.0.1:PORT/}; give it to {@code FlickrClient.Builder.baseUrl}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** The REST endpoint: {@code http://127.0.0.1:PORT/services/rest/}. */
    public String restUrl() {
        return "http://127.0.0.1:" + port() + Exchanges.REST_PATH;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server is bound to: always the loopback. */
    InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    /** The API key it accepts. */
    public String apiKey() {
        return apiKey;
    }

    /** The API secret signatures must be made with. */
    public String secret() {
        return secret;
    }

    /** The seed its data set was generated from; the same seed always gives the same data. */
    public long seed() {
        return data.seed;
    }

    /** The users of its data set; the first one owns the token the command line's sandbox uses. */
    public List<SandboxUser> users() {
        return data.users;
    }

    /** The ids of the photos of its data set, newest upload first. */
    public List<String> photoIds() {
        return data.photos.stream().map(Photo::id).toList();
    }

    /** The ids of the photosets of its data set. */
    public List<String> photosetIds() {
        return data.sets.stream().map(Photoset::id).toList();
    }

    /**
     * Issues a token for a user of the data set with a permission; the sandbox then accepts it as an
     * OAuth access token ({@code oauth_token}, signed with its secret) or as a legacy {@code auth_token}.
     * The token is stateless (it carries the user and permission, authenticated with the sandbox secret),
     * so every sandbox with the same secret accepts it, also one started later in another process, until
     * {@link #revokeToken(String) revoked}.
     *
     * @throws IllegalArgumentException when the user is not in the data set
     */
    public SandboxToken issueToken(String userNsid, Permission permission) {
        SandboxUser user = data.user(userNsid);
        if (user == null) {
            throw new IllegalArgumentException("no sandbox user " + userNsid + "; see users()");
        }
        return mint.issue(user, Objects.requireNonNull(permission, "permission"));
    }

    /** Revokes a token in this sandbox: calls that carry it are answered 98 {@code Invalid auth token} from now on. */
    public void revokeToken(SandboxToken token) {
        revokeToken(token.token());
    }

    /**
     * Revokes a token in this sandbox: from now on it answers 98 "Invalid auth token" here, whether sent
     * as {@code oauth_token} or {@code auth_token}. Other sandbox instances are not affected.
     *
     * @param token the token (not its secret)
     */
    public void revokeToken(String token) {
        mint.revoke(Objects.requireNonNull(token, "token"));
    }

    /**
     * Chooses the user who approves at the login pages (OAuth {@code authorize} and the legacy
     * {@code services/auth/}); by default the first of {@link #users()}.
     *
     * @param userNsid a user of the data set
     * @throws IllegalArgumentException when the user is not in the data set
     */
    public void approveAs(String userNsid) {
        browser.approveAs(userNsid);
    }

    /**
     * Makes the login pages decline (HTTP 403, a page saying the user declined, no verifier and no frob
     * approval) while {@code refuse} is true, to test an application's handling of a refusal.
     *
     * @param refuse {@code true} to decline from now on, {@code false} to approve again
     */
    public void refuseAuthorization(boolean refuse) {
        browser.refuse(refuse);
    }

    /** Lets a test move the sandbox clock (timestamps, request token and frob lifetimes). */
    void clock(Clock clock) {
        this.clock = clock;
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    /** Every request received since the start or the last {@link #clearRequests()}, oldest first (the latest 10,000). */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        log.clear();
    }

    /**
     * Stops listening and frees the port. Requests being answered get up to five seconds to finish;
     * calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // HttpServer.stop(delay) always waits the whole delay on JDK 17, so wait for idle here instead.
            handler.awaitIdle(CLOSE_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "Sandbox[" + restUrl() + "]";
    }

    /**
     * Runs a sandbox until the process is stopped: {@code Sandbox [--port N] [--seed N]}. Prints the
     * REST URL, the base URL, the key and the secret to use; exits with 2 on bad options.
     */
    public static void main(String[] args) throws InterruptedException {
        Standalone.run(args);
    }

    /** Settings for a sandbox; every one has a default, so {@code builder().start()} equals {@link #start()}. */
    public static final class Builder {
        private int port;
        private MethodTable table;
        private String apiKey = API_KEY;
        private String secret = SECRET;
        private long seed = DataSet.DEFAULT_SEED;

        private Builder() {
        }

        /** The port of 127.0.0.1 to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** The method table to check calls against and to answer from; the bundled one by default. */
        public Builder table(MethodTable table) {
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /** The API key to accept; {@link Sandbox#API_KEY} by default. */
        public Builder apiKey(String apiKey) {
            this.apiKey = nonEmpty(apiKey, "apiKey");
            return this;
        }

        /** The API secret to check signatures with; {@link Sandbox#SECRET} by default. */
        public Builder secret(String secret) {
            this.secret = nonEmpty(secret, "secret");
            return this;
        }

        /** The seed of the generated data set; the same seed always gives the same users, photos and sets. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Starts the sandbox. */
        public Sandbox start() {
            return new Sandbox(this);
        }

        private static String nonEmpty(String s, String what) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return s;
        }
    }
}
