package org.flickrdynamic.internal.sign;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guards both signers share. Messages name what is missing and how to set it, and never show a
 * secret, a token secret or a parameter's value.
 */
final class Checks {

    private Checks() {
    }

    /** Fails unless the credentials carry an API key and a secret. */
    static void requireSigningKeys(Credentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("cannot sign the request: no credentials were given");
        }
        if (credentials.apiKey() == null || credentials.apiKey().isEmpty()) {
            throw new IllegalStateException("cannot sign the request: no API key is set"
                    + " (Flickr.currentApiKey(...) or FlickrClient.builder().apiKey(...))");
        }
        if (!credentials.canSign()) {
            throw new IllegalStateException("cannot sign the request: no API secret is set"
                    + " (Flickr.currentSecKey(...) or FlickrClient.builder().secret(...))");
        }
    }

    /**
     * A mutable copy of the request's parameters, in their order, after checking that no name or value
     * is {@code null}; the signers add to the copy so the caller's map is never touched.
     */
    static Map<String, String> copyOf(Map<String, String> params) {
        if (params == null) {
            throw new IllegalArgumentException("cannot sign the request: no parameter map was given");
        }
        Map<String, String> copy = new LinkedHashMap<>(Math.max(16, params.size() * 2));
        params.forEach((name, value) -> {
            if (name == null) {
                throw new IllegalArgumentException("cannot sign the request: a parameter has no name");
            }
            if (value == null) {
                throw new IllegalArgumentException("cannot sign the request: parameter '" + name + "' has no value");
            }
            copy.put(name, value);
        });
        return copy;
    }

    /** Fails if the caller already put the scheme's signature parameter in: signing twice is a bug upstream. */
    static void requireUnsigned(Map<String, String> params, String signatureName) {
        if (params.containsKey(signatureName)) {
            throw new IllegalArgumentException("cannot sign the request: it already carries " + signatureName
                    + "; leave the signature parameter to the signer");
        }
    }
}
