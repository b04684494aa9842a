package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.Signing;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.MethodTableException;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls a script could get wrong, or craft to smuggle something in. Each is checked against what the
 * sandbox recorded: a bad call sends nothing, and a good one sends exactly what was asked, byte for
 * byte, whatever characters it carries.
 */
class BadCallsTest {
    private static Sandbox sandbox;
    private static FlickrClient client;
    private static FlickrClient signing;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
        signing = client.newBuilder().secret(sandbox.secret()).signed(true).build();
    }

    @AfterAll
    static void stop() {
        signing.close();
        client.close();
        sandbox.close();
    }

    @BeforeEach
    void forget() {
        sandbox.clearRequests();
    }

    private static void nothingSent() {
        assertEquals(List.of(), sandbox.requests(), "nothing may reach the server");
    }

    private static RecordedRequest onlyRequest() {
        List<RecordedRequest> all = sandbox.requests();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    /** The parameters the caller chose: the recorded ones less what the library adds. */
    private static Map<String, String> asked(RecordedRequest r) {
        Map<String, String> p = new LinkedHashMap<>(r.params());
        p.remove("method");
        p.remove("api_key");
        p.keySet().removeIf(k -> k.startsWith("oauth_"));
        return p;
    }

    @Test
    void everyProblemOfACallIsReportedAtOnceAndNothingIsSent() {
        Map<Object, Object> args = new LinkedHashMap<>();
        args.put("photo_idd", "1");                 // unknown, close to photo_id
        args.put("method", "flickr.photos.delete"); // reserved
        args.put("api_sig", "0123");                // reserved
        args.put("oauth_signature", "x");           // reserved
        args.put("format", "json");                 // reserved
        args.put(42, "x");                          // not a name
        args.put(null, "x");                        // not a name
        args.put("title", Double.NaN);              // not a finite number
        args.put("description", new Object());      // not a value
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> client.call("flickr.photos.setMeta", args));
        String m = e.getMessage();
        for (String expected : new String[] {"unknown argument photo_idd (did you mean photo_id?)",
            "missing required argument photo_id", "argument method is set by the library",
            "argument api_sig is set by the library", "argument oauth_signature is set by the library",
            "argument format is set by the library", "argument key '42' (Integer) is not a name",
            "argument key null is not a name", "argument title is NaN, which is not a finite number",
            "argument description is a java.lang.Object", "flickr.photos.setMeta must be signed",
            "flickr.photos.setMeta needs a logged-in user with write permission"}) {
            assertTrue(m.contains(expected), "missing \"" + expected + "\" in: " + m);
        }
        assertTrue(e.problems().size() >= 12, e.problems().toString());
        nothingSent();
    }

    @Test
    void numbersTooLongToWriteOutAreRefusedQuicklyByName() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("huge", new java.math.BigDecimal("1e100000000"));      // once an OutOfMemoryError
        args.put("huger", new java.math.BigDecimal("1e2147483647"));    // once a NegativeArraySizeException
        args.put("tiny", new java.math.BigDecimal("1e-5000"));
        args.put("wide", java.math.BigInteger.TEN.pow(1200));
        args.put("list", List.of(1, new java.math.BigDecimal("-9e4000")));
        FlickrArgumentException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> assertThrows(FlickrArgumentException.class,
                        () -> client.call("flickr.test.echo", args)));
        for (String name : args.keySet()) {
            assertTrue(e.getMessage().contains("argument " + name + " is a number that would take more than 1000 digits"),
                    e.getMessage());
        }
        nothingSent();
        Element rsp = client.call("flickr.test.echo", "fine", new java.math.BigDecimal("1e999"),
                "small", new java.math.BigDecimal("1e-998"));
        assertEquals(1000, rsp.elementText("fine").length());
        assertEquals("0." + "0".repeat(997) + "1", rsp.elementText("small"));
    }

    @Test
    void loneSurrogatesAreRefusedRatherThanSentAsReplacementCharacters() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> client.call("flickr.test.echo", "text", "ab\uD83D", "low", "\uDE00x"));
        assertTrue(e.getMessage().contains("argument text holds a lone surrogate (U+D83D at index 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("argument low holds a lone surrogate (U+DE00 at index 0)"), e.getMessage());
        nothingSent();
        assertEquals("cat \uD83D\uDE00", client.call("flickr.test.echo", "emoji", "cat \uD83D\uDE00").elementText("emoji"));
    }

    @Test
    void noKeyAnywhereIsRefusedBeforeSending() {
        try (FlickrClient keyless = FlickrClient.builder().baseUrl(sandbox.baseUrl()).build()) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> keyless.call("flickr.test.echo", "a", "b"));
            assertTrue(e.getMessage().contains("no API key"), e.getMessage());
        }
        nothingSent();
    }

    @Test
    void unknownMethodsAndMalformedNamesSendNothing() {
        for (String method : new String[] {"flickr.photos.serach", "photos.serach", "", " ", "flickr.",
            "flickr.test.echo&method=flickr.photos.delete", "flickr.test.echo\r\nX-Evil: 1", "../flickr.test.echo"}) {
            assertThrows(FlickrArgumentException.class, () -> client.call(method, "a", "b"), method);
        }
        FlickrArgumentException none = assertThrows(FlickrArgumentException.class, () -> client.call(null, "a", "b"));
        assertTrue(none.getMessage().contains("no method named"), none.getMessage());
        nothingSent();
    }

    @Test
    void pairsMustPairUp() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> client.call("flickr.test.echo", "a", "1", "b"));
        assertTrue(e.getMessage().contains("'b' (String) has no value"), e.getMessage());
        nothingSent();
    }

    @Test
    void theMethodCannotBeOverriddenByAnArgument() {
        for (Object key : new Object[] {"method", new Keyword(":method")}) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> client.call("flickr.test.echo", key, "flickr.photos.delete"));
            assertTrue(e.getMessage().contains("argument method is set by the library"), e.getMessage());
        }
        nothingSent();
        // Flickr's names are case-sensitive: "Method" is an ordinary argument and cannot redirect the call.
        Element rsp = client.call("flickr.test.echo", "Method", "flickr.photos.delete");
        RecordedRequest r = onlyRequest();
        assertEquals("flickr.test.echo", r.param("method"));
        assertEquals("flickr.photos.delete", r.param("Method"));
        assertEquals("flickr.test.echo", rsp.elementText("method"));
    }

    @Test
    void signatureAndOauthArgumentsCannotBeForged() {
        for (String key : new String[] {"api_sig", "oauth_signature", "oauth_token", "oauth_consumer_key",
            "oauth_nonce", "oauth_timestamp", "oauth_signature_method", "oauth_version", "nojsoncallback"}) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> signing.call("flickr.test.echo", key, "forged"), key);
            assertTrue(e.getMessage().contains("argument " + key + " is set by the library"), e.getMessage());
        }
        nothingSent();
    }

    @Test
    void anApiKeyGivenInTheCallReplacesTheSettingOnce() {
        try (FlickrClient keyless = FlickrClient.builder().baseUrl(sandbox.baseUrl()).build()) {
            Element rsp = keyless.call("flickr.test.echo", "api_key", sandbox.apiKey(), "a", "1");
            assertEquals("1", rsp.elementText("a"));
        }
        RecordedRequest r = onlyRequest();
        assertEquals(List.of("method", "api_key", "a"), new ArrayList<>(r.params().keySet()), "api_key goes once");
        assertEquals(sandbox.apiKey(), r.param("api_key"));

        sandbox.clearRequests();
        FlickrApiException e = assertThrows(FlickrApiException.class,
                () -> client.call("flickr.test.echo", "api_key", "someone-elses-key"));
        assertEquals(100, e.code(), "the call's key is the one sent, and the sandbox refuses it");
        assertEquals("someone-elses-key", onlyRequest().param("api_key"));
    }

    @Test
    void aLegacyAuthTokenGivenInTheCallIsSentAndSigned() {
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        try (FlickrClient legacy = client.newBuilder().secret(sandbox.secret()).signing(Signing.LEGACY_MD5).build()) {
            Element rsp = legacy.call("flickr.test.login", "auth_token", token.token());
            assertEquals(sandbox.users().get(0).nsid(), rsp.element("user").attributeValue("id"));
        }
        RecordedRequest r = onlyRequest();
        assertEquals(token.token(), r.param("auth_token"));
        assertTrue(r.param("api_sig") != null, "a call carrying a token is signed");
        sandbox.clearRequests();
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> client.call("flickr.test.echo", "auth_token", token.token()));
        assertTrue(e.getMessage().contains("no secret is set"), e.getMessage());
        nothingSent();
    }

    @Test
    void awkwardValuesArriveExactlyAsAskedUnsignedAndSigned() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("amp", "a&b&&c");
        values.put("eq", "x=y==z");
        values.put("hash", "#fragment#");
        values.put("query", "?a=1&b=2");
        values.put("plus", "1+1 = 2");
        values.put("pct", "100% %20 %zz %");
        values.put("crlf", "line1\r\nline2\rline3\n");
        values.put("nul", "before\u0000after");
        values.put("controls", "\t\u0001\u001f\u007f");
        values.put("unicode", "Café Tōkyō 東京 Ελληνικά עברית");
        values.put("emoji", "😀👍🏽 family: 👨‍👩‍👧");
        values.put("spaces", "  leading and trailing  ");
        values.put("empty", "");
        values.put("quote", "\"'<tag>&amp;");
        values.put("k&e=y#", "a key with reserved characters");
        values.put("ключ", "a non-ASCII key");
        for (FlickrClient c : new FlickrClient[] {client, signing}) {
            sandbox.clearRequests();
            Element rsp = c.call("flickr.test.echo", values);
            RecordedRequest r = onlyRequest();
            assertEquals("GET", r.httpMethod());
            assertEquals(values, asked(r), "the sandbox received exactly the values asked");
            assertEquals("flickr.test.echo", rsp.elementText("method"), "and accepted the request (and its signature)");
            assertEquals("Café Tōkyō 東京 Ελληνικά עברית", rsp.elementText("unicode"), "the answer decodes back");
        }
    }

    @Test
    void aHundredKilobyteValueGoesAsAPostAndArrivesWhole() {
        StringBuilder big = new StringBuilder(100_000);
        for (int i = 0; big.length() < 100_000; i++) {
            big.append(i % 7 == 0 ? "&=#%+ " : "x").append(i % 11 == 0 ? "é😀" : "");
        }
        String value = big.toString();
        for (FlickrClient c : new FlickrClient[] {client, signing}) {
            sandbox.clearRequests();
            Element rsp = c.call("flickr.test.echo", "big", value);
            RecordedRequest r = onlyRequest();
            assertEquals("POST", r.httpMethod(), "a URL that long goes as a form POST");
            assertEquals(value, r.param("big"));
            assertEquals(value, rsp.elementText("big"));
        }
    }

    @Test
    void nullArgumentsMeanNoArguments() {
        client.call("flickr.test.echo", (Map<?, ?>) null);
        assertEquals(Map.of(), asked(onlyRequest()));
        sandbox.clearRequests();
        client.call("flickr.test.echo", (Object[]) null);
        assertEquals(Map.of(), asked(onlyRequest()));
        sandbox.clearRequests();
        client.call("flickr.test.echo");
        assertEquals(Map.of(), asked(onlyRequest()));
    }

    @Test
    void nullValuesAreLeftOutButFalsyOnesAreSent() {
        Map<String, Object> args = new HashMap<>();
        args.put("gone", null);
        args.put("zero", 0);
        args.put("no", false);
        args.put("empty", "");
        client.call("flickr.test.echo", args);
        Map<String, String> sent = asked(onlyRequest());
        assertEquals(Map.of("zero", "0", "no", "0", "empty", ""), sent);
        assertNull(sent.get("gone"));
    }

    @Test
    void keysMayBeKeywordsButNotOtherObjects() {
        client.call("flickr.test.echo", new Keyword(":tags"), "cat", new StringBuilder("per_page"), 5);
        assertEquals(Map.of("tags", "cat", "per_page", "5"), asked(onlyRequest()));
        sandbox.clearRequests();
        for (Object bad : new Object[] {7, 'c', true, new Object(), List.of("tags"), new Keyword(":"), ""}) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> client.call("flickr.test.echo", bad, "x"), String.valueOf(bad));
            assertTrue(e.getMessage().contains("is not a name"), e.getMessage());
        }
        FlickrArgumentException twice = assertThrows(FlickrArgumentException.class,
                () -> client.call("flickr.test.echo", "tags", "a", new Keyword(":tags"), "b"));
        assertTrue(twice.getMessage().contains("argument tags is given twice"), twice.getMessage());
        nothingSent();
    }

    @Test
    void aTokenTooWeakOrMissingIsRefusedBeforeSending() {
        SandboxToken read = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        AccessToken weak = new AccessToken(read.token(), read.tokenSecret(), read.userNsid(), read.username(), "",
                Permission.READ);
        try (FlickrClient user = signing.newBuilder().token(weak).build()) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> user.call("flickr.photos.delete", "photo_id", sandbox.photoIds().get(0)));
            assertTrue(e.getMessage().contains("needs delete permission"), e.getMessage());
        }
        assertThrows(FlickrArgumentException.class, () -> signing.call("flickr.test.login"));
        nothingSent();
    }

    @Test
    void aMissingMethodTableNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-methods.yaml");
        MethodTableException e = assertThrows(MethodTableException.class,
                () -> FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).methodTable(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        nothingSent();
    }

    @Test
    void aMalformedMethodTableNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("not YAML at all", "format: 1\nmethods:\n  - name: flickr.test.echo\n    arguments: [unclosed\n");
        broken.put("a method without its flags", "format: 1\nmethods:\n  - name: flickr.test.echo\n"
                + "    description: Echo.\n");
        broken.put("a tab in the indentation", "format: 1\nmethods:\n\t- name: flickr.test.echo\n");
        broken.put("a Java type tag", "format: 1\nmethods: !!java.io.File [\"/etc/passwd\"]\n");
        for (Map.Entry<String, String> b : broken.entrySet()) {
            Path file = dir.resolve("methods-" + Math.abs(b.getKey().hashCode()) + ".yaml");
            Files.writeString(file, b.getValue());
            MethodTableException e = assertThrows(MethodTableException.class,
                    () -> FlickrClient.builder().baseUrl(sandbox.baseUrl()).methodTable(file), b.getKey());
            assertTrue(e.getMessage().contains(file.toString()), b.getKey() + ": " + e.getMessage());
            assertTrue(e.getMessage().matches("(?s).*line \\d+.*"), b.getKey() + " names a line: " + e.getMessage());
        }
        nothingSent();
    }

    /** A keyword of a JVM language, as Clojure's {@code :tags} prints. */
    private record Keyword(String printed) {
        @Override
        public String toString() {
            return printed;
        }
    }
}
