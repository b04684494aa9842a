package org.flickrdynamic.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gzip on the wire: asked for on every request, decompressed transparently, and capped on both sides, so
 * neither a bomb (a small body that inflates without end) nor a padded stream (a body that never inflates
 * to anything) can fill the heap or keep the client reading.
 */
class GzipAnswerTest {
    private static final long CAP = 64 * 1024;
    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"));
        client = FlickrClient.builder().apiKey("key").endpoint(server.restUrl()).maxResponseBytes(CAP)
                .readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private static ScriptedServer.Script gzipped(byte[] body) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        };
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private FlickrTransportException refused() {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(FlickrTransportException.class, () -> client.call("flickr.test.echo")));
    }

    @Test
    void asksForGzipAndReadsItTransparently() throws IOException {
        server.script(gzipped(gzip("<rsp stat=\"ok\"><photos total=\"2\"><photo id=\"1\" title=\"Tōkyō &amp; 東京\"/>"
                + "<photo id=\"2\"/></photos></rsp>")));
        Element rsp = client.call("flickr.test.echo");
        assertEquals("Tōkyō & 東京", rsp.element("photos").element("photo").attributeValue("title"));
        assertEquals(2, rsp.selectNodes("//photo").size());
        assertEquals("gzip", server.received().get(0).header("Accept-Encoding"));

        // The connection stays usable: the next answer, plain this time, comes through the same pool.
        server.script(ScriptedServer.xml("<rsp stat=\"ok\"><plain/></rsp>"));
        assertEquals("plain", client.call("flickr.test.echo").elements().get(0).getName());
    }

    @Test
    void aGzipBombIsRefusedAtTheDecompressedCap() throws IOException {
        // 50 MB of spaces inside <rsp> compress to about 50 KB: under the cap on the wire, far over it inflated.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("<rsp stat=\"ok\">".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                gz.write(spaces);
            }
            gz.write("</rsp>".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(bytes.size() < CAP, "the bomb itself is small: " + bytes.size());
        server.script(gzipped(bytes.toByteArray()));
        FlickrTransportException e = refused();
        assertTrue(e.getMessage().contains("decompresses to more than the cap of 65536 bytes"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void aPaddedStreamIsRefusedAtTheWireCap() throws IOException {
        // Empty deflate blocks: megabytes on the wire that inflate to nothing, so only the wire cap stops them.
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        byte[] buffer = new byte[64];
        deflater.setInput("<rsp stat=\"ok\">".getBytes(StandardCharsets.US_ASCII));
        raw.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH));
        byte[] emptyStoredBlock = {0, 0, 0, (byte) 0xff, (byte) 0xff}; // not final, stored, length 0
        for (int i = 0; i < 200_000; i++) {
            raw.write(emptyStoredBlock);
        }
        assertTrue(raw.size() > 10 * CAP);
        server.script(gzipped(raw.toByteArray()));
        FlickrTransportException e = refused();
        assertTrue(e.getMessage().contains("larger than the cap of 65536 bytes"), e.getMessage());
    }

    @Test
    void corruptGzipIsNotAFlickrResponse() throws IOException {
        byte[] body = gzip("<rsp stat=\"ok\"><photo id=\"1\"/></rsp>" + " ".repeat(2000));
        body[body.length - 12] ^= 0x55; // damage the deflate data near its end
        server.script(gzipped(body));
        FlickrTransportException e = refused();
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());

        server.script(gzipped("<rsp stat=\"ok\"/>".getBytes(StandardCharsets.US_ASCII))); // labelled gzip, but plain
        assertTrue(refused().getMessage().contains("gzip"));
    }

    @Test
    void anEmptyGzipBodyFailsWithoutHanging() {
        server.script(gzipped(new byte[0]));
        FlickrTransportException e = refused();
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void anEncodingNotAskedForIsRefused() {
        server.script(ScriptedServer.answer(200, "text/xml", "<rsp stat=\"ok\"/>", "Content-Encoding: br"));
        FlickrTransportException e = refused();
        assertTrue(e.getMessage().contains("Content-Encoding \"br\", which was not asked for"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void aGzippedErrorPageIsShownDecompressed() throws IOException {
        byte[] page = gzip("Service Unavailable: back soon");
        server.script((socket, out) -> {
            out.write(("HTTP/1.1 503 X\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: "
                    + page.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(page);
            out.flush();
        });
        FlickrTransportException e = refused();
        assertEquals(503, e.httpStatus());
        assertTrue(e.getMessage().contains("Service Unavailable: back soon"), e.getMessage());
    }
}
