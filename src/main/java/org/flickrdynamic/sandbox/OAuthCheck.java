package org.flickrdynamic.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.internal.sign.OAuth1Signer;

/**
 * Verifies one OAuth 1.0a request, the same way for the REST endpoint and for the three token
 * endpoints: the protocol parameters are there, the signature method is HMAC-SHA1, the signature
 * verifies (with the library's own signing functions), and then the timestamp and nonce pass the
 * {@link NonceWindow}. Replay is checked after the signature, so a forged request cannot use up a
 * nonce that its honest sender is about to send.
 *
 * <p>The signature may cover the URL the client addressed, or Flickr's own URL for the same path
 * ({@code https://api.flickr.com}, {@code up.flickr.com} or {@code www.flickr.com}): a client whose only
 * change is its transport (flickr-sdk's, which keeps signing for Flickr's hosts) is accepted as it is.
 * {@code oauth_version} is optional (RFC 5849 §3.1): absent, empty, {@code 1.0}, or {@code 1.0a} (the
 * revision's name, which some clients send there) pass; another version is {@code version_rejected}.
 */
final class OAuthCheck {
    /** Flickr's own hosts, whose URLs a signature may cover in place of the sandbox's. */
    private static final List<String> FLICKR_ORIGINS = List.of("https://api.flickr.com", "https://up.flickr.com",
            "https://www.flickr.com");
    private static final java.util.Set<String> ACCEPTED_VERSIONS = java.util.Set.of("", OAuth1Signer.VERSION, "1.0a");
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
        if (!ACCEPTED_VERSIONS.contains(params.getOrDefault("oauth_version", ""))) {
            throw OAuthProblem.of("version_rejected");
        }
        String base = OAuth1Signer.baseString(verb, url, params);
        if (!signs(base, params, tokenSecret) && !signsForFlickr(verb, url, params, tokenSecret)) {
            throw new OAuthProblem(401, "oauth_problem=signature_invalid&debug_sbs=" + base);
        }
        nonces.admit(params.get("oauth_consumer_key"), params.get("oauth_timestamp"), params.get("oauth_nonce"));
    }

    private boolean signs(String base, Map<String, String> params, String tokenSecret) {
        byte[] expected = OAuth1Signer.signature(base, consumerSecret, tokenSecret).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, params.get("oauth_signature").getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the signature covers Flickr's own URL for the path the client addressed. */
    private boolean signsForFlickr(String verb, String url, Map<String, String> params, String tokenSecret) {
        String path = URI.create(url).getRawPath();
        for (String origin : FLICKR_ORIGINS) {
            if (signs(OAuth1Signer.baseString(verb, origin + path, params), params, tokenSecret)) {
                return true;
            }
        }
        return false;
    }
}
