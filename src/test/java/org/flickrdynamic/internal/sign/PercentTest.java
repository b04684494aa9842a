package org.flickrdynamic.internal.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentTest {

    /** The parameter-encoding vectors of the OAuth 1.0 test cases (oauth.net wiki, "TestCases"). */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            abcABC123      | abcABC123         | unreserved letters and digits
            -._~           | -._~              | unreserved marks
            %              | %25               | percent
            +              | %2B               | plus
            '&=*'          | %26%3D%2A         | ampersand, equals, asterisk
            \\u000A        | %0A               | line feed
            \\u0020        | %20               | space
            \\u007F        | %7F               | DEL
            \\u0080        | %C2%80            | first two-byte character
            \\u3001        | %E3%80%81         | three-byte character
            """)
    void oauthWikiVectors(String raw, String encoded, String what) {
        String value = unescapeJava(raw);
        assertEquals(encoded, Percent.encode(value), what);
        assertEquals(value, Percent.decode(encoded), what);
    }

    @Test
    void spaceIsNeverPlus() {
        assertEquals("a%20b", Percent.encode("a b"));
        assertEquals("a%2Bb", Percent.encode("a+b"));
    }

    @Test
    void reservedAndControlCharacters() {
        assertEquals("%2A%26%3D%23%3F%2F%3A%40%21%24%27%28%29%2C%3B%5B%5D", Percent.encode("*&=#?/:@!$'(),;[]"));
        assertEquals("%0D%0A", Percent.encode("\r\n"));
        assertEquals("%00", Percent.encode("\0"));
        assertEquals("%22%25%3C%3E%5C%5E%60%7B%7C%7D", Percent.encode("\"%<>\\^`{|}"));
    }

    @Test
    void unicodeIsUtf8() {
        assertEquals("%C3%A9", Percent.encode("é"));
        assertEquals("caf%C3%A9%20cr%C3%A8me", Percent.encode("café crème"));
        assertEquals("%E6%97%A5%E6%9C%AC", Percent.encode("日本"));
    }

    @Test
    void emojiSurrogatePairIsOneFourByteCharacter() {
        String camera = new String(Character.toChars(0x1F4F7));
        assertEquals(2, camera.length());
        assertEquals("%F0%9F%93%B7", Percent.encode(camera));
        assertEquals("x%F0%9F%93%B7y", Percent.encode("x" + camera + "y"));
        assertEquals(camera, Percent.decode("%F0%9F%93%B7"));
    }

    @Test
    void loneSurrogateBecomesReplacementCharacter() {
        assertEquals("%EF%BF%BD", Percent.encode("\uD83D"));
        assertEquals("a%EF%BF%BDb", Percent.encode("a\uDCF7b"));
    }

    @Test
    void agreesWithTheJdkUtf8EncoderOnEveryBmpCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            all.append(c);
        }
        for (char c = Character.MAX_SURROGATE + 1; c != 0; c++) {
            all.append(c);
        }
        String text = all.toString();
        // URLEncoder is the slow reference only here: form encoding, patched to RFC 3986.
        String reference = URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        assertEquals(reference, Percent.encode(text));
        assertEquals(text, Percent.decode(Percent.encode(text)));
    }

    @Test
    void unchangedTextIsNotCopied() {
        String plain = "flickr.photos.search";
        assertSame(plain, Percent.encode(plain));
        assertSame(plain, Percent.decode(plain));
    }

    @Test
    void encodeToAppends() {
        StringBuilder out = new StringBuilder("k=");
        assertSame(out, Percent.encodeTo(out, "a b"));
        assertEquals("k=a%20b", out.toString());
    }

    @Test
    void decodeKeepsPlusAndAcceptsLowerCaseHex() {
        assertEquals("a+b", Percent.decode("a+b"));
        assertEquals("é", Percent.decode("%c3%a9"));
        assertEquals("é and é", Percent.decode("é%20and%20%C3%A9"));
    }

    @Test
    void malformedEscapeNamesThePositionButNotTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Percent.decode("s3cr3t%zz"));
        assertTrue(e.getMessage().contains("index 6"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Percent.decode("abc%4"));
        assertThrows(IllegalArgumentException.class, () -> Percent.decode("%"));
    }

    private static String unescapeJava(String s) {
        return s.startsWith("\\u") ? String.valueOf((char) Integer.parseInt(s.substring(2), 16)) : s;
    }
}
