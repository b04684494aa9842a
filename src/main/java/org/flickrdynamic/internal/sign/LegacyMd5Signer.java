package org.flickrdynamic.internal.sign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The original Flickr authentication scheme (the legacy "Authentication API spec", section 8,
 * "Signing"): {@code api_sig} is the lower-case hex MD5 of the secret followed by every parameter's
 * name and value, sorted by name. Flickr has retired it in favour of OAuth; it stays for servers and
 * scripts that still speak it, chosen with {@code Signing.LEGACY_MD5}.
 *
 * <p>{@link #sign} adds {@code api_key} (the credentials' key) and, when the credentials carry a token,
 * {@code auth_token}, unless the caller gave them already, and then {@code api_sig}. A legacy token has
 * no secret, so the token secret is ignored. A caller-given {@code api_sig} is refused, not replaced.
 *
 * <p>The class is stateless and thread-safe.
 */
public final class LegacyMd5Signer implements Signer {

    private static final String SIGNATURE = "api_sig";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public Map<String, String> sign(String httpMethod, String url, Map<String, String> params, Credentials credentials) {
        Checks.requireSigningKeys(credentials);
        Map<String, String> signed = Checks.copyOf(params);
        Checks.requireUnsigned(signed, SIGNATURE);
        signed.putIfAbsent("api_key", credentials.apiKey());
        if (credentials.hasToken()) {
            signed.putIfAbsent("auth_token", credentials.token());
        }
        signed.put(SIGNATURE, apiSig(credentials.secret(), signed));
        return signed;
    }

    /**
     * The legacy signature: MD5 over the UTF-8 bytes of {@code secret + name1 + value1 + name2 + value2 ...},
     * parameters sorted by name (by code point, which is UTF-8 byte order), {@code api_sig} left out,
     * in lower-case hex. Names and values are taken as they are, not percent-encoded.
     *
     * @param secret the API secret
     * @param params the request's parameters, {@code api_key} among them
     * @return 32 lower-case hex digits
     */
    public static String apiSig(String secret, Map<String, String> params) {
        if (secret == null) {
            throw new IllegalArgumentException("cannot sign the request: no API secret");
        }
        Objects.requireNonNull(params, "params");
        List<Map.Entry<String, String>> pairs = new ArrayList<>(params.size());
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getKey() == null || param.getValue() == null) {
                throw new IllegalArgumentException("cannot sign the request: parameter '" + param.getKey() + "' has no value");
            }
            if (!SIGNATURE.equals(param.getKey())) {
                pairs.add(Map.entry(param.getKey(), param.getValue())); // some maps reuse entry objects
            }
        }
        pairs.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        StringBuilder text = new StringBuilder(secret);
        for (Map.Entry<String, String> pair : pairs) {
            text.append(pair.getKey()).append(pair.getValue());
        }
        return hex(md5(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Code point order, which is the byte order of the UTF-8 text that gets hashed; {@link String#compareTo}
     * (UTF-16 order) differs from it for characters above U+FFFF.
     */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static byte[] md5(byte[] input) {
        try {
            return MessageDigest.getInstance("MD5").digest(input);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must ship MD5.
            throw new IllegalStateException("MD5 is not available on this Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[bytes[i] >> 4 & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
