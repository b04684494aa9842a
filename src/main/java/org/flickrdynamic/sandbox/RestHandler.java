package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.flickrdynamic.table.MethodSpec;

/**
 * Answers every HTTP exchange of a sandbox: decodes the parameters, records the request, lets the
 * {@link Gatekeeper} check it, runs the method's {@link Route} (or answers the method table's example),
 * and writes Flickr's envelope: {@code <rsp stat="ok">payload</rsp>} or
 * {@code <rsp stat="fail"><err code=".." msg=".." /></rsp>}, as {@code text/xml; charset=utf-8}.
 */
final class RestHandler implements HttpHandler {
    static final String REST_PATH = "/services/rest/";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n";
    private static final String XML = "text/xml; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Gatekeeper gate;
    private final Map<String, Route> routes;
    private final RequestLog log;
    private final String defaultHost;
    private final Object idle = new Object();
    private int inFlight;

    /**
     * @param defaultHost the {@code host:port} the OAuth base string names when a request has no
     *                    {@code Host} header
     */
    RestHandler(Gatekeeper gate, Map<String, Route> routes, RequestLog log, String defaultHost) {
        this.gate = gate;
        this.routes = Map.copyOf(routes);
        this.log = log;
        this.defaultHost = defaultHost;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        synchronized (idle) {
            inFlight++;
        }
        try (exchange) {
            serve(exchange);
        } catch (RuntimeException e) {
            // A bug in a route must still answer, so a client sees a server error rather than a hang.
            send(exchange, 500, TEXT, "sandbox error: " + e.getClass().getSimpleName());
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

    private void serve(HttpExchange exchange) throws IOException {
        String verb = exchange.getRequestMethod();
        Map<String, String> params;
        try {
            params = RequestDecoder.decode(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody());
        } catch (IllegalArgumentException | IOException e) {
            send(exchange, 400, TEXT, "bad request: " + e.getMessage());
            return;
        }
        String path = exchange.getRequestURI().getPath();
        log.add(new RecordedRequest(verb, path, params, exchange.getRequestHeaders()));
        if (!REST_PATH.equals(path)) {
            send(exchange, 404, TEXT, "not found: " + path);
        } else if (!verb.equals("GET") && !verb.equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "GET, POST");
            send(exchange, 405, TEXT, "method not allowed: " + verb);
        } else {
            answer(exchange, verb, params);
        }
    }

    private void answer(HttpExchange exchange, String verb, Map<String, String> params) throws IOException {
        // The client signed the URL it addressed; rebuild it from the Host header, as a real server does.
        String host = exchange.getRequestHeaders().getFirst("Host");
        String url = "http://" + (host == null || host.isBlank() ? defaultHost : host) + REST_PATH;
        String payload;
        try {
            Gatekeeper.Admitted admitted = gate.admit(verb, url, params);
            MethodSpec m = admitted.method();
            Route route = routes.get(m.name());
            payload = route != null ? route.answer(admitted, params)
                    : m.exampleResponse() == null ? "" : m.exampleResponse();
        } catch (Gatekeeper.Rejected r) {
            send(exchange, 401, TEXT, r.body);
            return;
        } catch (Fail f) {
            send(exchange, 200, XML, failure(f.code, f.getMessage()));
            return;
        }
        send(exchange, 200, XML, XML_DECLARATION + "<rsp stat=\"ok\">\n" + payload + "\n</rsp>\n");
    }

    /** Flickr's failure envelope, laid out as Flickr lays it out. */
    static String failure(int code, String message) {
        Xml x = new Xml(160).raw(XML_DECLARATION).raw("<rsp stat=\"fail\">\n\t");
        x.open("err").attr("code", code).attr("msg", message).end();
        return x.raw("\n</rsp>\n").toString();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
