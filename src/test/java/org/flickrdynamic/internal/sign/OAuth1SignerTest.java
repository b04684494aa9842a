package org.flickrdynamic.internal.sign;

import static org.flickrdynamic.internal.sign.OAuth1VectorsTest.fixedClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class OAuth1SignerTest {

    private static final String URL = "https://api.flickr.com/services/rest/";
    private static final String SECRET = "s3cr3t-api";
    private static final String TOKEN_SECRET = "t0k3n-s3cr3t";
    private static final Credentials TWO_LEGGED = new Credentials("key", SECRET, null, null);
    private static final Credentials WITH_TOKEN = new Credentials("key", SECRET, "72157-token", TOKEN_SECRET);

    private final Signer fixed = new OAuth1Signer(() -> "n0nce", fixedClock(1700000000L));

    @Test
    void addsTheOauthParametersAndKeepsTheOthers() {
        Map<String, String> signed = fixed.sign("GET", URL, Map.of("method", "flickr.test.echo"), WITH_TOKEN);

        assertEquals("flickr.test.echo", signed.get("method"));
        assertEquals("key", signed.get("oauth_consumer_key"));
        assertEquals("n0nce", signed.get("oauth_nonce"));
        assertEquals("1700000000", signed.get("oauth_timestamp"));
        assertEquals("HMAC-SHA1", signed.get("oauth_signature_method"));
        assertEquals("1.0", signed.get("oauth_version"));
        assertEquals("72157-token", signed.get("oauth_token"));
        assertEquals(8, signed.size());
    }

    @Test
    void theSignatureVerifiesWithTheStaticFunctions() {
        Map<String, String> signed = fixed.sign("POST", URL, Map.of("title", "café & crème 📷", "tags", "a+b c*"), WITH_TOKEN);

        String base = OAuth1Signer.baseString("POST", URL, signed);
        assertEquals(signed.get("oauth_signature"), OAuth1Signer.signature(base, SECRET, TOKEN_SECRET));
        assertTrue(base.contains("title%3Dcaf%25C3%25A9%2520%2526%2520cr%25C3%25A8me%2520%25F0%259F%2593%25B7"), base);
        assertTrue(base.contains("tags%3Da%252Bb%2520c%252A"), base);
    }

    @Test
    void twoLeggedSignsWithSecretAmpersand() throws Exception {
        Map<String, String> signed = fixed.sign("GET", URL, Map.of("method", "flickr.test.echo"), TWO_LEGGED);

        assertFalse(signed.containsKey("oauth_token"));
        String base = OAuth1Signer.baseString("GET", URL, signed);
        assertEquals(hmacSha1Base64(SECRET + "&", base), signed.get("oauth_signature"));
    }

    @Test
    void signingKeyEncodesBothSecrets() throws Exception {
        String base = "GET&x&y";
        assertEquals(hmacSha1Base64("a%26b%20c&d%2Be", base), OAuth1Signer.signature(base, "a&b c", "d+e"));
        assertEquals(hmacSha1Base64("&", base), OAuth1Signer.signature(base, "", null));
    }

    @Test
    void doesNotModifyTheCallersMap() {
        Map<String, String> params = new HashMap<>(Map.of("method", "flickr.test.echo", "foo", "bar"));
        Map<String, String> before = Map.copyOf(params);

        Map<String, String> signed = fixed.sign("GET", URL, params, WITH_TOKEN);

        assertEquals(before, params);
        signed.put("extra", "1"); // the result is the caller's own map
        assertEquals(before, params);
    }

    @Test
    void defaultsUseARandomNonceAndTheCurrentSecond() {
        Signer signer = new OAuth1Signer();
        long before = Instant.now().getEpochSecond();
        Map<String, String> first = signer.sign("GET", URL, Map.of(), TWO_LEGGED);
        Map<String, String> second = signer.sign("GET", URL, Map.of(), TWO_LEGGED);
        long after = Instant.now().getEpochSecond();

        assertNotEquals(first.get("oauth_nonce"), second.get("oauth_nonce"));
        assertTrue(first.get("oauth_nonce").matches("[0-9a-f]{32}"), first.get("oauth_nonce"));
        long timestamp = Long.parseLong(first.get("oauth_timestamp"));
        assertTrue(before <= timestamp && timestamp <= after, first.get("oauth_timestamp"));
    }

    @Test
    void callerGivenOauthParametersAreSignedAsGiven() {
        Map<String, String> params = Map.of("oauth_nonce", "mine", "oauth_callback", "oob", "oauth_timestamp", "42");

        Map<String, String> signed = fixed.sign("GET", URL, params, TWO_LEGGED);

        assertEquals("mine", signed.get("oauth_nonce"));
        assertEquals("42", signed.get("oauth_timestamp"));
        assertEquals("oob", signed.get("oauth_callback"));
        String base = OAuth1Signer.baseString("GET", URL, signed);
        assertEquals(OAuth1Signer.signature(base, SECRET, null), signed.get("oauth_signature"));
    }

    @Test
    void refusesAnExistingSignatureAndUnsupportedMethods() {
        IllegalArgumentException signedTwice = assertThrows(IllegalArgumentException.class,
                () -> fixed.sign("GET", URL, Map.of("oauth_signature", "c2lnbmF0dXJl"), TWO_LEGGED));
        assertTrue(signedTwice.getMessage().contains("oauth_signature"), signedTwice.getMessage());
        assertFalse(signedTwice.getMessage().contains("c2lnbmF0dXJl"), signedTwice.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> fixed.sign("GET", URL, Map.of("oauth_signature_method", "PLAINTEXT"), TWO_LEGGED));
        assertThrows(IllegalArgumentException.class,
                () -> fixed.sign("GET", URL, Map.of("oauth_version", "2.0"), TWO_LEGGED));
    }

    @Test
    void baseStringExcludesTheSignatureAndTheQuery() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("b", "2");
        params.put("a", "1");
        params.put("oauth_signature", "ignored");
        assertEquals("GET&http%3A%2F%2Fexample.com%2F&a%3D1%26b%3D2",
                OAuth1Signer.baseString("get", "http://Example.com?z=26#frag", params));
    }

    @Test
    void baseStringSortsByEncodedNameThenValue() {
        // Encoded, "a%20b" < "a-b" < "a~" (0x25 < 0x2D < 0x7E); repeated names sort by value.
        List<Map.Entry<String, String>> params = List.of(
                Map.entry("a~", "1"), Map.entry("a b", "1"), Map.entry("a-b", "1"),
                Map.entry("x", "b"), Map.entry("x", "a"), Map.entry("x", "A"));
        assertEquals("GET&http%3A%2F%2Fh%2F&a%2520b%3D1%26a-b%3D1%26a~%3D1%26x%3DA%26x%3Da%26x%3Db",
                OAuth1Signer.baseString("GET", "http://h/", params));
    }

    @Test
    void mapAndPairOverloadsAgree() {
        Map<String, String> params = Map.of("method", "flickr.photos.search", "text", "a b", "oauth_nonce", "n");
        assertEquals(OAuth1Signer.baseString("POST", URL, params),
                OAuth1Signer.baseString("POST", URL, List.copyOf(params.entrySet())));
    }

    @Test
    void baseStringUriKeepsOtherPortsAndDropsUserInfo() {
        assertEquals("http://127.0.0.1:8080/services/rest/", OAuth1Signer.baseStringUri("http://127.0.0.1:8080/services/rest/"));
        assertEquals("https://api.flickr.com/services/rest/", OAuth1Signer.baseStringUri("https://API.Flickr.com:443/services/rest/"));
        assertEquals("http://h:443/", OAuth1Signer.baseStringUri("http://h:443"));
        assertEquals("http://h/p", OAuth1Signer.baseStringUri("http://user:pw@h/p"));
        assertThrows(IllegalArgumentException.class, () -> OAuth1Signer.baseStringUri("/services/rest/"));
        assertThrows(IllegalArgumentException.class, () -> OAuth1Signer.baseStringUri("http://bad host/"));
    }

    static String hmacSha1Base64(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
