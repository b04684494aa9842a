package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.flickrdynamic.table.MethodSpec;

/**
 * Answers every HTTP exchange of a sandbox: decodes the parameters, records the request and hands it
 * to the path's answerer. {@code /services/rest/}: the {@link Gatekeeper}'s checks, then the method's
 * {@link Route} (or the method table's example), in Flickr's envelope {@code <rsp stat="ok">payload</rsp>}
 * or {@code <rsp stat="fail"><err code=".." msg=".." /></rsp>} as {@code text/xml; charset=utf-8}.
 * The OAuth paths go to {@link OAuthEndpoints}, the legacy login page to {@link LegacyAuth}, the upload
 * and replace paths to {@link UploadEndpoint} (their multipart fields read before the request is logged). Answers
 * of 1 KiB and more are gzipped for clients that accept it (see {@link Gzip}). An OAuth
 * refusal anywhere is answered as Flickr answers it: an HTTP error with an {@code oauth_problem} body.
 */
final class Exchanges implements HttpHandler {
    static final String REST_PATH = "/services/rest/";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n";
    private static final String XML = "text/xml; charset=utf-8";

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
        Map<String, String> params;
        try {
            params = RequestDecoder.decode(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody());
        } catch (IllegalArgumentException | IOException e) {
            return Reply.text(400, "bad request: " + e.getMessage());
        }
        String path = exchange.getRequestURI().getPath();
        Multipart.FilePart photo = null;
        if (UploadEndpoint.handles(path) && verb.equals("POST")) {
            try {
                // The fields are read first, so the request log and the checks see them.
                photo = uploads.receive(exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestBody(), params);
            } catch (Multipart.Malformed e) {
                log.add(new RecordedRequest(verb, path, params, exchange.getRequestHeaders()));
                return Reply.text(400, "bad upload: " + e.getMessage());
            } catch (IOException e) {
                return Reply.text(400, "bad upload: the body could not be read");
            }
        }
        log.add(new RecordedRequest(verb, path, params, exchange.getRequestHeaders()));
        if (!verb.equals("GET") && !verb.equals("POST") || UploadEndpoint.handles(path) && !verb.equals("POST")) {
            return new Reply(405, Reply.TEXT, "method not allowed: " + verb, null);
        }
        // The client signed the URL it addressed; rebuild it from the Host header, as a real server does.
        String host = exchange.getRequestHeaders().getFirst("Host");
        String url = "http://" + (host == null || host.isBlank() ? defaultHost : host) + path;
        try {
            return switch (path) {
                case REST_PATH -> rest(verb, url, params);
                case OAuthEndpoints.REQUEST_TOKEN -> oauth.requestToken(verb, url, params);
                case OAuthEndpoints.AUTHORIZE -> oauth.authorize(params);
                case OAuthEndpoints.ACCESS_TOKEN -> oauth.accessToken(verb, url, params);
                case LegacyAuth.LOGIN_PATH, "/services/auth" -> legacy.login(params);
                case UploadEndpoint.UPLOAD_PATH, UploadEndpoint.REPLACE_PATH -> upload(verb, url, path, params, photo);
                default -> Reply.text(404, "not found: " + path);
            };
        } catch (OAuthProblem p) {
            return Reply.text(p.status, p.body);
        }
    }

    private Reply rest(String verb, String url, Map<String, String> params) {
        String payload;
        try {
            Gatekeeper.Admitted admitted = gate.admit(verb, url, params);
            MethodSpec m = admitted.method();
            Route route = routes.get(m.name());
            payload = route != null ? route.answer(admitted, params)
                    : m.exampleResponse() == null ? "" : m.exampleResponse();
        } catch (Fail f) {
            return failure(f.code, f.getMessage());
        }
        return ok(payload);
    }

    private Reply upload(String verb, String url, String path, Map<String, String> params, Multipart.FilePart photo) {
        try {
            return ok(uploads.answer(verb, url, path, params, photo));
        } catch (Fail f) {
            return failure(f.code, f.getMessage());
        }
    }

    /** Flickr's success envelope around a payload. */
    static Reply ok(String payload) {
        // Sized once: a photo page is hundreds of kilobytes, and growing a builder to that size copies it often.
        String body = new StringBuilder(payload.length() + 64).append(XML_DECLARATION).append("<rsp stat=\"ok\">\n")
                .append(payload).append("\n</rsp>\n").toString();
        return new Reply(200, XML, body, null);
    }

    /** Flickr's failure envelope, laid out as Flickr lays it out, with HTTP 200 as Flickr sends it. */
    static Reply failure(int code, String message) {
        Xml x = new Xml(160).raw(XML_DECLARATION).raw("<rsp stat=\"fail\">\n\t");
        x.open("err").attr("code", code).attr("msg", message).end();
        return new Reply(200, XML, x.raw("\n</rsp>\n").toString(), null);
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
            boolean upload = UploadEndpoint.handles(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Allow", upload ? "POST" : "GET, POST");
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
