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
 * or {@code <rsp stat="fail"><err code=".." msg=".." /></rsp>} as {@code text/xml; charset=utf-8},
 * gzipped for clients that accept it (see {@link Gzip}).
 * The OAuth paths go to {@link OAuthEndpoints}, the legacy login page to {@link LegacyAuth}. An OAuth
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
    private final RequestLog log;
    private final String defaultHost;
    private final Gzip gzip = new Gzip();
    private final Object idle = new Object();
    private int inFlight;

    /**
     * @param defaultHost the {@code host:port} the OAuth base string names when a request has no
     *                    {@code Host} header
     */
    Exchanges(Gatekeeper gate, Map<String, Route> routes, OAuthEndpoints oauth, LegacyAuth legacy, RequestLog log,
            String defaultHost) {
        this.gate = gate;
        this.routes = Map.copyOf(routes);
        this.oauth = oauth;
        this.legacy = legacy;
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
        log.add(new RecordedRequest(verb, path, params, exchange.getRequestHeaders()));
        if (!verb.equals("GET") && !verb.equals("POST")) {
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
            return new Reply(200, XML, failure(f.code, f.getMessage()), null);
        }
        // Sized once: a photo page is hundreds of kilobytes, and growing a builder to that size copies it often.
        String body = new StringBuilder(payload.length() + 64).append(XML_DECLARATION).append("<rsp stat=\"ok\">\n")
                .append(payload).append("\n</rsp>\n").toString();
        return new Reply(200, XML, body, null);
    }

    /** Flickr's failure envelope, laid out as Flickr lays it out. */
    static String failure(int code, String message) {
        Xml x = new Xml(160).raw(XML_DECLARATION).raw("<rsp stat=\"fail\">\n\t");
        x.open("err").attr("code", code).attr("msg", message).end();
        return x.raw("\n</rsp>\n").toString();
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes;
        if (reply.body().length() >= Gzip.MIN_BYTES
                && Gzip.accepted(exchange.getRequestHeaders().getFirst("Accept-Encoding"))) {
            bytes = gzip.compress(reply.body());
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        } else {
            bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (reply.location() != null) {
            exchange.getResponseHeaders().set("Location", reply.location());
        }
        if (reply.status() == 405) {
            exchange.getResponseHeaders().set("Allow", "GET, POST");
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
