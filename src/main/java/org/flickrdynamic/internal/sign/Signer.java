package org.flickrdynamic.internal.sign;

import java.util.Map;

/**
 * One signing scheme: takes a request's parameters and returns them with the scheme's signature
 * parameters added ({@code oauth_*} for OAuth 1.0a, {@code api_sig} for the legacy MD5 scheme).
 */
public interface Signer {

    /**
     * Signs a request.
     *
     * @param httpMethod  {@code GET} or {@code POST}
     * @param url         the endpoint URL without query string
     * @param params      the request's parameters (names unique); not modified
     * @param credentials the keys to sign with; {@link Credentials#canSign()} must be true
     * @return a new map: every parameter of {@code params} plus the signature parameters
     */
    Map<String, String> sign(String httpMethod, String url, Map<String, String> params, Credentials credentials);
}
