package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox serves gzip to clients that accept it, as Flickr does, and plain bytes to the others. */
class GzipTest {
    private static Sandbox sandbox;
    private static String searchUrl;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        searchUrl = sandbox.restUrl() + "?method=flickr.photos.search&api_key=" + sandbox.apiKey()
                + "&min_upload_date=0&per_page=200&extras=owner_name,url_m";
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<byte[]> get(String url, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
        if (acceptEncoding != null) {
            r.header("Accept-Encoding", acceptEncoding);
        }
        return SandboxHttp.HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aPageIsGzippedWhenAskedAndInflatesToThePlainPage() throws Exception {
        HttpResponse<byte[]> plain = get(searchUrl, null);
        HttpResponse<byte[]> gzipped = get(searchUrl, "gzip, deflate");
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(gzipped.body().length < plain.body().length / 4, "a photo list compresses well");
        assertArrayEquals(plain.body(), gunzip(gzipped.body()));
        assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains("perpage=\"200\""));
    }

    @Test
    void onlyAnAcceptedGzipIsSent() throws Exception {
        assertEquals("gzip", get(searchUrl, "br;q=1.0, x-gzip;q=0.5").headers().firstValue("Content-Encoding").orElse(null));
        assertEquals("gzip", get(searchUrl, "*").headers().firstValue("Content-Encoding").orElse(null));
        for (String refusal : new String[] {"identity", "gzip;q=0", "gzip; q=0.0", "br", ""}) {
            HttpResponse<byte[]> r = get(searchUrl, refusal);
            assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), refusal);
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).startsWith("<?xml"), refusal);
        }
    }

    @Test
    void smallAnswersGoAsTheyAre() throws Exception {
        HttpResponse<byte[]> echo = get(sandbox.restUrl() + "?method=flickr.test.echo&api_key=" + sandbox.apiKey()
                + "&foo=bar", "gzip");
        assertTrue(echo.body().length < Gzip.MIN_BYTES);
        assertTrue(echo.headers().firstValue("Content-Encoding").isEmpty());
        assertTrue(new String(echo.body(), StandardCharsets.UTF_8).contains("<foo>bar</foo>"));
    }

    @Test
    void anEqualBodyIsCompressedOnce() throws IOException {
        Gzip gzip = new Gzip();
        String page = "<photo id=\"1\" title=\"Tōkyō\"/>".repeat(500);
        byte[] first = gzip.compress(page);
        assertArrayEquals(page.getBytes(StandardCharsets.UTF_8), gunzip(first), "UTF-8, gzipped");
        assertSame(first, gzip.compress(new String(page.toCharArray())), "an equal body is answered from the kept ones");
        String other = page.substring(0, page.length() - 5) + "2\"/>";
        byte[] second = gzip.compress(other);
        assertFalse(java.util.Arrays.equals(first, second), "a body differing in one character is compressed anew");
        assertArrayEquals(other.getBytes(StandardCharsets.UTF_8), gunzip(second));
        for (int i = 0; i < 20; i++) { // more distinct bodies than are kept: none is ever mixed up
            String body = ("<n>" + i + "</n>").repeat(300);
            assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), gunzip(gzip.compress(body)));
        }
    }

    @Test
    void acceptEncodingIsReadAsHttpDefinesIt() {
        assertTrue(Gzip.accepted("gzip"));
        assertTrue(Gzip.accepted("GZIP;q=0.001"));
        assertTrue(Gzip.accepted("deflate, gzip;q=1"));
        assertFalse(Gzip.accepted(null));
        assertFalse(Gzip.accepted("gzip;q=0.000"));
        assertFalse(Gzip.accepted("deflate, br"));
    }
}
