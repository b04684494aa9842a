package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.Signing;
import org.flickrdynamic.internal.response.OAuthProblem;
import org.flickrdynamic.internal.sign.Credentials;
import org.flickrdynamic.internal.sign.Percent;
import org.flickrdynamic.internal.sign.SecretMask;
import org.flickrdynamic.testing.ScriptedServer.Script;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile server that echoes each request (its query string or form body, signature first) into its
 * answer: an HTML error page, a {@code <rsp stat="fail">} message, and an OAuth refusal whose
 * {@code debug_sbs} holds the signature. No message may show the secret, the token secret, the token or
 * the signature, with OAuth or legacy signing, for calls, uploads and login steps.
 */
@Timeout(20)
class EchoedSecretsTest {
    private static final String SECRET = "SECRET-5d1e77a0c3";
    private static final String TOKEN = "72157-TOKEN-4b2e91";
    private static final String TOKEN_SECRET = "TOKSEC-0a93f6d2";

    @TempDir
    Path dir;

    /**
     * The request's parameters, last first: the signature and token lead the echo, where a message quotes
     * it. A multipart upload's fields are echoed as {@code name=value}, raw.
     */
    private static String echoOf(ScriptedServer server) {
        List<ScriptedServer.Received> all = server.received();
        String params = all.get(all.size() - 1).params();
        List<String> pairs = new ArrayList<>();
        String[] parts = params.split("Content-Disposition: form-data; name=\"");
        if (parts.length > 1) {
            for (int i = 1; i < parts.length; i++) {
                String name = parts[i].substring(0, parts[i].indexOf('"'));
                String value = parts[i].substring(parts[i].indexOf("\r\n\r\n") + 4);
                if (!name.equals("photo")) {
                    pairs.add(name + "=" + value.substring(0, value.indexOf("\r\n")));
                }
            }
        } else {
            pairs.addAll(List.of(params.split("&")));
        }
        Collections.reverse(pairs);
        return String.join("&", pairs);
    }

    private static Script htmlPage(ScriptedServer[] server) {
        return (socket, out) -> ScriptedServer.answer(500, "text/html",
                "<html><body><pre>" + echoOf(server[0]) + "</pre> could not be served</body></html>")
                .answer(socket, out);
    }

    private static Script failMessage(ScriptedServer[] server) {
        return (socket, out) -> ScriptedServer.xml("<rsp stat=\"fail\"><err code=\"99\" msg=\""
                + echoOf(server[0]).replace("&", "&amp;").replace("\"", "&quot;") + "\"/></rsp>").answer(socket, out);
    }

    private static Script debugSbs(ScriptedServer[] server) {
        return (socket, out) -> ScriptedServer.answer(401, "text/plain", "oauth_problem=signature_invalid&debug_sbs=GET&"
                + Percent.encode(server[0].restUrl()) + "&" + Percent.encode(echoOf(server[0]))).answer(socket, out);
    }

    @Test
    void echoedRequestsShowNoSecretTokenOrSignature() throws IOException {
        for (Signing signing : Signing.values()) {
            ScriptedServer[] server = new ScriptedServer[1];
            try (ScriptedServer s = new ScriptedServer(htmlPage(server))) {
                server[0] = s;
                Path photo = Files.write(dir.resolve("cat.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
                FlickrClientBuilder b = FlickrClient.builder().baseUrl(s.restUrl().replace("services/rest/", ""))
                        .apiKey("key").secret(SECRET).signing(signing).readTimeout(Duration.ofSeconds(3)).retries(0);
                b = signing == Signing.OAUTH1 ? b.token(TOKEN, TOKEN_SECRET) : b.token(TOKEN, null);
                List<String> messages = new ArrayList<>();
                try (FlickrClient client = b.signed(true).build()) {
                    for (Script script : List.of(htmlPage(server), failMessage(server), debugSbs(server))) {
                        s.script(script);
                        messages.add(failure(() -> client.call("flickr.test.echo", "a", "b")));
                        messages.add(failure(() -> client.upload(photo, Map.of("title", "cat"))));
                    }
                    // The login steps read a form, not <rsp>: the error page and the OAuth refusal.
                    for (Script script : signing == Signing.OAUTH1 ? List.of(htmlPage(server), debugSbs(server))
                            : List.<Script>of()) {
                        s.script(script);
                        messages.add(failure(() -> client.oauth().requestToken("oob")));
                    }
                }
                assertHidden(signing, s, messages);
            }
        }
    }

    private static String failure(Runnable call) {
        FlickrException e = assertThrows(FlickrException.class, call::run);
        assertTrue(e instanceof FlickrApiException || e instanceof FlickrTransportException, e.toString());
        return e.getMessage() + "\n" + e;
    }

    private static void assertHidden(Signing signing, ScriptedServer server, List<String> messages) {
        List<String> forbidden = new ArrayList<>(List.of(SECRET, TOKEN_SECRET, TOKEN, Percent.encode(TOKEN)));
        int signed = 0;
        for (ScriptedServer.Received r : server.received()) {
            String sig = param(r, signing == Signing.OAUTH1 ? "oauth_signature" : "api_sig");
            assertNotNull(sig, "every request was signed: " + r.line());
            String raw = Percent.decode(sig);
            forbidden.add(raw);
            forbidden.add(Percent.encode(raw));
            forbidden.add(Percent.encode(Percent.encode(raw)));
            signed++;
        }
        assertEquals(messages.size(), signed, "one request per failure");
        for (String m : messages) {
            for (String f : forbidden) {
                assertFalse(m.contains(f), signing + ": shown in: " + m);
            }
            // The echo did reach the message: the values were hidden, not left out by chance.
            assertTrue(m.contains(SecretMask.PLACEHOLDER), signing + ": nothing hidden in: " + m);
        }
    }

    /** A parameter of a GET's query, a form body, or a multipart body, still percent-encoded in the first two. */
    private static String param(ScriptedServer.Received r, String name) {
        String params = r.params();
        for (String pair : params.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        int at = params.indexOf("name=\"" + name + "\"");
        if (at >= 0) {
            String rest = params.substring(params.indexOf("\r\n\r\n", at) + 4);
            return Percent.encode(rest.substring(0, rest.indexOf("\r\n")));
        }
        return null;
    }

    @Test
    void hidingNeverMakesDifferentBaseStringsLookEqual() {
        SecretMask mask = SecretMask.of(new Credentials("key", SECRET, TOKEN, TOKEN_SECRET), Map.of());
        String ours = "GET&http%3A%2F%2Fh%2F&oauth_token%3D" + TOKEN + "%26x%3D1";
        String theirs = "GET&http%3A%2F%2Fh%2F&oauth_token%3D" + TOKEN + "%26x%3D2";

        String differ = OAuthProblem.explain("m", 401, "oauth_problem=signature_invalid&debug_sbs=" + theirs, ours, mask)
                .getMessage();
        assertFalse(differ.contains(TOKEN), differ);
        int at = ours.replace(TOKEN, SecretMask.PLACEHOLDER).length() - 1;
        assertTrue(differ.contains("they first differ at character " + at), differ);

        String equal = OAuthProblem.explain("m", 401, "oauth_problem=signature_invalid&debug_sbs=" + ours, ours, mask)
                .getMessage();
        assertTrue(equal.contains("the base strings are equal"), equal);

        // The same token, encoded once in one and twice in the other: both hidden, but not equal.
        String token = "72157/tok+en";
        SecretMask tokenMask = SecretMask.of(new Credentials("key", SECRET, token, TOKEN_SECRET), Map.of());
        String once = "GET&u&oauth_token%3D" + Percent.encode(token);
        String twice = "GET&u&oauth_token%3D" + Percent.encode(Percent.encode(token));
        String hidden = OAuthProblem.explain("m", 401, "oauth_problem=signature_invalid&debug_sbs=" + twice, once,
                tokenMask).getMessage();
        assertFalse(hidden.contains("72157"), hidden);
        assertFalse(hidden.contains("are equal"), hidden);
        assertTrue(hidden.contains("differ inside a hidden value"), hidden);
    }
}
