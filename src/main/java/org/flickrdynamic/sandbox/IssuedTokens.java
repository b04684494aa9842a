package org.flickrdynamic.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.flickrdynamic.table.Permission;

/**
 * The access tokens a sandbox has issued, by token value. One token is both an OAuth access token
 * (sent as {@code oauth_token}, signed with its secret) and a legacy {@code auth_token}, as on Flickr,
 * where a token from either flow reaches the same account.
 *
 * <p>Login flows (OAuth request tokens and verifiers, legacy frobs) end by calling {@link #issue}; the
 * short-lived values they pass around before that belong in stores of their own, so this one only ever
 * holds tokens that may call the API. Thread-safe.
 */
final class IssuedTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SandboxToken> tokens = new ConcurrentHashMap<>();

    /** Issues a fresh token for a user: unguessable values, shaped like Flickr's. */
    SandboxToken issue(SandboxUser user, Permission permission) {
        HexFormat hex = HexFormat.of();
        // Flickr's access tokens read "72157...-hex"; the secret is 16 hex digits.
        SandboxToken token = new SandboxToken("72157" + hex.formatHex(bytes(8)) + "-" + hex.formatHex(bytes(4)),
                hex.formatHex(bytes(8)), user.nsid(), user.username(), permission);
        tokens.put(token.token(), token);
        return token;
    }

    /** The token with this value, or {@code null} when the sandbox never issued it (or revoked it). */
    SandboxToken find(String token) {
        return token == null ? null : tokens.get(token);
    }

    /** Forgets a token: later calls with it are answered 98. */
    void revoke(String token) {
        tokens.remove(token);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
