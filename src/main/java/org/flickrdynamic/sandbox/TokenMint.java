package org.flickrdynamic.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.flickrdynamic.table.Permission;

/**
 * Makes and reads the sandbox's access tokens. A token carries its user and permission in the clear and
 * is authenticated by an HMAC keyed with the sandbox secret, and its token secret is derived from it with
 * the same key. Nothing is stored, so every sandbox, in any JVM, accepts a token any other one issued:
 * a login made against one {@code bin/flickr --sandbox} run still works in the next.
 *
 * <p>Format: {@code 72157-<8 hex, random>-<nsid with @ written _>-<perm>-<24 hex HMAC>}, for example
 * {@code 72157-3fa9c2d1-12037949754_N01-write-9c1e...}. The random part makes two tokens of one user
 * differ, so revoking one leaves the other working. Revocation is the one piece of state, kept per instance.
 */
final class TokenMint {
    static final String PREFIX = "72157";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final DataSet data;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    TokenMint(String secret, DataSet data) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.data = data;
    }

    /** A new token for a user of the data set. */
    SandboxToken issue(SandboxUser user, Permission permission) {
        if (user.nsid().indexOf('-') >= 0 || user.nsid().indexOf('_') >= 0) {
            // '-' separates the fields and '_' stands for '@': such an id could not be read back.
            throw new IllegalArgumentException("user id cannot be carried in a token: " + user.nsid());
        }
        byte[] serial = new byte[4];
        RANDOM.nextBytes(serial);
        String body = PREFIX + "-" + HEX.formatHex(serial) + "-" + user.nsid().replace('@', '_') + "-" + permission.word();
        String token = body + "-" + mac("token\n" + body, 12);
        return new SandboxToken(token, secretOf(token), user.nsid(), user.username(), permission);
    }

    /** The token read back, or {@code null} when it is forged, malformed, for an unknown user, or revoked. */
    SandboxToken open(String token) {
        int cut = token.lastIndexOf('-');
        if (cut < 0 || revoked.contains(token)) {
            return null;
        }
        String body = token.substring(0, cut);
        byte[] expected = mac("token\n" + body, 12).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(cut + 1).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        String[] parts = body.split("-", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return null;
        }
        SandboxUser user = data.user(parts[2].replace('_', '@'));
        Permission permission = Permission.fromWord(parts[3], null);
        return user == null || permission == null ? null : new SandboxToken(token, secretOf(token), user.nsid(), user.username(), permission);
    }

    /** From now on this instance answers the token with 98; other instances are not told. */
    void revoke(String token) {
        revoked.add(token);
    }

    private String secretOf(String token) {
        return mac("secret\n" + token, 8);
    }

    private String mac(String text, int bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest, 0, bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available on this Java runtime", e);
        }
    }
}
