package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.Signing;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.RecordingLogs;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox as the upstream, a second recording in front of it, a third replaying with the upstream gone. */
class RecordReplayTest {
    @TempDir
    Path dir;

    private static FlickrClient client(String baseUrl, SandboxToken token, Signing signing) {
        return FlickrClient.builder().baseUrl(baseUrl).apiKey(Sandbox.API_KEY).secret(Sandbox.SECRET)
                .signing(signing).token(token.token(), signing == Signing.OAUTH1 ? token.tokenSecret() : null)
                .signed(true).build();
    }

    /** A script of reads, an edit and an upload; returns each answer as XML text. */
    private List<String> script(FlickrClient flickr, Path photo) {
        List<String> answers = new ArrayList<>();
        Function<Element, String> xml = Element::asXML;
        answers.add(xml.apply(flickr.call("flickr.test.login")));
        Element page = flickr.call("flickr.photos.search", "user_id", "me", "tags", "cat", "per_page", 5);
        answers.add(xml.apply(page));
        String id = page.element("photos").element("photo").attributeValue("id");
        answers.add(xml.apply(flickr.call("flickr.photos.getInfo", "photo_id", id)));
        flickr.call("flickr.photos.setMeta", "photo_id", id, "title", "Recorded title");
        answers.add(xml.apply(flickr.call("flickr.photos.getInfo", "photo_id", id)));
        answers.add(xml.apply(flickr.call("flickr.photosets.getList", "per_page", 3)));
        answers.add(flickr.upload(photo, Map.of("title", "Through the proxy")));
        return answers;
    }

    @Test
    void aRecordedSessionReplaysWithTheUpstreamGoneAndTheCassetteHoldsNoSecret() throws Exception {
        Path cassette = dir.resolve("session.yaml");
        Path photo = dir.resolve("p.jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 9, 8, 7});
        List<String> live;
        List<String> replayed;
        Set<String> secrets = new LinkedHashSet<>();
        SandboxToken token;
        String checkToken;
        try (Sandbox upstream = Sandbox.start();
             Sandbox recorder = Sandbox.builder().recordTo(cassette).upstream(upstream.baseUrl()).start()) {
            token = upstream.issueToken(upstream.users().get(0).nsid(), Permission.WRITE);
            try (FlickrClient flickr = client(recorder.baseUrl(), token, Signing.OAUTH1)) {
                live = script(flickr, photo);
                checkToken = flickr.call("flickr.auth.oauth.checkToken", "oauth_token", token.token()).asXML();
            }
            try (FlickrClient legacy = client(recorder.baseUrl(), token, Signing.LEGACY_MD5)) {
                legacy.call("flickr.test.login");
            }
            assertTrue(upstream.requests().size() >= live.size(), "every call reached the upstream");
            assertEquals("Recorded title", upstream.requests().stream()
                    .filter(r -> "flickr.photos.setMeta".equals(r.param("method"))).findFirst().orElseThrow().param("title"));
            for (RecordedRequest r : recorder.requests()) {
                for (String name : List.of("oauth_signature", "oauth_nonce", "api_sig")) {
                    if (r.param(name) != null) {
                        secrets.add(r.param(name));
                    }
                }
            }
        }
        assertTrue(checkToken.contains(token.token()), "the live answer names the token");
        secrets.addAll(List.of(Sandbox.API_KEY, Sandbox.SECRET, token.token(), token.tokenSecret()));

        String text = Files.readString(cassette);
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "the cassette holds a secret, token, key or signature");
        }
        for (String name : List.of("oauth_signature", "oauth_nonce", "oauth_timestamp", "oauth_token", "api_sig",
                "auth_token")) {
            assertFalse(text.contains(name + ":"), "the cassette keeps no " + name);
        }
        assertTrue(text.contains("api_key: (api key)"), text);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("p.jpg", "session.yaml"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left beside the cassette");
        }

        // The upstream is closed now; the replay answers alone, to another key's client too.
        try (Sandbox replay = Sandbox.builder().replayFrom(cassette).start();
             FlickrClient flickr = FlickrClient.builder().baseUrl(replay.baseUrl()).apiKey("another-key")
                     .secret("another-secret").token("another-token", "another-token-secret").signed(true).build()) {
            replayed = script(flickr, photo);
            String scrubbed = flickr.call("flickr.auth.oauth.checkToken", "oauth_token", "another-token").asXML();
            assertTrue(scrubbed.contains("<token>(scrubbed)</token>"), scrubbed);

            FlickrTransportException unmatched = assertThrows(FlickrTransportException.class,
                    () -> flickr.call("flickr.photos.search", "tags", "zebra"));
            assertEquals(404, unmatched.httpStatus());
            assertTrue(unmatched.getMessage().contains("no recorded answer for flickr.photos.search (tags=zebra) by GET /services/rest/"),
                    unmatched.getMessage());
            Path other = dir.resolve("other.jpg");
            Files.write(other, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
            assertThrows(FlickrTransportException.class, () -> flickr.upload(other, Map.of("title", "Through the proxy")),
                    "another file is another request");
        }
        assertEquals(live, replayed);
        assertNotEquals(live.get(2), live.get(3), "the edit shows in the second getInfo, replayed in order");
    }

    @Test
    void withTheSecretsTheRecorderSignsAgainForTheUpstreamsOwnUrl() throws Exception {
        Path cassette = dir.resolve("resigned.yaml");
        try (Sandbox upstream = Sandbox.start()) {
            SandboxToken token = upstream.issueToken(upstream.users().get(1).nsid(), Permission.READ);
            try (Sandbox recorder = Sandbox.builder().recordTo(cassette).upstream(upstream.baseUrl())
                    .upstreamSecrets(Sandbox.SECRET, token.tokenSecret()).start();
                 FlickrClient flickr = client(recorder.baseUrl(), token, Signing.OAUTH1)) {
                Element login = flickr.call("flickr.test.login");
                assertEquals(token.userNsid(), login.element("user").attributeValue("id"));
                flickr.call("flickr.photos.search", "user_id", "me", "per_page", 2);
            }
            // The upstream saw its own host, and a signature made for its own URL.
            RecordedRequest seen = upstream.requests().get(0);
            assertEquals("127.0.0.1:" + upstream.port(), seen.header("Host"));
        }
        String text = Files.readString(cassette);
        assertFalse(text.contains(Sandbox.SECRET));
        assertTrue(text.contains("method: flickr.test.login"), text);
    }

    @Test
    void badSettingsAndBadCassettesAreNamed() throws Exception {
        Path cassette = dir.resolve("c.yaml");
        assertEquals("recordTo needs the service to record: give upstream(baseUrl) too",
                assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().recordTo(cassette).start()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().upstream("http://127.0.0.1:1/").start());
        assertThrows(IllegalArgumentException.class,
                () -> Sandbox.builder().recordTo(cassette).upstream("http://127.0.0.1:1/").replayFrom(cassette).start());
        assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().upstream("ftp://x/"));
        assertEquals("no cassette to replay at " + cassette,
                assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().replayFrom(cassette).start()).getMessage());
        Files.writeString(cassette, "exchanges: [");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().replayFrom(cassette).start())
                .getMessage().startsWith("the cassette " + cassette + " is not valid YAML"));
        Files.writeString(cassette, "format: flickr-dynamic cassette 1\nexchanges:\n- request: {verb: GET}\n  response: {status: 200}\n");
        assertEquals("the cassette " + cassette + ", exchange 1: request params is missing or not a mapping",
                assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().replayFrom(cassette).start()).getMessage());
    }

    @Test
    void anUpstreamThatDoesNotAnswerIsA502AndNothingIsRecorded() throws Exception {
        Path cassette = dir.resolve("none.yaml");
        int closedPort;
        try (Sandbox gone = Sandbox.start()) {
            closedPort = gone.port();
        }
        try (Sandbox recorder = Sandbox.builder().recordTo(cassette).upstream("http://127.0.0.1:" + closedPort + "/").start();
             FlickrClient flickr = FlickrClient.builder().baseUrl(recorder.baseUrl()).apiKey(Sandbox.API_KEY).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> flickr.call("flickr.test.echo"));
            assertEquals(502, e.httpStatus());
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        }
        assertFalse(Files.exists(cassette));
    }

    @Test
    @Timeout(20)
    void aTokenSecretHandedOutAsAnXmlAttributeIsScrubbed() throws Exception {
        Path cassette = dir.resolve("access.yaml");
        String issuedToken = "72157720861-5d1e9a0b3c7f2e46";
        String issuedSecret = "f38bf58b2d95bc8b";
        String answer = "<rsp stat=\"ok\"><auth><access_token oauth_token=\"" + issuedToken
                + "\" oauth_token_secret='" + issuedSecret + "'/></auth></rsp>";
        try (ScriptedServer upstream = new ScriptedServer(ScriptedServer.xml(answer));
             Sandbox recorder = Sandbox.builder().recordTo(cassette)
                     .upstream(upstream.restUrl().replace("services/rest/", "")).start();
             FlickrClient flickr = FlickrClient.builder().baseUrl(recorder.baseUrl()).apiKey(Sandbox.API_KEY)
                     .secret(Sandbox.SECRET).signing(Signing.LEGACY_MD5).token("legacy-token-0123", null).build()) {
            Element rsp = flickr.call("flickr.auth.oauth.getAccessToken");
            assertEquals(issuedSecret, rsp.element("auth").element("access_token").attributeValue("oauth_token_secret"),
                    "the client gets the answer as it came");
        }
        String text = Files.readString(cassette);
        assertFalse(text.contains(issuedSecret), text);
        assertFalse(text.contains(issuedToken), text);
        assertTrue(text.contains("oauth_token_secret='(scrubbed)'"), text);
    }

    @Test
    void aPlainHttpUpstreamOffTheLoopbackIsRefused() {
        Path cassette = dir.resolve("c.yaml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sandbox.builder().recordTo(cassette).upstream("http://example.com/").start());
        assertTrue(e.getMessage().contains("'http://example.com/'") && e.getMessage().contains("https"), e.getMessage());
        for (String fine : List.of("https://example.com/", "http://localhost:1/", "http://127.0.0.1:1/")) {
            try (Sandbox recorder = Sandbox.builder().recordTo(cassette).upstream(fine).start()) {
                assertTrue(recorder.port() > 0, fine);
            }
        }
        assertFalse(Files.exists(cassette), "nothing is recorded before the first exchange");
    }

    @Test
    void aCassetteThatCannotBeWrittenIsRefusedAtStart() throws Exception {
        String upstream = "http://127.0.0.1:1/";
        IllegalArgumentException directory = assertThrows(IllegalArgumentException.class,
                () -> Sandbox.builder().recordTo(dir).upstream(upstream).start());
        assertEquals("cannot record to " + dir + ": it is a directory, not a file", directory.getMessage());

        Path missing = dir.resolve("missing").resolve("c.yaml");
        assertEquals("cannot record to " + missing + ": its folder " + missing.getParent() + " does not exist",
                assertThrows(IllegalArgumentException.class,
                        () -> Sandbox.builder().recordTo(missing).upstream(upstream).start()).getMessage());

        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path underFile = file.resolve("c.yaml");
        assertEquals("cannot record to " + underFile + ": its folder " + file + " is a file",
                assertThrows(IllegalArgumentException.class,
                        () -> Sandbox.builder().recordTo(underFile).upstream(upstream).start()).getMessage());

        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        readOnly.toFile().setWritable(false, false);
        try {
            boolean enforced;
            try {
                Files.delete(Files.createTempFile(readOnly, "probe", ".tmp"));
                enforced = false; // run as root: permissions do not stop writes
            } catch (java.io.IOException expected) {
                enforced = true;
            }
            if (enforced) {
                Path inReadOnly = readOnly.resolve("c.yaml");
                String m = assertThrows(IllegalArgumentException.class,
                        () -> Sandbox.builder().recordTo(inReadOnly).upstream(upstream).start()).getMessage();
                assertTrue(m.startsWith("cannot record to " + inReadOnly + ": its folder " + readOnly
                        + " cannot be written"), m);
            }
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    @Timeout(20)
    void aCassetteThatFailsLaterStillAnswersTheClientAndWarns() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("cassettes"));
        Path cassette = folder.resolve("c.yaml");
        RecordingLogs.clear();
        try (Sandbox upstream = Sandbox.start();
             Sandbox recorder = Sandbox.builder().recordTo(cassette).upstream(upstream.baseUrl()).start();
             FlickrClient flickr = FlickrClient.builder().baseUrl(recorder.baseUrl()).apiKey(Sandbox.API_KEY)
                     .secret(Sandbox.SECRET).signed(true).retries(0).build()) {
            // The folder turns into a file once recording has started: every write fails from now on.
            Files.delete(folder);
            Files.writeString(folder, "not a folder");
            Element rsp = flickr.call("flickr.test.echo", "say", "hello");
            assertEquals("hello", rsp.elementText("say"), "the upstream's answer reached the client");
            assertEquals(1, upstream.requests().size());
        }
        List<String> warnings = RecordingLogs.of("RecordingProxy");
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.startsWith("WARN") && warning.contains("Could not write the cassette " + cassette)
                && warning.contains("the answer to GET /services/rest/ was passed on unrecorded"), warning);
        assertFalse(warning.contains(Sandbox.SECRET) || warning.contains(Sandbox.API_KEY), warning);
    }
}
