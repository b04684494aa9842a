package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.flickrdynamic.table.MethodSpec;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final MethodTable table;
    private final DataSet data;
    private final Gatekeeper gate;
    private final Map<String, Route> routes = new HashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private Sandbox(int port, MethodTable table, long seed) {
        this.table = table;
        this.data = DataSet.generate(seed);
        this.gate = new Gatekeeper(table, API_KEY, SECRET);
        TestRoutes.register(routes, data, table);
        PhotoXml photoXml = new PhotoXml(data);
        PhotoListRoutes.register(routes, data, photoXml);
        PhotoInfoRoutes.register(routes, data);
        SetRoutes.register(routes, data, photoXml);
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
     * OAuth access token or as a legacy {@code auth_token}.
     *
     * @throws IllegalArgumentException when the user is not in the data set
     */
    public SandboxToken issueToken(String userNsid, Permission permission) {
        SandboxUser user = data.user(userNsid);
        if (user == null) {
            throw new IllegalArgumentException("no sandbox user " + userNsid + "; see users()");
        }
        HexFormat hex = HexFormat.of();
        SandboxToken token = new SandboxToken("72157" + hex.formatHex(bytes(8)) + "-" + hex.formatHex(bytes(4)),
                hex.formatHex(bytes(8)), user.nsid(), user.username(), permission);
        gate.addToken(token);
        return token;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
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
                send(exchange, 400, "text/plain; charset=utf-8", "bad request: " + e.getMessage());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, params,
                    Map.copyOf(exchange.getRequestHeaders())));
            if (!REST_PATH.equals(path)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path);
                return;
            }
            answer(exchange, params);
        }
    }

    private void answer(HttpExchange exchange, Map<String, String> params) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        String url = "http://" + (host == null ? "127.0.0.1:" + port() : host) + REST_PATH;
        String payload;
        try {
            Gatekeeper.Admitted admitted = gate.admit(exchange.getRequestMethod(), url, params);
            MethodSpec m = admitted.method();
            Route route = routes.get(m.name());
            payload = route != null ? route.answer(admitted, params)
                    : m.exampleResponse() == null ? "" : m.exampleResponse();
        } catch (Gatekeeper.Rejected r) {
            send(exchange, 401, "text/plain; charset=utf-8", r.body);
            return;
        } catch (Fail f) {
            Xml x = new Xml(128).open("rsp").attr("stat", "fail").body();
            x.open("err").attr("code", f.code).attr("msg", f.getMessage()).end().close("rsp");
            send(exchange, 200, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n" + x);
            return;
        }
        send(exchange, 200, "text/xml; charset=utf-8",
                "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\">\n" + payload + "\n</rsp>\n");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
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
