package org.flickrdynamic.sandbox;

import java.util.Map;

import org.flickrdynamic.internal.sign.LegacyMd5Signer;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;

/**
 * The sandbox's checks of a REST call, in the order Flickr makes them, each with Flickr's answer:
 * <ol>
 * <li>{@code method} given, with its full {@code flickr.} name, and in the table: else
 *     112 {@code Method "xxx" not found}.</li>
 * <li>{@code api_key} or {@code oauth_consumer_key} is the sandbox's key (both, when both are sent):
 *     else 100 {@code Invalid API Key (Key has invalid format)}.</li>
 * <li>With {@code oauth_signature}: an {@code oauth_token} sent must be one the sandbox minted and this
 *     instance has not revoked (else 98 {@code Invalid auth token}); then {@link OAuthCheck}: the signature
 *     must be the HMAC-SHA1 of the RFC 5849 base string of the request as received, keyed with the API
 *     secret and that token's secret, else HTTP 401 with the {@code text/plain} body
 *     {@code oauth_problem=signature_invalid&debug_sbs=<base string>}, as Flickr answers, so a client can
 *     show the server's base string beside its own; then the replay and clock rules of {@link NonceWindow}.</li>
 * <li>With {@code api_sig}: it must be the legacy MD5 signature (else 96 {@code Invalid signature}), and an
 *     {@code auth_token} sent must be one the sandbox issued (else 98).</li>
 * <li>A token sent without a signature, or a method the table marks as needing signing called without
 *     one: 97 {@code Missing signature}.</li>
 * <li>A method that needs login, called without a token or with one whose permission does not cover the
 *     method's: 99 {@code Insufficient permissions. Method requires read privileges; none granted.}
 *     (naming the method's permission, and the token's when there is one).</li>
 * <li>The table's required arguments: see {@link RequiredArguments}.</li>
 * </ol>
 * Signatures are verified with the library's own {@code sign} functions, which are proven separately
 * against RFC 5849's and Flickr's published examples. No answer ever repeats a secret or a signature.
 */
final class Gatekeeper {
    /** A request the sandbox accepted: its method and the token it came with (or {@code null}). */
    record Admitted(MethodSpec method, SandboxToken token) {
        /** The nsid of the user the call acts for, or {@code null} when nobody is logged in. */
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
     * @throws Fail     with Flickr's code when a check fails
     * @throws OAuthProblem when an OAuth signature does not verify, or replays a nonce
     */
    Admitted admit(String verb, String url, Map<String, String> params) {
        String name = params.get("method");
        MethodSpec method = name == null || !name.startsWith(MethodSpec.PREFIX) ? null : table.find(name).orElse(null);
        if (method == null) {
            throw new Fail(112, "Method \"" + (name == null ? "" : name) + "\" not found");
        }
        return admit(method, verb, url, params);
    }

    /**
     * Checks a request for a method known apart from the table (the upload and replace endpoints): the
     * same checks from the API key on.
     */
    Admitted admit(MethodSpec method, String verb, String url, Map<String, String> params) {
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
        } else if (params.containsKey("auth_token")
                || params.containsKey("oauth_token") && method.argument("oauth_token").isEmpty()) {
            // A token is only honoured on a signed call; checkToken's oauth_token is an argument, not a login.
            throw new Fail(97, "Missing signature");
        }
        if (method.needsSigning() && !signed) {
            throw new Fail(97, "Missing signature");
        }
        if (method.needsLogin()) {
            // A method that needs login but names no permission still needs a token that can read.
            Permission needed = method.permission() == Permission.NONE ? Permission.READ : method.permission();
            if (token == null || !token.permission().covers(needed)) {
                throw new Fail(99, "Insufficient permissions. Method requires " + needed.word() + " privileges; "
                        + (token == null ? "none" : token.permission().word()) + " granted.");
            }
        }
        RequiredArguments.check(method, params);
        return new Admitted(method, token);
    }

    /** The token a request names in {@code param}, or {@code null} when it names none; an unknown one is 98. */
    private SandboxToken token(Map<String, String> params, String param) {
        String value = params.get(param);
        if (value == null) {
            return null;
        }
        SandboxToken token = mint.open(value);
        if (token == null) {
            throw new Fail(98, "Invalid auth token");
        }
        return token;
    }
}
