package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.Signing;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.OAuthFlow;
import org.flickrdynamic.internal.sign.Credentials;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.RecordingLogs;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;

/**
 * Runs calls that succeed, fail, are refused, have their signature rejected, and find no server, all
 * with distinctive secrets, then searches everything a user or a log could see for them: exception
 * messages (and their causes and stack traces), the {@code toString()} of every public object
 * involved, every log line, and every request as the server received it. The signatures that were
 * sent must not be in any message or log line either.
 */
class SecretsNeverLeakTest {
    private static final String SECRET = "SECRET-9f3b2c71d0e4a5";
    private static final String WRONG_SECRET = "SECRET-wrong-77aa13e2";
    private static final String WRONG_TOKEN_SECRET = "TOKSEC-wrong-88bb40f1";

    /** What a user or an operator could see. */
    private final List<String> seen = new ArrayList<>();
    /** The signatures that went on the wire. */
    private final List<String> signatures = new ArrayList<>();
    /** Requests as they went on the wire: they carry signatures by design, but never a secret. */
    private final List<String> wire = new ArrayList<>();

    private void see(Object o) {
        seen.add(String.valueOf(o));
    }

    private FlickrException expectFailure(Runnable call) {
        try {
            call.run();
        } catch (FlickrException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                see(t.getMessage());
                see(t);
                for (Throwable s : t.getSuppressed()) {
                    see(s);
                }
            }
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            see(trace);
            return e;
        }
        return fail("expected the call to fail");
    }

    @Test
    void noSecretTokenSecretOrSignatureIsEverShown() throws IOException {
        RecordingLogs.clear();
        try (Sandbox sandbox = Sandbox.builder().secret(SECRET).start()) {
            SandboxToken issued = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.WRITE);
            String tokenSecret = issued.tokenSecret();
            AccessToken token = new AccessToken(issued.token(), tokenSecret, issued.userNsid(), issued.username(), "",
                    Permission.WRITE);
            FlickrClientBuilder builder = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                    .secret(SECRET).token(token).readTimeout(Duration.ofSeconds(2));
            see(builder);
            try (FlickrClient user = builder.build();
                 FlickrClient legacy = user.newBuilder().signing(Signing.LEGACY_MD5).token(issued.token(), null).build();
                 FlickrClient wrong = user.newBuilder().secret(WRONG_SECRET)
                         .token(issued.token(), WRONG_TOKEN_SECRET).build();
                 FlickrClient wrongLegacy = legacy.newBuilder().secret(WRONG_SECRET).build()) {
                // Succeeding calls, OAuth and legacy.
                assertEquals(issued.userNsid(), user.call("flickr.test.login").element("user").attributeValue("id"));
                see(user.call("flickr.test.echo", "text", "hello").asXML());
                see(legacy.call("flickr.test.login").asXML());
                // Flickr refuses: an API error.
                FlickrException notFound = expectFailure(() -> user.call("flickr.photos.getInfo", "photo_id", "1"));
                assertTrue(notFound instanceof FlickrApiException);
                // The library refuses: nothing sent.
                expectFailure(() -> user.call("flickr.photos.delete", "photo_idd", "1"));
                expectFailure(() -> user.call("flickr.test.echo", "oauth_signature", "forged"));
                // The signature is rejected: OAuth (HTTP 401 with base strings) and legacy (error 96).
                FlickrException rejected = expectFailure(() -> wrong.call("flickr.test.login"));
                assertTrue(rejected.getMessage().contains("signature_invalid"), rejected.getMessage());
                FlickrException rejectedLegacy = expectFailure(() -> wrongLegacy.call("flickr.test.login"));
                assertEquals(96, ((FlickrApiException) rejectedLegacy).code());
                // A login step with the wrong secret.
                OAuthFlow flow = wrong.oauth();
                see(flow);
                expectFailure(() -> flow.requestToken("oob"));
                for (FlickrClient c : new FlickrClient[] {user, legacy, wrong, wrongLegacy}) {
                    see(c);
                    see(c.newBuilder());
                    see(c.endpoints());
                }
            }
            for (RecordedRequest r : sandbox.requests()) {
                see(r); // its toString() masks signatures
                wire.add(r.params() + " " + r.headers());
                for (String name : new String[] {"oauth_signature", "api_sig"}) {
                    if (r.param(name) != null) {
                        signatures.add(r.param(name));
                    }
                }
            }
            see(sandbox);
            see(issued);
            see(token);
            see(new Credentials(sandbox.apiKey(), SECRET, issued.token(), tokenSecret));
            assertTrue(signatures.size() >= 5, "signed requests reached the sandbox: " + signatures);
            transportFailures(tokenSecret);
            seen.addAll(RecordingLogs.lines());
            assertHidden(SECRET, tokenSecret);
        }
    }

    /** No server, a server error, a body that is not XML, silence: signed calls failing every way. */
    private void transportFailures(String tokenSecret) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (FlickrClient nowhere = FlickrClient.builder().endpoint("http://127.0.0.1:" + closedPort + "/services/rest/")
                .apiKey("key").secret(SECRET).token("tok", tokenSecret).signed(true).build()) {
            expectFailure(() -> nowhere.call("flickr.test.echo", "a", "b"));
            see(nowhere);
        }
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.answer(500, "text/html", "<h1>Oops</h1>"));
             FlickrClient scripted = FlickrClient.builder().endpoint(server.restUrl()).apiKey("key").secret(SECRET)
                     .token("tok", tokenSecret).signed(true).readTimeout(Duration.ofMillis(500)).build()) {
            expectFailure(() -> scripted.call("flickr.test.echo", "a", "b"));
            server.script(ScriptedServer.xml("<rsp stat=\"ok\"><unclosed></rsp>"));
            expectFailure(() -> scripted.call("flickr.test.echo", "a", "b"));
            server.script((socket, out) -> { }); // never answers
            expectFailure(() -> scripted.call("flickr.test.echo", "a", "b"));
            for (ScriptedServer.Received r : server.received()) {
                wire.add(r.head() + r.body());
                String sig = param(r.params(), "oauth_signature");
                assertNotNull(sig, "the scripted server got signed requests");
                signatures.add(sig);
            }
        }
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void assertHidden(String... secrets) {
        List<String> forbidden = new ArrayList<>(List.of(secrets));
        forbidden.add(WRONG_SECRET);
        forbidden.add(WRONG_TOKEN_SECRET);
        List<String> signatureForms = new ArrayList<>();
        for (String sig : signatures) {
            signatureForms.add(sig);
            signatureForms.add(URLDecoder.decode(sig, StandardCharsets.UTF_8));
            signatureForms.add(sig.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"));
        }
        for (String text : seen) {
            for (String secret : forbidden) {
                assertFalse(text.contains(secret), "a secret is shown in: " + text);
            }
            for (String sig : signatureForms) {
                assertFalse(text.contains(sig), "a signature is shown in: " + text);
            }
        }
        for (String request : wire) {
            for (String secret : forbidden) {
                assertFalse(request.contains(secret), "a secret went on the wire: " + request);
            }
        }
        assertTrue(seen.size() > 30 && wire.size() >= 10, seen.size() + " things seen, " + wire.size() + " requests");
    }
}
