package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
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
import org.flickrdynamic.transport.Endpoints;

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
 * <p>{@link #faults()} makes it slow, busy or broken on purpose (Flickr errors, HTTP statuses, cut
 * connections), to test retries and error handling.
 *
 * <p>Its data changes as Flickr's would: uploads and replaced files at {@code services/upload/} and
 * {@code services/replace/} (multipart, signed over every field but the file, streamed and hashed;
 * {@link #uploads()}), asynchronous uploads whose tickets complete after
 * {@link Builder#ticketDelay}, and the tag, title, delete and photoset edits; later reads see each
 * change. Edits are applied one at a time and published whole, so readers never see half of one.
 *
 * <p>Every photo has its files at the URLs its answers name ({@code https://live.staticflickr.com/...}),
 * served under {@code BASE/static/}, where a client's endpoints move that host: the original of an
 * uploaded photo byte for byte as it was uploaded, and generated JPEGs, the same on every run, for the
 * rest. With {@link Builder#folder}, the data as uploads and edits leave it, and the uploaded files, stay
 * in a folder for the next sandbox started on it.
 *
 * <p>It can also record and replay: {@code builder().recordTo(cassette).upstream(url)} passes every request
 * to another service and writes the exchanges, credentials scrubbed, to a YAML cassette;
 * {@code builder().replayFrom(cassette)} answers from that file alone.
 *
 * <p>It serves any Flickr client, not only this library, with only the client's address changed: Flickr's
 * paths with or without the trailing slash, parameters in the query, a form or a multipart body, OAuth
 * parameters also in the {@code Authorization} header, and answers as XML, JSON or JSONP
 * ({@code format}, {@code nojsoncallback}, {@code jsoncallback}). The test suite runs flickr-sdk and
 * Flickr4Java against it; {@code docs/sandbox.md} shows how to point them, and Python flickrapi, at it.
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

    private final String apiKey;
    private final String secret;
    private final DataSet data;
    private final LiveData live;
    private final TokenMint mint;
    private final BrowserUser browser;
    /** Read on every OAuth check; replaced only by tests that need time to pass. */
    private volatile Clock clock = Clock.systemUTC();
    private final RequestLog log = new RequestLog();
    private final Faults faults = new Faults();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Exchanges handler;
    private final TicketDesk tickets;
    private final UploadEndpoint uploads;
    private final RecordingProxy proxy;
    private final PhotoFiles files;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(Builder b) {
        // A bad cassette is reported before any thread or port is taken.
        Cassette replay = b.replayFrom == null ? null : Cassette.load(b.replayFrom);
        this.apiKey = b.apiKey;
        this.secret = b.secret;
        DataSet generated = b.syntheticPhotos > 0 ? DataSet.synthetic(b.seed, b.syntheticPhotos) : DataSet.generate(b.seed);
        SandboxState state = b.folder == null ? null : new SandboxState(b.folder);
        this.data = state == null ? generated : state.load(generated);
        this.live = new LiveData(data, this::nowSeconds);
        if (state != null) {
            live.onChange(state::save);
        }
        this.files = new PhotoFiles(b.folder == null ? null : b.folder.resolve("files"));
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
        PhotoXml photoXml = new PhotoXml(data.onDemand);
        PhotoListRoutes.register(routes, live, photoXml);
        PhotoInfoRoutes.register(routes, live);
        SizeRoutes.register(routes, live);
        SetRoutes.register(routes, live, photoXml);
        PhotoEditRoutes.register(routes, live);
        SetEditRoutes.register(routes, live, this::nowSeconds);
        PeopleRoutes.register(routes, live);
        this.tickets = new TicketDesk(b.ticketDelay);
        routes.put("flickr.photos.upload.checkTickets", tickets::check);
        Gatekeeper gate = new Gatekeeper(table, apiKey, secret, mint, check);
        this.uploads = new UploadEndpoint(gate, live, tickets, b.maxUploadBytes, this::nowSeconds, files);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "flickr-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = NoDelayServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
        } catch (IOException e) {
            executor.shutdownNow();
            tickets.close();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + b.port, e);
        }
        handler = new Exchanges(gate, routes, oauth, legacy, uploads, log, "127.0.0.1:" + server.getAddress().getPort());
        if (b.recordTo != null) {
            proxy = new RecordingProxy(b.upstream, Cassette.recording(b.recordTo, b.upstream), b.upstreamSecrets, log);
            handler.front(proxy);
        } else {
            proxy = null;
            if (replay != null) {
                handler.front(new Replayer(replay, log));
            }
        }
        b.faults.copyTo(faults);
        server.createContext("/", new FaultInjector(faults, handler, log, table));
        server.createContext(StaticFiles.PATH, new FaultInjector(faults, new StaticFiles(live, files, log), log, table));
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a sandbox on an ephemeral port of 127.0.0.1, with the bundled method table.
     *
     * @return the running sandbox
     */
    public static Sandbox start() {
        return builder().start();
    }

    /**
     * Starts a sandbox on this port of 127.0.0.1 (0: any free port).
     *
     * @param port the port on 127.0.0.1, or 0 for an ephemeral one
     * @return the running sandbox
     */
    public static Sandbox start(int port) {
        return builder().port(port).start();
    }

    /**
     * Starts a sandbox on this port (0: any free port) validating against another method table.
     *
     * @param port the port on 127.0.0.1, or 0 for an ephemeral one
     * @param table the method table the sandbox checks calls against
     * @return the running sandbox
     */
    public static Sandbox start(int port, MethodTable table) {
        return builder().port(port).table(table).start();
    }

    /**
     * A builder for a sandbox with another port, method table, key, secret or data set seed.
     *
     * @return a builder for a sandbox with another port, method table, key, secret or data set seed
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL: {@code http://127.0.0.1:PORT/}; give it to {@code FlickrClientBuilder.baseUrl}.
     *
     * @return the base URL: {@code http://127.0.0.1:PORT/}; give it to {@code FlickrClientBuilder.baseUrl}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /**
     * The REST endpoint: {@code http://127.0.0.1:PORT/services/rest/}.
     *
     * @return the REST endpoint: {@code http://127.0.0.1:PORT/services/rest/}
     */
    public String restUrl() {
        return "http://127.0.0.1:" + port() + Exchanges.REST_PATH;
    }

    /**
     * The port it listens on.
     *
     * @return the port it listens on
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server is bound to: always the loopback. */
    InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    /**
     * The API key it accepts.
     *
     * @return the API key it accepts
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The API secret signatures must be made with.
     *
     * @return the API secret signatures must be made with
     */
    public String secret() {
        return secret;
    }

    /**
     * The seed its data set was generated from; the same seed always gives the same data.
     *
     * @return the seed its data set was generated from; the same seed always gives the same data
     */
    public long seed() {
        return data.seed;
    }

    /**
     * The users of its data set; the first one owns the token the command line's sandbox uses.
     *
     * @return the users of its data set; the first one owns the token the command line's sandbox uses
     */
    public List<SandboxUser> users() {
        return data.users;
    }

    /**
     * The ids of the photos of its data set as it is now (after uploads and deletions), newest upload first.
     *
     * @return the ids of the photos of its data set as it is now (after uploads and deletions), newest upload first
     */
    public List<String> photoIds() {
        return live.now().photos.stream().map(Photo::id).toList();
    }

    /**
     * The ids of the photosets of its data set as it is now.
     *
     * @return the ids of the photosets of its data set as it is now
     */
    public List<String> photosetIds() {
        return live.now().sets.stream().map(Photoset::id).toList();
    }

    /**
     * The files received at the upload and replace endpoints, oldest first (the latest 1,000): their
     * names, sizes and SHA-256, and the photo each made. The files themselves are never kept.
     *
     * @return the files received at the upload and replace endpoints, oldest first
     */
    public List<SandboxUpload> uploads() {
        return uploads.received();
    }

    /**
     * Issues a token for a user of the data set with a permission; the sandbox then accepts it as an
     * OAuth access token ({@code oauth_token}, signed with its secret) or as a legacy {@code auth_token}.
     * The token is stateless (it carries the user and permission, authenticated with the sandbox secret),
     * so every sandbox with the same secret accepts it, also one started later in another process, until
     * {@link #revokeToken(String) revoked}.
     *
     * @param userNsid a user of the data set
     * @param permission what the token may do: read, write or delete
     * @return the token, with its secret
     * @throws IllegalArgumentException when the user is not in the data set
     */
    public SandboxToken issueToken(String userNsid, Permission permission) {
        SandboxUser user = data.user(userNsid);
        if (user == null) {
            throw new IllegalArgumentException("no sandbox user " + userNsid + "; see users()");
        }
        return mint.issue(user, Objects.requireNonNull(permission, "permission"));
    }

    /**
     * Revokes a token in this sandbox: calls that carry it are answered 98 {@code Invalid auth token} from now on.
     *
     * @param token the token (not its secret)
     */
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

    /**
     * Every request received since the start or the last {@link #clearRequests()}, oldest first (the latest 10,000).
     *
     * @return every request received since the start or the last {@link #clearRequests()}, oldest first
     */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /**
     * The faults this sandbox shows: latency, Flickr errors, HTTP statuses, cut connections. See
     * {@link Faults} and {@code docs/sandbox.md}.
     *
     * @return the faults this sandbox shows: latency, Flickr errors, HTTP statuses, cut connections
     */
    public Faults faults() {
        return faults;
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
        tickets.close();
        files.close();
        if (proxy != null) {
            proxy.close();
        }
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
     * Runs a sandbox until the process is stopped: {@code Sandbox [--port N] [--seed N] [--photos N]}
     * ({@code --photos}: a synthetic data set of N photos, see {@link Builder#syntheticPhotos}). Prints the
     * base URL, the REST URL, the key and the secret to use; exits with 2 on bad options.
     *
     * @param args the arguments by name; {@code null} values are left out
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        int code = org.flickrdynamic.internal.StandaloneSandbox.run(args, System.out, System.err,
                "usage: java org.flickrdynamic.sandbox.Sandbox " + org.flickrdynamic.internal.StandaloneSandbox.OPTIONS);
        System.exit(code);
    }

    /** Settings for a sandbox; every one has a default, so {@code builder().start()} equals {@link #start()}. */
    public static final class Builder {
        private int port;
        private MethodTable table;
        private String apiKey = API_KEY;
        private String secret = SECRET;
        private long seed = DataSet.DEFAULT_SEED;
        private int syntheticPhotos;
        private final Faults faults = new Faults();
        private Duration ticketDelay = Duration.ofMillis(500);
        private long maxUploadBytes = 1L << 30;
        private Path recordTo;
        private String upstream;
        private RecordingProxy.Secrets upstreamSecrets;
        private Path replayFrom;
        private Path folder;

        private Builder() {
        }

        /**
         * Keeps the data in this folder from one run to the next: the photos and sets as uploads and edits
         * left them, and the uploaded files, which the next sandbox on the folder starts from. Without it
         * (the default), every sandbox starts from its generated data set and keeps nothing.
         *
         * @param folder the folder; made when missing
         * @return this builder
         */
        public Builder folder(Path folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * The port of 127.0.0.1 to listen on; 0 (the default) picks a free one.
         *
         * @param port the port on 127.0.0.1, or 0 for an ephemeral one
         * @return the port of 127.0.0.1 to listen on; 0 (the default) picks a free one
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /**
         * The method table to check calls against and to answer from; the bundled one by default.
         *
         * @param table the method table the sandbox checks calls against
         * @return the method table to check calls against and to answer from; the bundled one by default
         */
        public Builder table(MethodTable table) {
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * The API key to accept; {@link Sandbox#API_KEY} by default.
         *
         * @param apiKey the API key
         * @return the API key to accept; {@link Sandbox#API_KEY} by default
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = nonEmpty(apiKey, "apiKey");
            return this;
        }

        /**
         * The API secret to check signatures with; {@link Sandbox#SECRET} by default.
         *
         * @param secret the API secret
         * @return the API secret to check signatures with; {@link Sandbox#SECRET} by default
         */
        public Builder secret(String secret) {
            this.secret = nonEmpty(secret, "secret");
            return this;
        }

        /**
         * The seed of the generated data set; the same seed always gives the same users, photos and sets.
         *
         * @param seed the seed of the generated data
         * @return the seed of the generated data set; the same seed always gives the same users, photos and sets
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Replaces the generated data set with {@code count} synthetic photos, made from their index when a
         * request reads them, so 100,000 or more cost almost no heap: each has a distinct upload second
         * (spread over 2015 to 2024, ids growing with it), a taken date a day earlier, an owner among the
         * same five users and 1 to 3 tags; all are public and there are no photosets. For tests and
         * benchmarks of walks over many pages and of Flickr's 4,000-result search cap.
         *
         * @param count 1 to 50,000,000
         * @return this builder
         */
        public Builder syntheticPhotos(int count) {
            if (count < 1 || count > SyntheticPhotos.MAX) {
                throw new IllegalArgumentException("syntheticPhotos must be 1 to " + SyntheticPhotos.MAX + ", not " + count);
            }
            this.syntheticPhotos = count;
            return this;
        }

        /**
         * Delays every answer by this much; see {@link Faults#latency}.
         *
         * @param delay how long
         * @return this builder
         */
        public Builder latency(Duration delay) {
            faults.latency(delay);
            return this;
        }

        /**
         * Answers the first {@code n} requests with this Flickr error code; see {@link Faults#failNext}.
         *
         * @param n how many of the next requests
         * @param code the Flickr error code to answer
         * @return this builder
         */
        public Builder failNext(int n, int code) {
            faults.failNext(n, code);
            return this;
        }

        /**
         * Answers the first {@code n} requests with this HTTP status; see {@link Faults#httpStatusNext(int, int, String)}.
         *
         * @param n how many of the next requests
         * @param status the HTTP status
         * @param retryAfter the server's {@code Retry-After} wait, or {@code null}
         * @return this builder
         */
        public Builder httpStatusNext(int n, int status, String retryAfter) {
            faults.httpStatusNext(n, status, retryAfter);
            return this;
        }

        /**
         * Cuts the first {@code n} connections without reading or answering; see {@link Faults#resetNext}.
         *
         * @param n how many of the next requests
         * @return this builder
         */
        public Builder resetNext(int n) {
            faults.resetNext(n);
            return this;
        }

        /**
         * Reads and records the first {@code n} requests, then cuts them off; see {@link Faults#dropAfterReading}.
         *
         * @param n how many of the next requests
         * @return this builder
         */
        public Builder dropAfterReading(int n) {
            faults.dropAfterReading(n);
            return this;
        }

        /**
         * How long an asynchronous upload ({@code async=1}) takes to process before
         * {@code flickr.photos.upload.checkTickets} reports it done; half a second by default, zero for at once.
         *
         * @param delay how long
         * @return how long an asynchronous upload ({@code async=1}) takes to process before {@code
         *         flickr.photos.upload.checkTickets} reports it done
         */
        public Builder ticketDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("ticketDelay must be zero or positive, not " + delay);
            }
            this.ticketDelay = delay;
            return this;
        }

        /**
         * The largest file the upload and replace endpoints take; a larger one is answered 8
         * {@code Filesize too large}. 1 GiB by default, Flickr's limit for videos.
         *
         * @param bytes the largest file accepted
         * @return the largest file the upload and replace endpoints take
         */
        public Builder maxUploadBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxUploadBytes must be positive, not " + bytes);
            }
            this.maxUploadBytes = bytes;
            return this;
        }

        /**
         * Makes the sandbox a recording proxy in front of {@link #upstream}: every request is passed on and
         * its answer handed back, and each exchange is written to {@code cassette} (YAML) with the API key
         * written as {@code (api key)} and signatures, tokens, nonces and timestamps left out, for
         * {@link #replayFrom} to answer later. The file is rewritten after each exchange, through a
         * temporary file, so it is always whole.
         *
         * @param cassette the recording's file
         * @return this builder
         */
        public Builder recordTo(Path cassette) {
            this.recordTo = Objects.requireNonNull(cassette, "cassette");
            return this;
        }

        /**
         * The service a recording sandbox passes requests to: its base URL, such as
         * {@code https://api.flickr.com/} or another sandbox's {@link Sandbox#baseUrl()}. Plain http is
         * accepted only on the loopback ({@link #start()} refuses it elsewhere).
         *
         * @param baseUrl the base URL
         * @return the service a recording sandbox passes requests to
         */
        public Builder upstream(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            try {
                java.net.URI u = new java.net.URI(baseUrl);
                if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                    throw new IllegalArgumentException("upstream '" + baseUrl + "' is not an http(s) URL with a host");
                }
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("upstream '" + baseUrl + "' is not a URL: " + e.getReason());
            }
            this.upstream = baseUrl;
            return this;
        }

        /**
         * Lets a recording sandbox sign OAuth requests again for the upstream's own URL, as Flickr needs
         * (an OAuth signature covers the URL, and the client signed the sandbox's): the API secret and the
         * secret of the one token the client uses ({@code null} for none). Both are kept out of the cassette.
         *
         * @param apiSecret the API secret
         * @param tokenSecret the token's secret
         * @return this builder
         */
        public Builder upstreamSecrets(String apiSecret, String tokenSecret) {
            this.upstreamSecrets = new RecordingProxy.Secrets(nonEmpty(apiSecret, "apiSecret"), tokenSecret);
            return this;
        }

        /**
         * Makes the sandbox answer from a cassette {@link #recordTo} wrote, with no upstream: each
         * request gets the answer recorded for it; one the cassette lacks gets HTTP 404 naming its method
         * and arguments.
         *
         * @param cassette the recording's file
         * @return this builder
         */
        public Builder replayFrom(Path cassette) {
            this.replayFrom = Objects.requireNonNull(cassette, "cassette");
            return this;
        }

        /**
         * Starts the sandbox.
         *
         * @return this builder
         * @throws IllegalArgumentException when recording and replaying are both asked for, a recording has
         *                                  no upstream (or an upstream no recording), the upstream is plain
         *                                  http off the loopback, the cassette to record cannot be written
         *                                  (a directory, a missing or read-only folder), or the cassette to
         *                                  replay is missing or not a cassette
         */
        public Sandbox start() {
            if (recordTo != null && replayFrom != null) {
                throw new IllegalArgumentException("a sandbox either records (recordTo) or replays (replayFrom), not both");
            }
            if ((recordTo == null) != (upstream == null)) {
                throw new IllegalArgumentException(recordTo == null
                        ? "upstream is only for recording: give recordTo(cassette) too"
                        : "recordTo needs the service to record: give upstream(baseUrl) too");
            }
            if (upstreamSecrets != null && recordTo == null) {
                throw new IllegalArgumentException("upstreamSecrets is only for recording: give recordTo and upstream too");
            }
            if (recordTo != null) {
                java.net.URI u = java.net.URI.create(upstream);
                if ("http".equalsIgnoreCase(u.getScheme()) && !Endpoints.isLoopback(u.getHost())) {
                    // Keys, tokens and signatures pass through the recorder; as the client, it keeps them off plain http.
                    throw new IllegalArgumentException("upstream '" + upstream + "' uses plain http outside the"
                            + " loopback, which would send keys, tokens and signatures in clear text: use https");
                }
                Cassette.checkWritable(recordTo);
            }
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
