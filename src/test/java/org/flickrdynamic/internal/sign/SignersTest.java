package org.flickrdynamic.internal.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.flickrdynamic.Signing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignersTest {

    private static final Credentials PHOTOS = new Credentials("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00");

    @ParameterizedTest
    @EnumSource(Signing.class)
    void everySchemeHasASigner(Signing scheme) {
        assertNotNull(Signers.forScheme(scheme));
        assertSame(Signers.forScheme(scheme), Signers.forScheme(scheme));
        assertNotNull(Signers.fixed(scheme, "n", 1L));
    }

    @Test
    void schemesMapToTheirSigners() {
        assertInstanceOf(OAuth1Signer.class, Signers.forScheme(Signing.OAUTH1));
        assertInstanceOf(LegacyMd5Signer.class, Signers.forScheme(Signing.LEGACY_MD5));
    }

    /** OAuth Core 1.0 Appendix A.5.2 through the registry's fixed signer. */
    @Test
    void fixedSignerReproducesAWorkedExample() {
        Map<String, String> signed = Signers.fixed(Signing.OAUTH1, "kllo9940pd9333jh", 1191242096L)
                .sign("GET", "http://photos.example.net/photos", Map.of("file", "vacation.jpg", "size", "original"), PHOTOS);
        assertEquals("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", signed.get("oauth_signature"));
    }

    @Test
    void suppliedNonceAndClockAreUsed() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1305586162L), ZoneOffset.UTC);
        Map<String, String> signed = Signers.forScheme(Signing.OAUTH1, () -> "95613465", clock)
                .sign("GET", "https://api.flickr.com/services/rest/", Map.of(), PHOTOS);
        assertEquals("95613465", signed.get("oauth_nonce"));
        assertEquals("1305586162", signed.get("oauth_timestamp"));
    }
}
