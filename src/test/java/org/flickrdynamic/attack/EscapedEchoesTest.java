package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.internal.sign.Percent;
import org.flickrdynamic.internal.sign.SecretMask;
import org.flickrdynamic.testing.ScriptedServer.Script;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server echoing the request's signature and token back, escaped the way JSON encoders and HTML pages
 * write them ({@code \/}, {@code &#43;}, {@code &#x2F;}, {@code &#61;}, {@code \u002B}): no form may leave
 * them readable in a message. And hiding is by whole value: a one-letter token must not garble the words
 * of Flickr's message around it.
 */
@Timeout(20)
class EscapedEchoesTest {
    /** A token holding every character an escape changes. */
    private static final String TOKEN = "72157/T+K=4b2e91";

    /** The signature and token of the last request, as the server decoded them. */
    private static List<String> sent(ScriptedServer server) {
        String params = server.received().get(server.received().size() - 1).params();
        List<String> values = new ArrayList<>();
        for (String name : List.of("oauth_signature", "oauth_token")) {
            for (String pair : params.split("&")) {
                if (pair.startsWith(name + "=")) {
                    values.add(Percent.decode(pair.substring(name.length() + 1)));
                }
            }
        }
        assertEquals(2, values.size(), params);
        return values;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/").replace("+", "\\u002B");
    }

    private static String entities(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (char c : s.toCharArray()) {
            boolean plain = Character.isLetterOrDigit(c);
            sb.append(plain ? String.valueOf(c) : i++ % 2 == 0 ? "&#" + (int) c + ";" : "&#x" + Integer.toHexString(c).toUpperCase() + ";");
        }
        return sb.toString();
    }

    /** An error page quoting the signature and the token in {@code escape}'s form, with no parameter names. */
    private static Script echoing(ScriptedServer[] server, String contentType, UnaryOperator<String> escape) {
        return (socket, out) -> {
            List<String> v = sent(server[0]);
            ScriptedServer.answer(500, contentType, contentType.contains("json")
                    ? "{\"error\":\"cannot serve\",\"sig\":\"" + escape.apply(v.get(0)) + "\",\"tok\":\"" + escape.apply(v.get(1)) + "\"}"
                    : "<html><body><p>sig " + escape.apply(v.get(0)) + " tok " + escape.apply(v.get(1)) + "</p></body></html>")
                    .answer(socket, out);
        };
    }

    @Test
    void escapedEchoesOfTheSignatureAndTokenAreHidden() throws IOException {
        ScriptedServer[] server = new ScriptedServer[1];
        try (ScriptedServer s = new ScriptedServer(null)) {
            server[0] = s;
            try (FlickrClient client = FlickrClient.builder().endpoint(s.restUrl()).apiKey("key").secret("secret-1")
                    .token(TOKEN, "token-secret-1").retries(0).build()) {
                for (Script script : List.of(echoing(server, "application/json", EscapedEchoesTest::json),
                        echoing(server, "text/html", EscapedEchoesTest::entities))) {
                    s.script(script);
                    // Several calls, so that some signature holds a '/' or a '+' (a fresh nonce each time).
                    for (int i = 0; i < 8; i++) {
                        FlickrException e = assertThrows(FlickrException.class, () -> client.call("flickr.test.login"));
                        String shown = e.getMessage() + "\n" + e;
                        for (String value : sent(s)) {
                            for (String form : List.of(value, json(value), entities(value))) {
                                assertFalse(shown.contains(form), "shown: " + shown);
                            }
                            for (String run : value.split("[^A-Za-z0-9]+")) {
                                assertTrue(run.length() < 5 || !shown.contains(run), "a piece of " + value + " in " + shown);
                            }
                        }
                        assertTrue(shown.contains("sig " + SecretMask.PLACEHOLDER) || shown.contains("\"sig\":\"" + SecretMask.PLACEHOLDER),
                                shown);
                    }
                }
            }
        }
    }

    @Test
    void aOneLetterTokenLeavesFlickrsWordsAlone() throws IOException {
        try (ScriptedServer s = new ScriptedServer(ScriptedServer.xml(
                "<rsp stat=\"fail\"><err code=\"98\" msg=\"Invalid auth token (T) sent as oauth_token=T\"/></rsp>"));
             FlickrClient client = FlickrClient.builder().endpoint(s.restUrl()).apiKey("key").secret("secret-1")
                     .token("T", "token-secret-1").retries(0).build()) {
            FlickrApiException e = assertThrows(FlickrApiException.class, () -> client.call("flickr.test.login"));
            assertTrue(e.getMessage().contains("Invalid auth token ([hidden]) sent as oauth_token=[hidden]"), e.getMessage());
        }
    }
}
