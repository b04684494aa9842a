package org.flickrdynamic.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.pipeline.FormAnswer;

/**
 * A one-shot listener on 127.0.0.1 that receives the browser when Flickr's authorize page sends the
 * user back, and hands over the verifier. It answers only the request token it was opened for.
 *
 * <p>Any program on the machine can connect to it, so every connection is served on a thread of its own
 * and must send its request within {@link #READ_TIMEOUT}: a connection that sends half a request, or
 * nothing, never delays the browser's real one.
 */
final class LoopbackCallback implements AutoCloseable {
    private static final String PATH = "/flickr-dynamic/callback";
    /** How long one connection may take to send its request head. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** The longest request head read: a browser's redirect is far shorter. */
    private static final int MAX_HEAD = 16 * 1024;

    private final ServerSocket server;
    private final CompletableFuture<String> verifier = new CompletableFuture<>();
    private volatile String expectedToken;

    private LoopbackCallback() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for the login callback", e);
        }
        Thread accept = new Thread(this::acceptLoop, "flickr-dynamic-login-callback");
        accept.setDaemon(true);
        accept.start();
    }

    /** Opens a listener on an ephemeral port of 127.0.0.1. */
    public static LoopbackCallback open() {
        return new LoopbackCallback();
    }

    /** The callback URL to give Flickr. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + PATH;
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

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException closed) {
                return;
            }
            Thread t = new Thread(() -> serve(s), "flickr-dynamic-login-callback-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            String target = requestTarget(socket.getInputStream());
            if (target == null) {
                return; // not HTTP, or too slow: nothing to answer
            }
            boolean ours = false;
            String v = null;
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            if (PATH.equals(path)) {
                Map<String, String> query;
                try {
                    query = FormAnswer.form("the authorize page's redirect", q < 0 ? "" : target.substring(q + 1));
                } catch (FlickrTransportException malformed) {
                    query = Map.of(); // a query that is not even well encoded is not Flickr's redirect
                }
                v = query.get("oauth_verifier");
                ours = v != null && query.get("oauth_token") != null && query.get("oauth_token").equals(expectedToken);
            }
            answer(socket.getOutputStream(), ours);
            if (ours) {
                verifier.complete(v);
            }
        } catch (IOException e) {
            // A connection that broke or timed out is simply dropped; the wait goes on for the real one.
        }
    }

    /** The target of a GET request line, once the whole head has arrived; {@code null} for anything else. */
    private static String requestTarget(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.length() > MAX_HEAD) {
                    return null;
                }
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4
                        || head.length() >= 2 && head.lastIndexOf("\n\n") == head.length() - 2) {
                    break;
                }
            }
        } catch (SocketTimeoutException slow) {
            return null;
        }
        int end = head.indexOf("\n");
        String[] line = (end < 0 ? head.toString() : head.substring(0, end)).strip().split(" ");
        return line.length == 3 && line[0].equals("GET") && line[2].startsWith("HTTP/") ? line[1] : null;
    }

    private static void answer(OutputStream out, boolean ours) throws IOException {
        String page = ours ? "Logged in. You may close this window and return to flickr-dynamic."
                : "This is not the answer flickr-dynamic is waiting for.";
        byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>flickr-dynamic</title></head>"
                + "<body><p>" + page + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + (ours ? "200 OK" : "400 Bad Request") + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing a listening socket fails only if it is already closed.
        }
    }
}
