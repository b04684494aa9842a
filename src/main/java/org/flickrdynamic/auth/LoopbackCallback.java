package org.flickrdynamic.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.flickrdynamic.FlickrArgumentException;

/**
 * A one-shot listener on 127.0.0.1 that receives the browser when Flickr's authorize page sends the
 * user back, and hands over the verifier. It answers only the request token it was opened for.
 */
public final class LoopbackCallback implements AutoCloseable {
    private static final String PATH = "/flickr-dynamic/callback";

    private final HttpServer server;
    private final CompletableFuture<String> verifier = new CompletableFuture<>();
    private volatile String expectedToken;

    private LoopbackCallback() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for the login callback", e);
        }
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** Opens a listener on an ephemeral port of 127.0.0.1. */
    public static LoopbackCallback open() {
        return new LoopbackCallback();
    }

    /** The callback URL to give Flickr. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Says which request token's answer to accept; call it before sending the user to the authorize page. */
    public void expect(String requestToken) {
        expectedToken = requestToken;
    }

    /**
     * Waits for the browser to come back with the verifier of the expected request token.
     *
     * @throws FlickrArgumentException when it does not come back within {@code timeout}
     */
    public String awaitVerifier(Duration timeout) {
        try {
            return verifier.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new FlickrArgumentException("login", "no answer from the authorize page within "
                    + timeout.toSeconds() + " s: open the URL shown, allow access, and try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlickrArgumentException("login", "interrupted while waiting for the authorize page");
        } catch (ExecutionException e) {
            throw new FlickrArgumentException("login", e.getCause().getMessage());
        }
    }

    /** Lets another source (a verifier typed at a prompt) complete the wait. */
    void complete(String typedVerifier) {
        verifier.complete(typedVerifier);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q;
            try {
                q = org.flickrdynamic.internal.pipeline.FormAnswer.form("the authorize page's redirect", exchange.getRequestURI().getRawQuery() == null
                        ? "" : exchange.getRequestURI().getRawQuery());
            } catch (org.flickrdynamic.FlickrTransportException malformed) {
                q = Map.of(); // a query that is not even well encoded is not Flickr's redirect: answered as such
            }
            String v = q.get("oauth_verifier");
            boolean ours = v != null && q.get("oauth_token") != null && q.get("oauth_token").equals(expectedToken);
            String page = ours ? "Logged in. You may close this window and return to flickr-dynamic."
                    : "This is not the answer flickr-dynamic is waiting for.";
            byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>flickr-dynamic</title></head>"
                    + "<body><p>" + page + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(ours ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            if (ours) {
                verifier.complete(v);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
