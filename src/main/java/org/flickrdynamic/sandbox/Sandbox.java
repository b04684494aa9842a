package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
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
 * required arguments as Flickr does and answers with Flickr's error codes; it serves a generated data
 * set of a few users and about 2,000 photos for the photo, people, set, tag, test and reflection
 * methods it models, and every other method's documented example answer from the method table.
 * It records every request it receives ({@link #requests()}), so tests can check what was sent.
 *
 * <p>It also speaks Flickr's two login flows at Flickr's paths under {@link #baseUrl()}: OAuth 1.0a
 * ({@code services/oauth/request_token}, {@code authorize}, {@code access_token}) and the retired frob
 * flow ({@code flickr.auth.getFrob}, the page {@code services/auth/}, {@code flickr.auth.getToken}). The
 * sandbox plays the user at the login pages and approves at once ({@link #approveAs},
 * {@link #refuseAuthorization}). Its access tokens are stateless, so one sandbox accepts the tokens any
 * other issued, also after a restart.
 */
public final class Sandbox implements AutoCloseable {
    /** The API key every sandbox accepts. */
    public static final String API_KEY = "sandbox-api-key";
    /** The API secret every sandbox signs with; it is a test value, not a secret of anyone's. */
    public static final String SECRET = "sandbox-secret";

    private static final String REST_PATH = "/services/rest/";

    static {
        // The JDK server writes headers and body in two packets; with Nagle's algorithm on, the second waits
        // for a delayed ACK and every small answer takes ~40 ms. Read once, when the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private final HttpServer server;
    private final ExecutorService executor;
    private final MethodTable table;
    private final DataSet data;
    private final RestEndpoint rest;
    private final TokenMint mint;
    private final BrowserUser browser;
    private final OAuthEndpoints oauth;
    private final LegacyAuth legacy;
    /** Read on every OAuth check; replaced only by tests that need time to pass. */
    private volatile Clock clock = Clock.systemUTC();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private Sandbox(int port, MethodTable table, long seed) {
        this.table = table;
        this.data = DataSet.generate(seed);
        this.mint = new TokenMint(SECRET, data);
        this.browser = new BrowserUser(data);
        OAuthCheck check = new OAuthCheck(SECRET, new NonceWindow(this::nowSeconds));
        Map<String, Route> routes = new HashMap<>();
        this.rest = new RestEndpoint(new Gatekeeper(table, API_KEY, SECRET, mint, check), routes);
        this.oauth = new OAuthEndpoints(API_KEY, check, mint, browser, this::nowSeconds);
        this.legacy = new LegacyAuth(API_KEY, SECRET, mint, browser, this::nowSeconds);
        legacy.register(routes);
        TokenRoutes.register(routes, data, mint);
        TestRoutes.register(routes, data, table);
        PhotoRoutes.register(routes, data);
        SetRoutes.register(routes, data);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "flickr-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a sandbox on an ephemeral port of 127.0.0.1, with the bundled method table. */
    public static Sandbox start() {
        return start(0);
    }

    /** Starts a sandbox on this port of 127.0.0.1 (0: any free port). */
    public static Sandbox start(int port) {
        return new Sandbox(port, MethodTable.bundled(), DataSet.DEFAULT_SEED);
    }

    /** Starts a sandbox validating against another method table. */
    public static Sandbox start(int port, MethodTable table) {
        return new Sandbox(port, table, DataSet.DEFAULT_SEED);
    }

    /** The base URL: {@code http://127.0.0.1:PORT/}; give it to {@code FlickrClient.Builder.baseUrl}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** The REST endpoint: {@code http://127.0.0.1:PORT/services/rest/}. */
    public String restUrl() {
        return "http://127.0.0.1:" + port() + REST_PATH;
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
        return API_KEY;
    }

    /** The API secret signatures must be made with. */
    public String secret() {
        return SECRET;
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
     * OAuth access token or as a legacy {@code auth_token}. The token is stateless (it carries the user
     * and permission, authenticated with the sandbox secret), so every sandbox accepts it, also one
     * started later in another process, until {@link #revokeToken revoked}.
     *
     * @throws IllegalArgumentException when the user is not in the data set
     */
    public SandboxToken issueToken(String userNsid, Permission permission) {
        SandboxUser user = data.user(userNsid);
        if (user == null) {
            throw new IllegalArgumentException("no sandbox user " + userNsid + "; see users()");
        }
        return mint.issue(user, permission);
    }

    /**
     * Revokes a token in this sandbox: from now on it answers 98 "Invalid auth token" here, whether sent
     * as {@code oauth_token} or {@code auth_token}. Other sandbox instances are not affected.
     *
     * @param token the token (not its secret)
     */
    public void revokeToken(String token) {
        mint.revoke(token);
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

    /** Every request received since the start or the last {@link #clearRequests()}, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params;
            try {
                params = RequestDecoder.decode(exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody());
            } catch (IllegalArgumentException | IOException e) {
                send(exchange, Reply.text(400, "bad request: " + e.getMessage()));
                return;
            }
            String verb = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(new RecordedRequest(verb, path, params, Map.copyOf(exchange.getRequestHeaders())));
            // The OAuth base string is built on the URL the client addressed, so take its Host.
            String host = exchange.getRequestHeaders().getFirst("Host");
            String url = "http://" + (host == null ? "127.0.0.1:" + port() : host) + path;
            Reply reply;
            try {
                reply = switch (path) {
                    case REST_PATH -> rest.answer(verb, url, params);
                    case OAuthEndpoints.REQUEST_TOKEN -> oauth.requestToken(verb, url, params);
                    case OAuthEndpoints.AUTHORIZE -> oauth.authorize(params);
                    case OAuthEndpoints.ACCESS_TOKEN -> oauth.accessToken(verb, url, params);
                    case LegacyAuth.LOGIN_PATH, "/services/auth" -> legacy.login(params);
                    default -> Reply.text(404, "not found: " + path);
                };
            } catch (OAuthProblem p) {
                reply = Reply.text(p.status, p.body);
            }
            send(exchange, reply);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (reply.location() != null) {
            exchange.getResponseHeaders().set("Location", reply.location());
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "Sandbox[" + restUrl() + "]";
    }

    /**
     * Runs a sandbox until the process is stopped: {@code Sandbox [--port N]}. Prints the REST URL, the
     * key and the secret to use.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: Sandbox [--port N]");
                System.exit(2);
            }
        }
        Sandbox sandbox = start(port);
        System.out.println("Flickr sandbox listening on " + sandbox.restUrl());
        System.out.println("  base URL:   " + sandbox.baseUrl());
        System.out.println("  API key:    " + sandbox.apiKey());
        System.out.println("  API secret: " + sandbox.secret());
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        Thread.currentThread().join();
    }
}
