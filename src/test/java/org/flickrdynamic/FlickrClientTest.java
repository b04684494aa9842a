package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.ScriptedServer;
import org.flickrdynamic.testing.ScriptedServer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client puts on the wire, checked at a raw HTTP server that records every byte. */
class FlickrClientTest {
    private static final String SECRET = "consumer-SECRET-5521";
    private static final String TOKEN_SECRET = "token-SECRET-9034";
    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"));
        client = FlickrClient.builder().apiKey("the-key").secret(SECRET).endpoint(server.restUrl()).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    /** The decoded parameters of a received request, in order. */
    private static Map<String, String> params(Received r) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = r.params();
        if (raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private Received only() {
        assertEquals(1, server.received().size());
        return server.received().get(0);
    }

    @Test
    void readIsAGetWithMethodKeyAndArgumentsInTheQuery() {
        client.call("photos.search", Map.of("tags", List.of("cat", "dog"), "per_page", 5, "has_geo", false));
        Received r = only();
        assertEquals("GET", r.verb());
        assertTrue(r.line().startsWith("GET /services/rest/?method=flickr.photos.search&api_key=the-key&"), r.line());
        Map<String, String> p = params(r);
        assertEquals("cat,dog", p.get("tags"));
        assertEquals("5", p.get("per_page"));
        assertEquals("0", p.get("has_geo"), "false is sent as 0, not dropped");
        assertFalse(p.containsKey("oauth_signature"), "photos.search needs no signature");
    }

    @Test
    void awkwardValuesArriveExactlyAsGiven() {
        String nasty = "a&b=c#d e+f%20\r\n\u0000é记😀/?";
        client.call("test.echo", Map.of("text", nasty));
        Received r = only();
        assertFalse(r.line().contains(" e") || r.line().contains("#") || r.line().contains("+"),
                "every reserved character is percent-encoded: " + r.line());
        assertEquals(nasty, params(r).get("text"));
    }

    @Test
    void writeIsAFormPost() {
        try (FlickrClient user = client.newBuilder().token("tok", TOKEN_SECRET).build()) {
            user.call("flickr.photos.addTags", "photo_id", 42, "tags", "a b");
        }
        Received r = only();
        assertEquals("POST", r.verb());
        assertEquals("POST /services/rest/ HTTP/1.1", r.line());
        assertTrue(r.header("Content-Type").startsWith("application/x-www-form-urlencoded"), r.header("Content-Type"));
        Map<String, String> p = params(r);
        assertEquals("flickr.photos.addTags", p.get("method"));
        assertEquals("42", p.get("photo_id"));
        assertEquals("a b", p.get("tags"));
        assertEquals("tok", p.get("oauth_token"));
    }

    @Test
    void aVeryLongReadGoesAsAPost() {
        String big = "x".repeat(100_000);
        client.call("test.echo", "big", big);
        Received r = only();
        assertEquals("POST", r.verb());
        assertEquals(big, params(r).get("big"));
    }

    @Test
    void userAgentNamesTheLibrary() {
        client.call("test.echo");
        assertTrue(only().header("User-Agent").startsWith("flickr-dynamic/"), only().header("User-Agent"));
    }

    @Test
    void aBadCallSendsNothingAndListsEveryProblem() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> client.call("photos.getInfo", Map.of("photoid", "1", "method", "x")));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown argument photoid (did you mean photo_id?)"), e.getMessage());
        assertTrue(e.getMessage().contains("method is set by the library"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required argument photo_id"), e.getMessage());
        assertFalse(e.isRetryable());
        assertTrue(server.received().isEmpty());
    }

    @Test
    void unknownMethodSuggestsAndSendsNothing() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> client.call("photos.serach"));
        assertTrue(e.getMessage().contains("unknown method photos.serach; did you mean flickr.photos.search"), e.getMessage());
        assertTrue(server.received().isEmpty());
    }

    @Test
    void noApiKeyIsReportedBeforeSending() {
        try (FlickrClient keyless = FlickrClient.builder().endpoint(server.restUrl()).build()) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> keyless.call("test.echo"));
            assertTrue(e.getMessage().contains("no API key"), e.getMessage());
            keyless.call("test.echo", "api_key", "given-by-the-call");
            assertEquals("given-by-the-call", params(only()).get("api_key"));
        }
    }

    @Test
    void loginMethodWithoutTokenSaysHowToLogIn() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> client.call("test.login"));
        assertTrue(e.getMessage().contains("needs a logged-in user with read permission"), e.getMessage());
        assertTrue(server.received().isEmpty());
    }

    @Test
    void signedModeSignsEveryCallWithOauth() throws Exception {
        try (FlickrClient signed = client.newBuilder().signed(true).build()) {
            signed.call("test.echo", "foo", "bar");
        }
        Received r = only();
        Map<String, String> p = params(r);
        assertEquals("the-key", p.get("oauth_consumer_key"));
        assertEquals("HMAC-SHA1", p.get("oauth_signature_method"));
        assertEquals("1.0", p.get("oauth_version"));
        assertNull(p.get("oauth_token"), "two-legged: no token");
        assertEquals(independentOauthSignature("GET", server.restUrl(), p, SECRET, ""), p.get("oauth_signature"));
    }

    @Test
    void oauthSignatureWithTokenVerifiesIndependently() throws Exception {
        try (FlickrClient user = client.newBuilder().token("tok-1", TOKEN_SECRET).build()) {
            user.call("test.login");
        }
        Map<String, String> p = params(only());
        assertEquals("tok-1", p.get("oauth_token"));
        assertEquals(independentOauthSignature("GET", server.restUrl(), p, SECRET, TOKEN_SECRET), p.get("oauth_signature"));
        String line = only().line();
        assertFalse(line.contains(SECRET) || line.contains(TOKEN_SECRET), "secrets never travel");
    }

    @Test
    void legacySigningSendsAuthTokenAndMd5ApiSig() throws Exception {
        try (FlickrClient legacy = client.newBuilder().signing(Signing.LEGACY_MD5).token("legacy-token", null).build()) {
            legacy.call("test.login");
        }
        Map<String, String> p = params(only());
        assertEquals("legacy-token", p.get("auth_token"));
        assertFalse(p.keySet().stream().anyMatch(k -> k.startsWith("oauth_")));
        Map<String, String> sorted = new TreeMap<>(p);
        String sig = sorted.remove("api_sig");
        StringBuilder plain = new StringBuilder(SECRET);
        sorted.forEach((k, v) -> plain.append(k).append(v));
        byte[] md5 = MessageDigest.getInstance("MD5").digest(plain.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(String.format("%032x", new BigInteger(1, md5)), sig);
    }

    @Test
    void plainHttpOffTheLoopbackIsRefusedUnlessAllowed() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> FlickrClient.builder().endpoint("http://api.example.com/services/rest/").build());
        assertTrue(e.getMessage().contains("plain http outside the loopback"), e.getMessage());
        FlickrClient.builder().endpoint("http://api.example.com/services/rest/").allowInsecureHttp(true).build().close();
        assertThrows(FlickrArgumentException.class, () -> FlickrClient.builder().endpoint("ftp://x/").build());
        assertThrows(FlickrArgumentException.class, () -> FlickrClient.builder().endpoint("not a url").build());
    }

    @Test
    void baseUrlMovesEveryEndpoint() {
        try (FlickrClient c = FlickrClient.builder().baseUrl("http://127.0.0.1:9/").build()) {
            assertEquals("http://127.0.0.1:9/services/rest/", c.endpoints().rest());
            assertEquals("http://127.0.0.1:9/services/upload/", c.endpoints().upload());
            assertEquals("http://127.0.0.1:9/services/replace/", c.endpoints().replace());
            assertEquals("http://127.0.0.1:9/services/oauth/", c.endpoints().oauth());
        }
        try (FlickrClient c = FlickrClient.builder().baseUrl("http://127.0.0.1:9").endpoint("https://api.example.com/rest/").build()) {
            assertEquals("https://api.example.com/rest/", c.endpoints().rest());
            assertEquals("http://127.0.0.1:9/services/upload/", c.endpoints().upload(), "each endpoint can still be set alone");
        }
    }

    @Test
    void derivedClientsDoNotShareSettings() {
        try (FlickrClient a = client.newBuilder().token("token-a", "sa").build();
             FlickrClient b = client.newBuilder().apiKey("other-key").build()) {
            assertEquals("token-a", a.token());
            assertNull(b.token());
            assertEquals("the-key", a.apiKey());
            assertEquals("other-key", b.apiKey());
            assertNull(client.token());
            b.call("test.echo");
            assertEquals("other-key", params(only()).get("api_key"));
        }
    }

    @Test
    void aTokenTooWeakForTheMethodIsRefusedBeforeSending() {
        AccessToken reader = new AccessToken("tok-r", TOKEN_SECRET, "1@N01", "alice", "", Permission.READ);
        try (FlickrClient user = client.newBuilder().token(reader).build()) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> user.call("photos.delete", "photo_id", 1));
            assertEquals(List.of("flickr.photos.delete needs delete permission, but the token of alice has only read:"
                    + " log in again with delete permission and give the client the new token"),
                    e.problems());
            assertTrue(server.received().isEmpty());
            user.call("test.login"); // read is enough here
            assertEquals(1, server.received().size());
        }
    }

    @Test
    void aTokenOfUnknownPermissionIsLeftToFlickr() {
        try (FlickrClient user = client.newBuilder().token("tok", TOKEN_SECRET).build()) {
            user.call("photos.delete", "photo_id", 1);
            assertEquals("POST", only().verb());
        }
    }

    @Test
    void aRevokedTokenSaysToLogInAgain() {
        server.script(ScriptedServer.xml("<rsp stat=\"fail\"><err code=\"98\" msg=\"Invalid auth token\"/></rsp>"));
        try (FlickrClient user = client.newBuilder().token("revoked", TOKEN_SECRET).build()) {
            FlickrApiException e = assertThrows(FlickrApiException.class, () -> user.call("test.login"));
            assertEquals(98, e.code());
            assertTrue(e.getMessage().contains("Log in again and give the client the new token."), e.getMessage());
        }
    }

    @Test
    void toStringNeverShowsSecrets() {
        try (FlickrClient user = client.newBuilder().token("tok", TOKEN_SECRET).build()) {
            String s = user.toString();
            assertFalse(s.contains(SECRET) || s.contains(TOKEN_SECRET), s);
            assertTrue(s.contains("the-key"));
            assertNotEquals(-1, s.indexOf("secret=(set)"));
        }
    }

    /** RFC 5849 HMAC-SHA1, computed here without the library's signer. */
    static String independentOauthSignature(String verb, String url, Map<String, String> params, String consumerSecret,
                                            String tokenSecret) throws Exception {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("oauth_signature")) {
                sorted.put(rfc3986(k), rfc3986(v));
            }
        });
        StringBuilder norm = new StringBuilder();
        sorted.forEach((k, v) -> norm.append(norm.length() == 0 ? "" : "&").append(k).append('=').append(v));
        String base = verb + "&" + rfc3986(url) + "&" + rfc3986(norm.toString());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((rfc3986(consumerSecret) + "&" + rfc3986(tokenSecret)).getBytes(StandardCharsets.UTF_8),
                "HmacSHA1"));
        return java.util.Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    }

    private static String rfc3986(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
