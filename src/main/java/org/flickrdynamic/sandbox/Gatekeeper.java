package org.flickrdynamic.sandbox;

import java.util.Map;

import org.flickrdynamic.sign.LegacyMd5Signer;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;

/**
 * The sandbox's checks, in the order Flickr makes them: the method exists (112), the API key is known
 * (100), a signature present is valid (OAuth: HTTP 401 with {@code oauth_problem} and the base string
 * the sandbox computed, then the replay and clock rules of {@link NonceWindow}; legacy: 96), a token
 * present is one the sandbox minted and this instance has not revoked (98), a method that must be signed is
 * (97), a method that needs login has a token with enough permission (99), and the required arguments
 * are there. Signatures are verified with the library's own {@code sign} functions, which are proven
 * separately against the RFC 5849 and Flickr published examples.
 */
final class Gatekeeper {
    /** A request the sandbox accepted: its method and the user it acts for (or {@code null}). */
    record Admitted(MethodSpec method, SandboxToken token) {
        String viewer() {
            return token == null ? null : token.userNsid();
        }
    }

    private final MethodTable table;
    private final String apiKey;
    private final String secret;
    private final TokenMint mint;
    private final OAuthCheck oauth;

    Gatekeeper(MethodTable table, String apiKey, String secret, TokenMint mint, OAuthCheck oauth) {
        this.table = table;
        this.apiKey = apiKey;
        this.secret = secret;
        this.mint = mint;
        this.oauth = oauth;
    }

    /**
     * Checks a request to the REST endpoint.
     *
     * @param verb   the HTTP method
     * @param url    the URL the client addressed, without query (for the OAuth base string)
     * @param params the decoded parameters
     */
    Admitted admit(String verb, String url, Map<String, String> params) {
        String name = params.get("method");
        MethodSpec method = name == null || !name.startsWith(MethodSpec.PREFIX) ? null : table.find(name).orElse(null);
        if (method == null) {
            throw new Fail(112, "Method \"" + (name == null ? "" : name) + "\" not found");
        }
        String key = params.containsKey("oauth_consumer_key") ? params.get("oauth_consumer_key") : params.get("api_key");
        if (!apiKey.equals(key) || (params.containsKey("api_key") && !apiKey.equals(params.get("api_key")))) {
            throw new Fail(100, "Invalid API Key (Key has invalid format)");
        }
        SandboxToken token = null;
        boolean signed = false;
        if (params.containsKey("oauth_signature")) {
            token = token(params, "oauth_token");
            oauth.verify(verb, url, params, token == null ? "" : token.tokenSecret());
            signed = true;
        } else if (params.containsKey("api_sig")) {
            if (!LegacyMd5Signer.apiSig(secret, params).equals(params.get("api_sig"))) {
                throw new Fail(96, "Invalid signature");
            }
            token = token(params, "auth_token");
            signed = true;
        } else if (params.containsKey("auth_token") || params.containsKey("oauth_token")) {
            throw new Fail(97, "Missing signature");
        }
        if (method.needsSigning() && !signed) {
            throw new Fail(97, "Missing signature");
        }
        if (method.needsLogin()) {
            Permission needed = method.permission() == Permission.NONE ? Permission.READ : method.permission();
            if (token == null) {
                throw new Fail(99, "Insufficient permissions. Method requires " + needed.word()
                        + " privileges; none granted.");
            }
            if (!token.permission().covers(needed)) {
                throw new Fail(99, "Insufficient permissions. Method requires " + needed.word()
                        + " privileges; " + token.permission().word() + " granted.");
            }
        }
        requireArguments(method, params);
        return new Admitted(method, token);
    }

    /** The token a request names in {@code param}, or {@code null} when it names none; an unknown one is 98. */
    private SandboxToken token(Map<String, String> params, String param) {
        String t = params.get(param);
        if (t == null) {
            return null;
        }
        SandboxToken token = mint.open(t);
        if (token == null) {
            throw new Fail(98, "Invalid auth token");
        }
        return token;
    }

    /**
     * A missing required argument is answered the way Flickr answers it for most methods: with the
     * method's first documented error (photos.getInfo without photo_id says 1 "Photo not found"), or,
     * for a method that documents none, with code 1 naming the argument.
     */
    private void requireArguments(MethodSpec method, Map<String, String> params) {
        for (ArgumentSpec a : method.arguments()) {
            if (a.required() && !params.containsKey(a.name())) {
                ErrorSpec first = method.errors().stream().filter(e -> e.code() < 95).findFirst().orElse(null);
                throw first != null ? new Fail(first.code(), first.message())
                        : new Fail(1, "Required parameter " + a.name() + " is missing");
            }
        }
    }
}
