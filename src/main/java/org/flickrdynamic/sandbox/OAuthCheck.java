package org.flickrdynamic.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.sign.OAuth1Signer;

/**
 * Verifies one OAuth 1.0a request, the same way for the REST endpoint and for the three token
 * endpoints: the protocol parameters are there, the signature method is HMAC-SHA1, the signature
 * verifies (with the library's own signing functions), and then the timestamp and nonce pass the
 * {@link NonceWindow}. Replay is checked after the signature, so a forged request cannot use up a
 * nonce that its honest sender is about to send.
 */
final class OAuthCheck {
    private static final List<String> REQUIRED = List.of("oauth_consumer_key", "oauth_nonce", "oauth_signature",
            "oauth_signature_method", "oauth_timestamp");

    private final String consumerSecret;
    private final NonceWindow nonces;

    OAuthCheck(String consumerSecret, NonceWindow nonces) {
        this.consumerSecret = consumerSecret;
        this.nonces = nonces;
    }

    /**
     * @param url         the URL the client addressed, without query
     * @param tokenSecret the secret of the token the request carries; {@code ""} for none
     */
    void verify(String verb, String url, Map<String, String> params, String tokenSecret) {
        List<String> absent = new ArrayList<>();
        for (String name : REQUIRED) {
            if (!params.containsKey(name)) {
                absent.add(name);
            }
        }
        if (!absent.isEmpty()) {
            throw OAuthProblem.absent(String.join(",", absent));
        }
        if (!OAuth1Signer.SIGNATURE_METHOD.equals(params.get("oauth_signature_method"))) {
            throw OAuthProblem.of("signature_method_rejected");
        }
        if (params.containsKey("oauth_version") && !OAuth1Signer.VERSION.equals(params.get("oauth_version"))) {
            throw OAuthProblem.of("version_rejected");
        }
        String base = OAuth1Signer.baseString(verb, url, params);
        byte[] expected = OAuth1Signer.signature(base, consumerSecret, tokenSecret).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, params.get("oauth_signature").getBytes(StandardCharsets.UTF_8))) {
            throw new OAuthProblem(401, "oauth_problem=signature_invalid&debug_sbs=" + base);
        }
        nonces.admit(params.get("oauth_consumer_key"), params.get("oauth_timestamp"), params.get("oauth_nonce"));
    }
}
