package org.flickrdynamic.internal.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OAuth 1.0a signing against published worked examples. Every expected value below is copied from the
 * document named in the test, not produced by this code.
 */
class OAuth1VectorsTest {

    // RFC 5849 §1.2: the "photos.example.net" client and its tokens.
    private static final String RFC_CONSUMER_KEY = "dpf43f3p2l4k3l03";
    private static final String RFC_CONSUMER_SECRET = "kd94hf93k423kf44";

    /** RFC 5849 §1.2, temporary credentials request: two-legged, so the key is "secret&". */
    @Test
    void rfc5849TemporaryCredentialsRequest() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_consumer_key", RFC_CONSUMER_KEY);
        params.put("oauth_signature_method", "HMAC-SHA1");
        params.put("oauth_timestamp", "137131200");
        params.put("oauth_nonce", "wIjqoS");
        params.put("oauth_callback", "http://printer.example.com/ready");

        String base = OAuth1Signer.baseString("POST", "https://photos.example.net/initiate", params);
        assertEquals("74KNZJeDHnMBp0EMJ9ZHt/XKycU=", OAuth1Signer.signature(base, RFC_CONSUMER_SECRET, null));
        assertEquals("74KNZJeDHnMBp0EMJ9ZHt/XKycU=", OAuth1Signer.signature(base, RFC_CONSUMER_SECRET, ""));
    }

    /** RFC 5849 §1.2, token request, signed with the temporary token's secret. */
    @Test
    void rfc5849TokenRequest() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_consumer_key", RFC_CONSUMER_KEY);
        params.put("oauth_token", "hh5s93j4hdidpola");
        params.put("oauth_signature_method", "HMAC-SHA1");
        params.put("oauth_timestamp", "137131201");
        params.put("oauth_nonce", "walatlh");
        params.put("oauth_verifier", "hfdp7dh39dks9884");

        String base = OAuth1Signer.baseString("POST", "https://photos.example.net/token", params);
        assertEquals("gKgrFCywp7rO0OXSjdot/IHF7IU=", OAuth1Signer.signature(base, RFC_CONSUMER_SECRET, "hdhd0244k9j7ao03"));
    }

    /**
     * RFC 5849 §1.2, the protected resource request with the access token. The RFC's request carries no
     * oauth_version, which {@link OAuth1Signer#sign} always adds, so this vector goes through the two
     * static halves; {@link #oauthCoreAppendixA5EndToEnd()} covers the same request through sign().
     */
    @Test
    void rfc5849ProtectedResourceRequest() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("file", "vacation.jpg");
        params.put("size", "original");
        params.put("oauth_consumer_key", RFC_CONSUMER_KEY);
        params.put("oauth_token", "nnch734d00sl2jdk");
        params.put("oauth_signature_method", "HMAC-SHA1");
        params.put("oauth_timestamp", "137131202");
        params.put("oauth_nonce", "chapoH");

        String base = OAuth1Signer.baseString("GET", "http://photos.example.net/photos", params);
        assertEquals("MdpQcU8iPSUjWoN/UDMsK2sui9I=", OAuth1Signer.signature(base, RFC_CONSUMER_SECRET, "pfkkdhi9sl3r4s00"));
    }

    /**
     * OAuth Core 1.0 (and 1.0a), Appendix A.5.1 and A.5.2: the same photos.example.net request with
     * oauth_version=1.0, nonce kllo9940pd9333jh and timestamp 1191242096, signed end to end.
     */
    @Test
    void oauthCoreAppendixA5EndToEnd() {
        Signer signer = new OAuth1Signer(() -> "kllo9940pd9333jh", fixedClock(1191242096L));
        Credentials credentials = new Credentials(RFC_CONSUMER_KEY, RFC_CONSUMER_SECRET, "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00");
        Map<String, String> params = Map.of("file", "vacation.jpg", "size", "original");

        Map<String, String> signed = signer.sign("GET", "http://photos.example.net/photos", params, credentials);

        assertEquals("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03"
                        + "%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096"
                        + "%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal",
                OAuth1Signer.baseString("GET", "http://photos.example.net/photos", signed));
        assertEquals("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", signed.get("oauth_signature"));
        assertEquals(Map.of(
                "file", "vacation.jpg",
                "size", "original",
                "oauth_consumer_key", RFC_CONSUMER_KEY,
                "oauth_token", "nnch734d00sl2jdk",
                "oauth_nonce", "kllo9940pd9333jh",
                "oauth_timestamp", "1191242096",
                "oauth_signature_method", "HMAC-SHA1",
                "oauth_version", "1.0",
                "oauth_signature", "tR3+Ty81lMeYAr/Fid0kMTYa/WM="), signed);
    }

    /**
     * RFC 5849 §3.4.1.1 (base string) and §3.4.1.3.2 (normalized parameters): query, form body and
     * header parameters of the example.com request, with the name a3 given twice. The realm of the
     * Authorization header is not a parameter (§3.4.1.3.1). The RFC gives no secrets for this request,
     * so its signature (bYT5CMsGcbgUdFHObYMEfcx6bsw=) cannot be checked here.
     */
    @Test
    void rfc5849BaseStringWithRepeatedName() {
        List<Map.Entry<String, String>> params = List.of(
                Map.entry("b5", "=%3D"),
                Map.entry("a3", "a"),
                Map.entry("c@", ""),
                Map.entry("a2", "r b"),
                Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"),
                Map.entry("oauth_token", "kkk9d7dh3k39sjv7"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", "137131201"),
                Map.entry("oauth_nonce", "7d8f3e4a"),
                Map.entry("oauth_signature", "bYT5CMsGcbgUdFHObYMEfcx6bsw="),
                Map.entry("c2", ""),
                Map.entry("a3", "2 q"));

        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D"
                        + "%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a"
                        + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
                OAuth1Signer.baseString("POST", "http://example.com/request", params));
    }

    /** RFC 5849 §3.4.1.2: the two base string URI examples. */
    @Test
    void rfc5849BaseStringUri() {
        assertEquals("http://example.com/r%20v/X", OAuth1Signer.baseStringUri("HTTP://EXAMPLE.COM:80/r%20v/X?id=123"));
        assertEquals("https://www.example.net:8080/", OAuth1Signer.baseStringUri("https://www.example.net:8080/?q=1"));
    }

    /**
     * Flickr's "User Authentication" page (services/api/auth.oauth.html), "Signing Requests": the
     * request_token example. The page prints this base string, with the https endpoint.
     */
    @Test
    void flickrRequestTokenBaseString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_nonce", "95613465");
        params.put("oauth_timestamp", "1305586162");
        params.put("oauth_consumer_key", "653e7a6ecc1d528c516cc8f92cf98611");
        params.put("oauth_signature_method", "HMAC-SHA1");
        params.put("oauth_version", "1.0");
        params.put("oauth_callback", "http://www.example.com");

        assertEquals("GET&https%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token&oauth_callback%3Dhttp%253A%252F%252Fwww.example.com"
                        + "%26oauth_consumer_key%3D653e7a6ecc1d528c516cc8f92cf98611%26oauth_nonce%3D95613465"
                        + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1305586162%26oauth_version%3D1.0",
                OAuth1Signer.baseString("GET", "https://www.flickr.com/services/oauth/request_token", params));
    }

    /**
     * The signature Flickr's page gives for that example, 7w18YS2bONDPL/zgyzP5XTr5af4=. The page does not
     * print the consumer secret, and its signature belongs to the page's earlier http:// endpoint: it is
     * reproduced with the secret a9567d986a7539fe that flickcurl's OAuth self-test pairs with this
     * example, over the http:// base string, as a two-legged request (key "secret&").
     */
    @Test
    void flickrRequestTokenSignatureEndToEnd() {
        Signer signer = new OAuth1Signer(() -> "95613465", fixedClock(1305586162L));
        Credentials credentials = new Credentials("653e7a6ecc1d528c516cc8f92cf98611", "a9567d986a7539fe", null, null);

        Map<String, String> signed = signer.sign("GET", "http://www.flickr.com/services/oauth/request_token",
                Map.of("oauth_callback", "http://www.example.com"), credentials);

        assertEquals("7w18YS2bONDPL/zgyzP5XTr5af4=", signed.get("oauth_signature"));
        assertEquals("7w18YS2bONDPL%2FzgyzP5XTr5af4%3D", Percent.encode(signed.get("oauth_signature")));
    }

    static Clock fixedClock(long unixSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC);
    }
}
