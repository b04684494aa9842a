package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.flickrdynamic.testing.ChildJvm;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.testing.ScriptedServer;
import org.flickrdynamic.testing.ScriptedServer.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers small on the wire that would fill the heap: 30 MiB of {@code <x/>} (8 million elements from
 * 29 KiB of gzip), of elements with ten attributes each, of comments, and of one long text. A default
 * client in a 256 MiB heap refuses each with an error naming the limit and how to raise it, reads a text
 * just under the default size cap, and no {@link Error} escapes. The largest real answer, a 500-photo
 * page with every extra, passes.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParserLimitsTest {
    private static final long INFLATED = 30L * 1024 * 1024;
    private static final String EVERY_EXTRA = "description,license,date_upload,date_taken,owner_name,icon_server,"
            + "original_format,last_update,geo,tags,machine_tags,o_dims,views,media,path_alias,url_sq,url_t,url_s,"
            + "url_q,url_m,url_n,url_z,url_c,url_l,url_o";

    /** A gzip answer: {@code head}, then {@code chunk} again and again to {@code INFLATED} bytes, then {@code tail}. */
    private static void gzip(OutputStream out, String head, String chunk, String tail) throws IOException {
        gzip(out, head, chunk, tail, INFLATED);
    }

    /** A gzip answer: {@code head}, then {@code chunk} again and again to about {@code size} bytes, then {@code tail}. */
    private static void gzip(OutputStream out, String head, String chunk, String tail, long size) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] repeated = chunk.repeat(Math.max(1, 8192 / chunk.length())).getBytes(StandardCharsets.US_ASCII);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(head.getBytes(StandardCharsets.UTF_8));
            for (long n = 0; n + repeated.length <= size; n += repeated.length) {
                gz.write(repeated);
            }
            gz.write(tail.getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientHungUp) {
            // expected once the client refuses the answer
        }
    }

    @Test
    void answersThatWouldFillTheHeapAreRefusedByNameAndRealPagesPass() throws Exception {
        String page;
        try (Sandbox sandbox = Sandbox.start();
             FlickrClient c = FlickrClient.builder().endpoint(sandbox.restUrl()).apiKey(sandbox.apiKey()).build()) {
            page = c.call("flickr.photos.search", "text", "a", "per_page", 500, "extras", EVERY_EXTRA)
                    .getDocument().asXML();
        }
        assertTrue(page.contains("url_o=") && page.contains("<description"), "every extra is in the page");
        assertTrue(page.length() < FlickrClient.DEFAULT_MAX_RESPONSE_BYTES / 8, "far under the cap: " + page.length());
        String rsp = "<rsp stat=\"ok\"><photos>";
        String end = "</photos></rsp>";
        List<Script> answers = List.of(
                (socket, out) -> gzip(out, rsp, "<x/>", end),
                (socket, out) -> gzip(out, rsp, "<x a=\"\" b=\"\" c=\"\" d=\"\" e=\"\" f=\"\" g=\"\" h=\"\" i=\"\" j=\"\"/>", end),
                (socket, out) -> gzip(out, rsp, "<!--c-->", end),
                (socket, out) -> gzip(out, rsp + "<t>", "text ", "</t>" + end, FlickrClient.DEFAULT_MAX_RESPONSE_BYTES - 1024),
                (socket, out) -> gzip(out, rsp + "<t>", "text ", "</t>" + end),
                (socket, out) -> gzip(out, page, " ", ""));
        try (ScriptedServer server = new ScriptedServer(null)) {
            server.script((socket, out) -> answers.get(server.received().size() - 1).answer(socket, out));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", ChildJvm.classPath(), ParserLimitsClient.class.getName(),
                    server.restUrl(), Integer.toString(answers.size()))
                    .redirectErrorStream(true).start();
            String out;
            try {
                out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the client JVM finished");
            } finally {
                child.destroyForcibly();
            }
            assertEquals(0, child.exitValue(), out);
            List<String> lines = out.lines().toList();
            String refused = "FlickrTransportException: The answer to flickr.photos.search from " + server.restUrl()
                    + " was refused: it has more than ";
            assertEquals(refused + "200,000 elements and other nodes, the parser's limit (raise it with"
                    + " -Dflickrdynamic.maxAnswerNodes=N if the answer is genuine)", lines.get(0), out);
            assertEquals(refused + "1,000,000 attributes, the parser's limit (raise it with"
                    + " -Dflickrdynamic.maxAnswerAttributes=N if the answer is genuine)", lines.get(1), out);
            assertTrue(lines.get(2).startsWith(refused + "200,000 elements and other nodes"), out);
            assertEquals("ok 0", lines.get(3), "text up to the size cap is one node, and fits: " + out);
            assertEquals("FlickrTransportException: The answer to flickr.photos.search from " + server.restUrl()
                    + " decompresses to more than the cap of 16777216 bytes and was refused (raise maxResponseBytes if"
                    + " it is genuine)", lines.get(4), out);
            assertEquals("ok 500", lines.get(5), out);
            long maxHeap = Long.parseLong(lines.get(6).replace("max heap: ", ""));
            assertTrue(maxHeap <= 256L * 1024 * 1024, "the client really ran in 256 MiB: " + maxHeap);
            assertEquals(answers.size(), server.received().size(), "a refused answer is not asked again");
        }
    }

    @Test
    void nestingPastTheDepthLimitIsRefusedByNameAndNotRetried() throws Exception {
        String deep = "<rsp stat=\"ok\">" + "<a>".repeat(1_000) + "</a>".repeat(1_000) + "</rsp>";
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.xml(deep));
             FlickrClient c = FlickrClient.builder().apiKey("limits-key").endpoint(server.restUrl()).retries(3).build()) {
            org.flickrdynamic.FlickrTransportException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.flickrdynamic.FlickrTransportException.class, () -> c.call("flickr.photos.search", "tags", "cat"));
            assertEquals("The answer to flickr.photos.search from " + server.restUrl() + " was refused: its elements"
                    + " nest deeper than 1000 levels, the parser's limit (raise it with -Dflickrdynamic.maxAnswerDepth=N"
                    + " if the answer is genuine)", e.getMessage());
            assertEquals(1, server.received().size(), "the same answer would come again");
        }
    }
}
