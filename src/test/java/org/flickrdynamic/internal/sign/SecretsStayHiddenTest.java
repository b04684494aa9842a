package org.flickrdynamic.internal.sign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flickrdynamic.Signing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No message or {@code toString()} of the signing stage shows a secret, a token secret or a signature. */
class SecretsStayHiddenTest {

    private static final String URL = "https://api.flickr.com/services/rest/";
    private static final String SECRET = "SECRET-5fab4534";
    private static final String TOKEN_SECRET = "TOKENSECRET-9sl3r4s00";
    private static final Credentials FULL = new Credentials("key", SECRET, "token", TOKEN_SECRET);

    @Test
    void credentialsToStringHidesBothSecrets() {
        String shown = FULL.toString();
        assertFalse(shown.contains(SECRET), shown);
        assertFalse(shown.contains(TOKEN_SECRET), shown);
        assertTrue(shown.contains("key"), shown);
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void signedRequestParametersHoldNoSecret(Signing scheme) {
        Map<String, String> signed = Signers.forScheme(scheme).sign("GET", URL, Map.of("method", "flickr.test.echo"), FULL);
        assertFalse(signed.toString().contains(SECRET), signed.toString());
        assertFalse(signed.toString().contains(TOKEN_SECRET), signed.toString());
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void aMissingSecretIsAClearIllegalStateWithoutTheTokenSecret(Signing scheme) {
        for (String missing : new String[] {null, ""}) {
            Credentials noSecret = new Credentials("key", missing, "token", TOKEN_SECRET);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Signers.forScheme(scheme).sign("GET", URL, Map.of(), noSecret));
            assertTrue(e.getMessage().contains("no API secret"), e.getMessage());
            assertHidden(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void everyRefusalKeepsTheSecretsOut(Signing scheme) {
        Signer signer = Signers.forScheme(scheme);
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("title", null);
        List<Executable> failures = List.of(
                () -> signer.sign("GET", URL, Map.of(), new Credentials(null, SECRET, "token", TOKEN_SECRET)),
                () -> signer.sign("GET", URL, Map.of(), null),
                () -> signer.sign("GET", URL, null, FULL),
                () -> signer.sign("GET", URL, nullValue, FULL),
                () -> signer.sign("GET", URL, Map.of("oauth_signature", "c2lnbmF0dXJl", "api_sig", "c2lnbmF0dXJl"), FULL));
        for (Executable failure : failures) {
            RuntimeException e = assertThrows(RuntimeException.class, failure);
            assertTrue(e instanceof IllegalArgumentException || e instanceof IllegalStateException, e.toString());
            assertHidden(e);
            assertFalse(e.getMessage().contains("c2lnbmF0dXJl"), e.getMessage());
        }
    }

    @Test
    void aBadUrlIsNamedWithoutUserInfoOrQuery() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signers.forScheme(Signing.OAUTH1)
                .sign("GET", "http://me:" + SECRET + "@bad host/rest?api_secret=" + TOKEN_SECRET, Map.of(), FULL));
        assertHidden(e);
        assertTrue(e.getMessage().contains("bad host/rest"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> OAuth1Signer.baseStringUri("/relative?x=" + SECRET));
        assertHidden(e);
    }

    @Test
    void staticFunctionsRefuseAMissingSecretPlainly() {
        IllegalArgumentException oauth = assertThrows(IllegalArgumentException.class,
                () -> OAuth1Signer.signature("GET&x&y", null, TOKEN_SECRET));
        assertHidden(oauth);
        IllegalArgumentException legacy = assertThrows(IllegalArgumentException.class,
                () -> LegacyMd5Signer.apiSig(null, Map.of("api_key", "key")));
        assertInstanceOf(IllegalArgumentException.class, legacy);
        assertHidden(legacy);
    }

    private static void assertHidden(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String shown = t.toString();
            assertFalse(shown.contains(SECRET), shown);
            assertFalse(shown.contains(TOKEN_SECRET), shown);
        }
    }
}
