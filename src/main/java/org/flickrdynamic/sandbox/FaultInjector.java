package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * Stands in front of a sandbox's {@link Exchanges} and applies its {@link Faults}: waits the latency, then
 * either passes the request on or answers it in the sandbox's place (a Flickr error, an HTTP status),
 * or breaks the connection. Closing an exchange before any header is sent makes the JDK server close
 * the connection, which is what a client sees when a server or proxy dies mid-request.
 */
final class FaultInjector implements HttpHandler {
    private final Faults faults;
    private final HttpHandler next;
    private final RequestLog log;
    private final MethodTable table;

    FaultInjector(Faults faults, HttpHandler next, RequestLog log, MethodTable table) {
        this.faults = faults;
        this.next = next;
        this.log = log;
        this.table = table;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Faults.Fault fault = faults.take();
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                // The sandbox is closing.
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        if (fault == null) {
            next.handle(exchange);
            return;
        }
        try (exchange) {
            if (fault.kind == Faults.Kind.RESET) {
                faults.resetDone(java.time.Instant.now()); // not recorded as a request, yet it arrived
                return;
            }
            Map<String, String> params = record(exchange);
            switch (fault.kind) {
                case FLICKR_ERROR -> Exchanges.sendPlain(exchange,
                        Answers.failure(fault.code, message(fault.code), Answers.Format.of(params)));
                case HTTP_STATUS -> {
                    if (fault.retryAfter != null) {
                        exchange.getResponseHeaders().set("Retry-After", fault.retryAfter);
                    }
                    Exchanges.sendPlain(exchange, Reply.text(fault.code, "sandbox fault: HTTP " + fault.code + "\n"));
                }
                default -> {
                    // DROP_AFTER_READING: read and recorded; closing now leaves the client without an answer.
                }
            }
        }
    }

    /** Reads the whole request and records it, as the sandbox records every request it receives; its parameters. */
    private Map<String, String> record(HttpExchange exchange) throws IOException {
        Map<String, String> params;
        try {
            params = RequestDecoder.decode(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody());
        } catch (IllegalArgumentException | IOException e) {
            params = Map.of();
        }
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        log.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), params,
                exchange.getRequestHeaders()));
        return params;
    }

    private String message(int code) {
        ErrorSpec e = table.commonErrors().get(code);
        return e != null ? e.message() : "Sandbox fault " + code;
    }
}
