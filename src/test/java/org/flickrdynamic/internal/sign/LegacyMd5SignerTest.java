package org.flickrdynamic.internal.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyMd5SignerTest {

    // The key and secret of Flickr's legacy authentication how-to pages.
    private static final String HOWTO_KEY = "9a0554259914a86fb9e7eb014e4e5d52";
    private static final String HOWTO_SECRET = "000005fab4534d05";

    private final Signer signer = new LegacyMd5Signer();

    /**
     * Flickr's "Desktop Applications How-To" (services/api/auth.howto.desktop.html), step 3: signing
     * flickr.auth.getFrob. The page's signature string is
     * 000005fab4534d05api_key9a0554259914a86fb9e7eb014e4e5d52methodflickr.auth.getFrob.
     */
    @Test
    void flickrDesktopHowToGetFrob() {
        Map<String, String> params = Map.of("method", "flickr.auth.getFrob", "api_key", HOWTO_KEY);
        assertEquals("8ad70cd3888ce493c8dde4931f7d6bd0", LegacyMd5Signer.apiSig(HOWTO_SECRET, params));
    }

    /**
     * Flickr's "Web Applications How-To" (services/api/auth.howto.web.html), step 3: the login link's
     * signature over 000005fab4534d05api_key9a0554259914a86fb9e7eb014e4e5d52permswrite.
     */
    @Test
    void flickrWebHowToLoginLink() {
        Map<String, String> params = Map.of("perms", "write", "api_key", HOWTO_KEY);
        assertEquals("a02506b31c1cd46c2e0b6380fb94eb3d", LegacyMd5Signer.apiSig(HOWTO_SECRET, params));
    }

    /**
     * Flickr's authentication spec (services/api/auth.spec.html), section 8: foo=1, bar=2, baz=3 sign as
     * "SECRETbar2baz3foo1". The spec's sample api_sig (1f3870be274f6c49b3e31a0c6728957f) only illustrates
     * the format and is not the MD5 of that string, so the expected value is the string's MD5 as
     * computed independently (for example with {@code printf %s SECRETbar2baz3foo1 | md5sum}).
     */
    @Test
    void flickrAuthSpecSortOrder() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("foo", "1");
        params.put("bar", "2");
        params.put("baz", "3");
        assertEquals("a626bf097044e8b6f7b9214f049f3cc7", LegacyMd5Signer.apiSig("SECRET", params));
    }

    @Test
    void signAddsApiKeyAuthTokenAndApiSig() {
        Credentials credentials = new Credentials("key", "shh", "72157-token", null);
        Map<String, String> params = Map.of("method", "flickr.test.echo", "title", "café 📷");

        Map<String, String> signed = signer.sign("POST", "https://api.flickr.com/services/rest/", params, credentials);

        assertEquals("key", signed.get("api_key"));
        assertEquals("72157-token", signed.get("auth_token"));
        // MD5 of the UTF-8 bytes of "shhapi_keykeyauth_token72157-tokenmethodflickr.test.echotitlecafé 📷".
        assertEquals("0522d83063f7b6623b85b8a7632c4a46", signed.get("api_sig"));
        assertEquals(5, signed.size());
    }

    @Test
    void givenApiKeyAndAuthTokenAreKept() {
        Credentials credentials = new Credentials(HOWTO_KEY, HOWTO_SECRET, "other-token", null);
        Map<String, String> params = Map.of("method", "flickr.auth.getFrob", "api_key", HOWTO_KEY, "auth_token", "given");

        Map<String, String> signed = signer.sign("GET", "https://api.flickr.com/services/rest/", params, credentials);

        assertEquals("given", signed.get("auth_token"));
        assertEquals(LegacyMd5Signer.apiSig(HOWTO_SECRET, params), signed.get("api_sig"));
    }

    @Test
    void withoutATokenNothingButApiKeyAndApiSigIsAdded() {
        Map<String, String> signed = signer.sign("GET", "https://api.flickr.com/services/rest/",
                Map.of("method", "flickr.auth.getFrob"), new Credentials(HOWTO_KEY, HOWTO_SECRET, null, null));

        assertEquals(Map.of("method", "flickr.auth.getFrob", "api_key", HOWTO_KEY,
                "api_sig", "8ad70cd3888ce493c8dde4931f7d6bd0"), signed);
    }

    @Test
    void apiSigLeavesItselfOut() {
        Map<String, String> params = Map.of("method", "flickr.auth.getFrob", "api_key", HOWTO_KEY, "api_sig", "stale");
        assertEquals("8ad70cd3888ce493c8dde4931f7d6bd0", LegacyMd5Signer.apiSig(HOWTO_SECRET, params));
    }

    @Test
    void namesSortByCodePoint() throws Exception {
        // "\uFFFD" is above the surrogates in UTF-16 but below U+1F4F7 in code point (and UTF-8 byte) order.
        String high = new String(Character.toChars(0x1F4F7));
        Map<String, String> params = new HashMap<>(Map.of(high, "1", "\uFFFD", "2"));
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("\uFFFD", "2");
        ordered.put(high, "1");
        assertEquals(LegacyMd5Signer.apiSig("s", ordered), LegacyMd5Signer.apiSig("s", params));
        assertEquals(md5Hex("s\uFFFD2" + high + "1"), LegacyMd5Signer.apiSig("s", params));
    }

    @Test
    void doesNotModifyTheCallersMapAndRefusesAnExistingSignature() {
        Map<String, String> params = new HashMap<>(Map.of("method", "flickr.test.echo"));
        signer.sign("GET", "https://api.flickr.com/services/rest/", params, new Credentials("key", "shh", "t", null));
        assertEquals(Map.of("method", "flickr.test.echo"), params);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signer.sign(
                "GET", "https://api.flickr.com/services/rest/", Map.of("api_sig", "0123abcd"), new Credentials("key", "shh", null, null)));
        assertTrue(e.getMessage().contains("api_sig"), e.getMessage());
        assertFalse(e.getMessage().contains("0123abcd"), e.getMessage());
    }

    private static String md5Hex(String text) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
