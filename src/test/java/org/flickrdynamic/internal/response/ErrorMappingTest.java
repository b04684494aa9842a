package org.flickrdynamic.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of answer is mapped to a result or the right error, through the real HTTP stack. */
class ErrorMappingTest {
    private static final String SECRET = "S3CRET-never-shown-4471";
    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"));
        // One answer, one error: retries are off here and tested in the retry and attack suites.
        client = FlickrClient.builder().apiKey("key").secret(SECRET).endpoint(server.restUrl())
                .readTimeout(Duration.ofSeconds(2)).retries(0).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private FlickrTransportException transportError() {
        FlickrTransportException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(FlickrTransportException.class, () -> client.call("flickr.photos.getInfo", "photo_id", "1")));
        assertFalse(e.getMessage().contains(SECRET));
        return e;
    }

    @Test
    void okAnswerReturnsTheRspElement() {
        server.script(ScriptedServer.xml("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
                + "<rsp stat=\"ok\"><photo id=\"2733\"><title>记忆群组 &amp; more</title></photo></rsp>"));
        Element rsp = client.call("photos.getInfo", "photo_id", "2733");
        assertEquals("rsp", rsp.getName());
        assertEquals("2733", rsp.element("photo").attributeValue("id"));
        assertEquals("记忆群组 & more", rsp.element("photo").elementText("title"));
        assertEquals("2733", rsp.selectSingleNode("//photo/@id").getText(), "XPath works without set-up");
    }

    @Test
    void failAnswerRaisesApiExceptionWithTableExplanation() {
        server.script(ScriptedServer.xml("<rsp stat=\"fail\"><err code=\"1\" msg=\"Photo not found\"/></rsp>"));
        FlickrApiException e = assertThrows(FlickrApiException.class,
                () -> client.call("photos.getAllContexts", "photo_id", "9"));
        assertEquals(1, e.code());
        assertEquals("flickr.photos.getAllContexts", e.method());
        assertEquals("Photo not found", e.flickrMessage());
        assertEquals("Flickr error 1 calling flickr.photos.getAllContexts: Photo not found"
                + " (The photo id passed was not the id of a valid photo.)", e.getMessage());
        assertEquals("The photo id passed was not the id of a valid photo.", e.explanation());
        assertFalse(e.isRetryable());
    }

    @Test
    void undocumentedCodeKeepsFlickrsMessageAlone() {
        server.script(ScriptedServer.xml("<rsp stat=\"fail\"><err code=\"77\" msg=\"Something new\"/></rsp>"));
        FlickrApiException e = assertThrows(FlickrApiException.class, () -> client.call("photos.getInfo", "photo_id", "9"));
        assertEquals("Flickr error 77 calling flickr.photos.getInfo: Something new", e.getMessage());
        assertEquals(null, e.explanation());
    }

    @Test
    void commonCodesAreExplainedAndTemporaryOnesRetryable() {
        server.script(ScriptedServer.xml("<rsp stat=\"fail\"><err code=\"105\" msg=\"Service currently unavailable\"/></rsp>"));
        FlickrApiException e = assertThrows(FlickrApiException.class, () -> client.call("photos.getInfo", "photo_id", "9"));
        assertEquals(105, e.code());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("temporarily unavailable"), e.getMessage());
    }

    @Test
    void htmlPageWithStatus200IsATransportError() {
        server.script(ScriptedServer.answer(200, "text/html", "<html><body><h1>Maintenance</h1></body></html>"));
        FlickrTransportException e = transportError();
        assertTrue(e.getMessage().contains("not a Flickr response"), e.getMessage());
        assertTrue(e.getMessage().contains("<html><body><h1>Maintenance"), "shows the start of the body: " + e.getMessage());
        assertEquals(200, e.httpStatus());
    }

    @Test
    void truncatedXmlIsATransportError() {
        server.script(ScriptedServer.xml("<rsp stat=\"ok\"><photos page=\"1\"><photo id=\"1\""));
        FlickrTransportException e = transportError();
        assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
        assertTrue(e.isRetryable());
    }

    @Test
    void invalidUtf8IsATransportError() {
        server.script((socket, out) -> {
            byte[] body = "<rsp stat=\"ok\"><t>\u0000</t></rsp>".getBytes(StandardCharsets.UTF_8);
            body[body.length - 12] = (byte) 0xC3; // a lead byte followed by '<' is not UTF-8
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        });
        assertTrue(transportError().getMessage().contains("not a Flickr response"));
    }

    @Test
    void rspMissingOrUnknownStatOrFailWithoutErr() {
        server.script(ScriptedServer.xml("<response stat=\"ok\"/>"));
        assertTrue(transportError().getMessage().contains("root element is <response>"));
        server.script(ScriptedServer.xml("<rsp stat=\"maybe\"/>"));
        assertTrue(transportError().getMessage().contains("unknown stat=\"maybe\""));
        server.script(ScriptedServer.xml("<rsp/>"));
        assertTrue(transportError().getMessage().contains("<rsp> has no stat"));
        server.script(ScriptedServer.xml("<rsp stat=\"fail\"></rsp>"));
        assertTrue(transportError().getMessage().contains("without an <err>"));
        server.script(ScriptedServer.xml("<rsp stat=\"fail\"><err code=\"x\" msg=\"?\"/></rsp>"));
        assertTrue(transportError().getMessage().contains("no numeric code"));
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root-file-content-8812");
        server.script(ScriptedServer.xml("<?xml version=\"1.0\"?>\n<!DOCTYPE rsp [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<rsp stat=\"ok\"><t>&xxe;</t></rsp>"));
        FlickrTransportException e = transportError();
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.isRetryable());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("root-file-content-8812"));
        }
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                lol.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            lol.append("\">");
        }
        lol.append("]>\n<rsp stat=\"ok\">&lol9;</rsp>");
        server.script(ScriptedServer.xml(lol.toString()));
        assertTrue(transportError().getMessage().contains("DOCTYPE"));
    }

    @Test
    void httpErrorStatusShowsStatusBodyAndRetryAfter() {
        server.script(ScriptedServer.answer(503, "text/plain", "Service Unavailable, try later", "Retry-After: 7"));
        FlickrTransportException e = transportError();
        assertEquals(503, e.httpStatus());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertTrue(e.getMessage().contains("Retry-After: 7"), e.getMessage());
        assertTrue(e.getMessage().contains("Service Unavailable, try later"), e.getMessage());

        server.script(ScriptedServer.answer(404, "text/html", ""));
        FlickrTransportException notFound = transportError();
        assertEquals(404, notFound.httpStatus());
        assertFalse(notFound.isRetryable());
        assertTrue(notFound.getMessage().contains("the body is empty"));

        server.script(ScriptedServer.answer(429, "text/plain", "slow down"));
        assertTrue(transportError().isRetryable());
    }

    @Test
    void rejectedOauthSignatureShowsBothBaseStrings() {
        server.script(ScriptedServer.answer(401, "text/plain",
                "oauth_problem=signature_invalid&debug_sbs=GET&http%3A%2F%2Fexample%2Fservices%2Frest%2F&api_key%3Dkey"));
        FlickrClient user = client.newBuilder().token("user-token", "token-secret-never-shown").build();
        FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> user.call("flickr.test.login"));
        user.close();
        String m = e.getMessage();
        assertTrue(m.contains("oauth_problem=signature_invalid"), m);
        assertTrue(m.contains("Flickr's base string: GET&http%3A%2F%2Fexample%2Fservices%2Frest%2F&api_key%3Dkey"), m);
        assertTrue(m.contains("our base string:      GET&http%3A%2F%2F127.0.0.1"), m);
        assertTrue(m.contains("first differ at character 17"), m);
        assertEquals(401, e.httpStatus());
        assertFalse(m.contains(SECRET) || m.contains("token-secret-never-shown"));
        assertFalse(m.contains("oauth_signature%3D"), "the signature itself is never shown");
    }

    @Test
    void bodyOverTheCapIsRefusedWithoutReadingItAll() throws IOException {
        try (FlickrClient capped = client.newBuilder().maxResponseBytes(64 * 1024).build()) {
            server.script((socket, out) -> {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 300000000\r\n\r\n<rsp stat=\"ok\">"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = "<photo id=\"1\"/>".repeat(1000).getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 20_000; i++) { // up to 300 MB, unless the client hangs up first
                        out.write(chunk);
                    }
                } catch (IOException clientHungUp) {
                    // expected: the client stops at its cap
                }
            });
            FlickrTransportException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(FlickrTransportException.class, () -> capped.call("photos.getInfo", "photo_id", "1")));
            assertTrue(e.getMessage().contains("larger than the cap of 65536 bytes"), e.getMessage());
            assertFalse(e.isRetryable());
        }
    }

    @Test
    void headersThenSilenceHitsTheReadTimeout() {
        server.script((socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 100\r\n\r\n<rsp"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FlickrTransportException e = transportError();
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("cut off") || e.getMessage().contains("Timed out"), e.getMessage());
    }

    @Test
    void connectionResetIsRetryableTransportError() {
        server.script((socket, out) -> {
            socket.setSoLinger(true, 0); // close with RST
            socket.close();
        });
        assertTrue(transportError().isRetryable());
    }

    @Test
    void connectionRefusedSaysSo() {
        // Port 1 on the loopback: nothing listens there (a just-freed ephemeral port could self-connect).
        String url = "http://127.0.0.1:1/services/rest/";
        try (FlickrClient c = FlickrClient.builder().apiKey("k").endpoint(url).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> c.call("test.echo"));
            assertTrue(e.getMessage().startsWith("Connection refused calling flickr.test.echo at " + url), e.getMessage());
            assertEquals(0, e.httpStatus());
            assertTrue(e.isRetryable());
        }
    }
}
