package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording sandbox keeps no login secret: the OAuth verifier in a redirect's {@code Location} (after
 * {@code ?} or {@code &}) and on the out-of-band page, and the legacy frob in an answer and in the
 * requests that carry it, are all replaced in the cassette, while the client still gets them as sent.
 */
@Timeout(30)
class LoginSecretsScrubbedTest {
    private static final String REQUEST_TOKEN = "72157720861-req0a93f6d2";
    private static final String VERIFIER = "5d1e9a0b3c7f2e46";
    private static final String OOB_VERIFIER = "123-456-789";
    private static final String FROB = "72157720861-frob4b2e91ab";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dir;

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void verifiersAndFrobsNeverReachTheCassette() throws Exception {
        Path cassette = dir.resolve("login.yaml");
        try (ScriptedServer upstream = new ScriptedServer(null);
             Sandbox recorder = Sandbox.builder().recordTo(cassette)
                     .upstream(upstream.restUrl().replace("services/rest/", "")).start()) {
            String base = recorder.baseUrl();
            // The verifier first in the callback's query, then after another parameter.
            for (String query : List.of("?oauth_verifier=" + VERIFIER + "&oauth_token=" + REQUEST_TOKEN,
                    "?state=x&oauth_token=" + REQUEST_TOKEN + "&oauth_verifier=" + VERIFIER)) {
                upstream.script(ScriptedServer.answer(302, "text/html", "<a href=\"http://127.0.0.1:9/cb" + query
                        + "\">continue</a>", "Location: http://127.0.0.1:9/cb" + query));
                HttpResponse<String> redirect = get(base + "services/oauth/authorize?oauth_token=" + REQUEST_TOKEN
                        + "&perms=read&n=" + query.length());
                assertEquals(302, redirect.statusCode());
                assertTrue(redirect.headers().firstValue("Location").orElseThrow().contains(VERIFIER),
                        "the browser still gets the verifier");
            }
            upstream.script(ScriptedServer.answer(200, "text/html", "<html><body><p>Type this code into the"
                    + " application:</p>\n<p><code id=\"verifier\">" + OOB_VERIFIER + "</code></p></body></html>"));
            assertTrue(get(base + "services/oauth/authorize?oauth_token=" + REQUEST_TOKEN + "&perms=write").body()
                    .contains(OOB_VERIFIER));
            upstream.script(ScriptedServer.xml("<rsp stat=\"ok\"><frob>" + FROB + "</frob></rsp>"));
            assertTrue(get(base + "services/rest/?method=flickr.auth.getFrob&api_key=k&api_sig=0123456789abcdef")
                    .body().contains(FROB));
            upstream.script(ScriptedServer.answer(200, "text/html", "<p>You may close this window</p>"));
            get(base + "services/auth/?api_key=k&perms=read&frob=" + FROB + "&api_sig=0123456789abcdef");
        }
        String text = Files.readString(cassette);
        for (String secret : List.of(VERIFIER, OOB_VERIFIER, FROB, REQUEST_TOKEN)) {
            assertFalse(text.contains(secret), secret + " kept in: " + text);
        }
        assertTrue(text.contains("oauth_verifier=(scrubbed)"), text);
        assertTrue(text.contains("<frob>(scrubbed)</frob>"), text);
        assertTrue(text.contains("<code id=\"verifier\">(scrubbed)</code>"), text);
        assertFalse(text.contains("frob:"), "a frob is not part of what a request is matched by: " + text);
    }

    @Test
    void aCassetteRecordedWithAFrobStillReplaysForAnyFrob() throws Exception {
        Path cassette = Files.writeString(dir.resolve("old.yaml"), """
                format: flickr-dynamic cassette 1
                upstream: http://127.0.0.1:1/
                exchanges:
                - request:
                    verb: GET
                    path: /services/rest/
                    params:
                      api_key: (api key)
                      frob: 72157-old-frob
                      method: flickr.auth.getToken
                  response:
                    status: 200
                    contentType: text/xml; charset=utf-8
                    body: <rsp stat="ok"><auth><token>(scrubbed)</token></auth></rsp>
                """);
        try (Sandbox replay = Sandbox.builder().replayFrom(cassette).start()) {
            HttpResponse<String> r = get(replay.baseUrl() + "services/rest/?method=flickr.auth.getToken&api_key=k"
                    + "&frob=72157-another-frob&api_sig=0123456789abcdef");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("<token>(scrubbed)</token>"), r.body());
        }
    }
}
