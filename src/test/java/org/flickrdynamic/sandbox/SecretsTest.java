package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No answer, record or string of the sandbox repeats a secret, a token secret or a signature. */
class SecretsTest {
    private static Sandbox sandbox;
    private static SandboxHttp http;
    private static SandboxToken token;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new SandboxHttp(sandbox);
        token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.DELETE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void noAnswerRepeatsASecretOrASignature() throws Exception {
        List<Map<String, String>> requests = new ArrayList<>();
        requests.add(http.oauth(http.call("flickr.test.echo", "x", "1"), token));
        requests.add(http.legacy(http.call("flickr.test.echo", "x", "1"), token));
        requests.add(http.oauth(http.call("flickr.test.login"), token));
        requests.add(http.legacy(http.call("flickr.photos.search", "user_id", "me", "per_page", "5"), token));
        Map<String, String> badOauth = http.oauth(http.call("flickr.test.echo"), token);
        badOauth.put("oauth_signature", badOauth.get("oauth_signature").replace('A', 'B').replace('a', 'b') + "x");
        requests.add(badOauth);
        Map<String, String> badLegacy = http.legacy(http.call("flickr.test.echo"), token);
        badLegacy.put("api_sig", "f".repeat(32));
        requests.add(badLegacy);
        SandboxToken forged = new SandboxToken("nope", token.tokenSecret(), token.userNsid(), "x", Permission.READ);
        requests.add(http.oauth(http.call("flickr.test.login"), forged));
        requests.add(http.legacy(http.call("flickr.test.login"), forged));
        for (Map<String, String> r : requests) {
            for (HttpResponse<String> answer : List.of(http.get(r), http.post(r))) {
                String body = answer.body();
                assertFalse(body.contains(sandbox.secret()), body);
                assertFalse(body.contains(token.tokenSecret()), body);
                for (String sig : List.of("oauth_signature", "api_sig")) {
                    if (r.containsKey(sig)) {
                        assertFalse(body.contains(r.get(sig)), sig + " repeated: " + body);
                        assertFalse(body.contains("<" + sig + ">"), body);
                    }
                }
            }
        }
    }

    @Test
    void recordsAndTokensHideTheirSecretsWhenPrinted() throws Exception {
        sandbox.clearRequests();
        Map<String, String> signed = http.oauth(http.call("flickr.test.echo"), token);
        Map<String, String> legacy = http.legacy(http.call("flickr.test.echo"), token);
        http.get(signed);
        http.get(legacy);
        List<RecordedRequest> recorded = sandbox.requests();
        assertEquals(signed.get("oauth_signature"), recorded.get(0).param("oauth_signature"), "the record itself is exact");
        assertFalse(recorded.get(0).toString().contains(signed.get("oauth_signature")), recorded.get(0).toString());
        assertFalse(recorded.get(1).toString().contains(legacy.get("api_sig")), recorded.get(1).toString());
        assertTrue(recorded.get(1).toString().contains("api_sig=(hidden)"));
        assertFalse(token.toString().contains(token.tokenSecret()));
    }

    /** The client reads the sandbox's 401 and shows both base strings, so the two agree on its format. */
    @Test
    void theClientExplainsARejectedSignatureWithTheSandboxsBaseString() {
        try (FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .secret("not-the-secret").signed(true).build()) {
            FlickrTransportException e = org.junit.jupiter.api.Assertions.assertThrows(FlickrTransportException.class,
                    () -> client.call("flickr.test.echo", "a", "b"));
            assertTrue(e.getMessage().contains("Flickr's base string: GET&http%3A%2F%2F127.0.0.1%3A" + sandbox.port()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("the base strings are equal: the keys or secrets differ"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-secret") || e.getMessage().contains(sandbox.secret()));
        }
    }
}
