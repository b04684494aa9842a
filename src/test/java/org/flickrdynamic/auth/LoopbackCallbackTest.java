package org.flickrdynamic.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.flickrdynamic.FlickrArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The login callback listens on 127.0.0.1, where any local program can connect: connections that send
 * half a request, or nothing, must not delay the browser's real redirect.
 */
@Timeout(30)
class LoopbackCallbackTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stalledConnectionsDoNotDelayTheRealRedirect() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (LoopbackCallback callback = LoopbackCallback.open()) {
            callback.expect("request-token");
            int port = URI.create(callback.url()).getPort();
            for (int i = 0; i < 5; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                stalled.add(s);
                if (i % 2 == 0) {
                    OutputStream o = s.getOutputStream();
                    o.write("GET /flickr-dynamic/callback?oauth_tok".getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                }
            }
            HttpResponse<String> wrong = get(callback.url() + "?oauth_token=other&oauth_verifier=x");
            assertEquals(400, wrong.statusCode());
            HttpResponse<String> real = get(callback.url() + "?oauth_token=request-token&oauth_verifier=the-verifier");
            assertEquals(200, real.statusCode());
            assertTrue(real.body().contains("Logged in."), real.body());
            assertEquals("the-verifier", callback.awaitVerifier(Duration.ofSeconds(5)));
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void anotherPathOrTokenIsNotTheAnswer() throws Exception {
        try (LoopbackCallback callback = LoopbackCallback.open()) {
            callback.expect("request-token");
            String base = callback.url().replace("/flickr-dynamic/callback", "");
            assertEquals(400, get(base + "/elsewhere?oauth_token=request-token&oauth_verifier=v").statusCode());
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), URI.create(callback.url()).getPort())) {
                raw.getOutputStream().write(("GET /flickr-dynamic/callback?oauth_token=request-token&oauth_verifier=%zz"
                        + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(raw.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("HTTP/1.1 400 "), "a bad escape is not the answer: " + answer);
            }
            assertEquals(400, get(callback.url()).statusCode());
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> callback.awaitVerifier(Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("no answer from the authorize page"), e.getMessage());
        }
    }
}
