package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.flickrdynamic.table.MethodSpec;

/**
 * Answers every HTTP exchange of a sandbox: decodes the request in every form Flickr accepts
 * ({@link RequestDecoder}), records it and hands it to the answerer of its path, with or without the
 * trailing slash ({@link #route}). {@code services/rest}: the {@link Gatekeeper}'s checks, then the
 * method's {@link Route} (or the method table's example), rendered by {@link Answers} in the format asked
 * for (XML, JSON or JSONP). The OAuth paths go to {@link OAuthEndpoints}, the legacy login page to
 * {@link LegacyAuth}, the upload and replace paths to {@link UploadEndpoint}. Answers of 1 KiB and more
 * are gzipped for clients that accept it (see {@link Gzip}); an answer to a request that asked for
 * {@code Connection: close} says it. An OAuth refusal anywhere is answered as Flickr answers it: an HTTP
 * error with an {@code oauth_problem} body.
 */
final class Exchanges implements HttpHandler {
    static final String REST_PATH = "/services/rest/";
    private static final String REST_ROUTE = "/services/rest";

    private final Gatekeeper gate;
    private final Map<String, Route> routes;
    private final OAuthEndpoints oauth;
    private final LegacyAuth legacy;
    private final UploadEndpoint uploads;
    private final RequestLog log;
    private final String defaultHost;
    private final Gzip gzip = new Gzip();
    private final Object idle = new Object();
    private int inFlight;
    private volatile Front front;

    /** What answers every exchange in the sandbox's place: a recording proxy, or a replay of a cassette. */
    interface Front {
        /** Answers one exchange; the body, if any, is still to be read. */
        Reply serve(HttpExchange exchange) throws IOException;
    }

    /**
     * @param defaultHost the {@code host:port} the OAuth base string names when a request has no
     *                    {@code Host} header
     */
    Exchanges(Gatekeeper gate, Map<String, Route> routes, OAuthEndpoints oauth, LegacyAuth legacy,
            UploadEndpoint uploads, RequestLog log, String defaultHost) {
        this.gate = gate;
        this.routes = Map.copyOf(routes);
        this.oauth = oauth;
        this.legacy = legacy;
        this.uploads = uploads;
        this.log = log;
        this.defaultHost = defaultHost;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        synchronized (idle) {
            inFlight++;
        }
        try (exchange) {
            send(exchange, serve(exchange));
        } catch (RuntimeException e) {
            // A bug in a route must still answer, so a client sees a server error rather than a hang.
            send(exchange, Reply.text(500, "sandbox error: " + e.getClass().getSimpleName()));
        } finally {
            synchronized (idle) {
                inFlight--;
                idle.notifyAll();
            }
        }
    }

    /** Hands every later exchange to {@code front} instead of the sandbox's own answers. */
    void front(Front front) {
        this.front = front;
    }

    /** Waits until no exchange is being answered, or the time runs out; true when idle. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                idle.wait(left);
            }
            return true;
        }
    }

    private Reply serve(HttpExchange exchange) {
        Front f = front;
        if (f != null) {
            try {
                return f.serve(exchange);
            } catch (IOException e) {
                return Reply.text(400, "bad request: the body could not be read");
            }
        }
        String verb = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String route = route(path);
        boolean upload = UploadEndpoint.handles(route);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (upload && verb.equals("POST") && Multipart.boundary(contentType) == null) {
            log.add(new RecordedRequest(verb, path, Map.of(), exchange.getRequestHeaders()));
            return Reply.text(400, "bad upload: an upload must be a multipart/form-data POST with a boundary, not "
                    + (contentType == null ? "a body without Content-Type" : contentType));
        }
        RequestDecoder.Decoded request;
        // An upload's file is copied as it streams in, and kept under its checksum for the photo it becomes.
        try (PhotoFiles.Incoming copy = upload && verb.equals("POST") ? uploads.incoming() : null) {
            request = RequestDecoder.read(exchange.getRequestURI().getRawQuery(), contentType,
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody(),
                    copy == null ? null : copy.out);
            Multipart.FilePart photo = photo(request.file());
            if (copy != null && photo != null && photo.size() > 0) {
                copy.keep(photo.sha256());
            }
        } catch (Multipart.Malformed e) {
            log.add(new RecordedRequest(verb, path, Map.of(), exchange.getRequestHeaders()));
            return Reply.text(400, (upload ? "bad upload: " : "bad request: ") + e.getMessage());
        } catch (IllegalArgumentException | IOException e) {
            return Reply.text(400, "bad request: " + e.getMessage());
        }
        Map<String, String> params = request.params();
        log.add(new RecordedRequest(verb, path, params, exchange.getRequestHeaders()));
        if (!verb.equals("GET") && !verb.equals("POST") || upload && !verb.equals("POST")) {
            return new Reply(405, Reply.TEXT, "method not allowed: " + verb, null);
        }
        // The client signed the URL it addressed; rebuild it from the Host header, as a real server does.
        String host = exchange.getRequestHeaders().getFirst("Host");
        String url = "http://" + (host == null || host.isBlank() ? defaultHost : host) + path;
        Answers.Format format = Answers.Format.of(params);
        try {
            return switch (route) {
                case REST_ROUTE -> rest(verb, url, params, format);
                case OAuthEndpoints.REQUEST_TOKEN -> oauth.requestToken(verb, url, params);
                case OAuthEndpoints.AUTHORIZE -> oauth.authorize(params);
                case OAuthEndpoints.ACCESS_TOKEN -> oauth.accessToken(verb, url, params);
                case LegacyAuth.LOGIN_ROUTE -> legacy.login(params);
                case UploadEndpoint.UPLOAD_ROUTE, UploadEndpoint.REPLACE_ROUTE ->
                        upload(verb, url, route, params, photo(request.file()), format);
                default -> Reply.text(404, "not found: " + path);
            };
        } catch (OAuthProblem p) {
            return Reply.text(p.status, p.body);
        }
    }

    /**
     * The route of a path: the path without its trailing slash, since Flickr answers both forms
     * ({@code /services/rest} and {@code /services/rest/}).
     */
    static String route(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The upload's file: the part named {@code photo}, as Flickr names it. */
    private static Multipart.FilePart photo(Multipart.FilePart file) {
        return file != null && file.field().equals(Multipart.FILE_FIELD) ? file : null;
    }

    private Reply rest(String verb, String url, Map<String, String> params, Answers.Format format) {
        String payload;
        try {
            Gatekeeper.Admitted admitted = gate.admit(verb, url, params);
            MethodSpec m = admitted.method();
            Route route = routes.get(m.name());
            payload = route != null ? route.answer(admitted, params)
                    : m.exampleResponse() == null ? "" : m.exampleResponse();
        } catch (Fail f) {
            return Answers.failure(f.code, f.getMessage(), format);
        }
        return Answers.ok(payload, format);
    }

    private Reply upload(String verb, String url, String route, Map<String, String> params, Multipart.FilePart photo,
            Answers.Format format) {
        try {
            return Answers.ok(uploads.answer(verb, url, route, params, photo), format);
        } catch (Fail f) {
            return Answers.failure(f.code, f.getMessage(), format);
        }
    }

    /** Sends a reply, gzipped when it is large enough and the client accepts gzip. */
    private void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body().length() >= Gzip.MIN_BYTES
                && Gzip.accepted(exchange.getRequestHeaders().getFirst("Accept-Encoding"))) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            write(exchange, reply, gzip.compress(reply.body()));
        } else {
            write(exchange, reply, reply.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether the connection closes after this exchange: the client asked for it with {@code Connection: close}. */
    private static boolean closesAfter(HttpExchange exchange) {
        for (String value : exchange.getRequestHeaders().getOrDefault("Connection", java.util.List.of())) {
            for (String token : value.split(",")) {
                if (token.strip().equalsIgnoreCase("close")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sends a reply as it is, never compressed: for short answers such as injected faults. */
    static void sendPlain(HttpExchange exchange, Reply reply) throws IOException {
        write(exchange, reply, reply.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, Reply reply, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (reply.location() != null) {
            exchange.getResponseHeaders().set("Location", reply.location());
        }
        if (reply.status() == 405) {
            boolean upload = UploadEndpoint.handles(route(exchange.getRequestURI().getPath()));
            exchange.getResponseHeaders().set("Allow", upload ? "POST" : "GET, POST");
        }
        if (closesAfter(exchange)) {
            // The JDK server closes after answering such a request but does not say so; RFC 9112 §9.6 wants
            // a server that closes to say it, or a client may send its next request into the closed socket.
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
