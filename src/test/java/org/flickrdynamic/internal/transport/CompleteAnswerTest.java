package org.flickrdynamic.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.response.FastTreeBuilder;
import org.flickrdynamic.testing.ScriptedServer.Script;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Once the root element of an answer has ended the answer is complete: a server that then falls silent
 * (a body ended by closing the connection, a Content-Length promising more) does not turn it into an error
 * or a retry, and costs at most the dropped connection.
 */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CompleteAnswerTest {
    private static final String ANSWER = "<rsp stat=\"ok\"><method>flickr.test.echo</method></rsp>";

    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(ScriptedServer.xml(ANSWER));
        client = FlickrClient.builder().apiKey("k").endpoint(server.restUrl()).readTimeout(Duration.ofSeconds(3))
                .retries(0).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    /** Headers, then {@code body} with the connection held open and silent. */
    private static Script thenSilence(String headers, byte[] body) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private void assertAnsweredAtOnce(Duration within) {
        long start = System.nanoTime();
        Element rsp = client.call("test.echo");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("flickr.test.echo", rsp.elementText("method"));
        assertTrue(ms < within.toMillis(), "answered in " + ms + " ms, not after the read timeout");
    }

    @Test
    void anAnswerEndedByClosingIsCompleteAtItsRootEvenIfTheServerDoesNotClose() {
        server.script(thenSilence("Connection: close\r\n", ANSWER.getBytes(StandardCharsets.US_ASCII)));
        assertAnsweredAtOnce(Duration.ofMillis(1_500));
        server.script(thenSilence("", (ANSWER + "\n").getBytes(StandardCharsets.US_ASCII)));
        assertAnsweredAtOnce(Duration.ofMillis(1_500));
    }

    @Test
    void aContentLengthPromisingMoreCostsTheConnectionNotTheAnswer() {
        server.script(thenSilence("Content-Length: 500\r\n", ANSWER.getBytes(StandardCharsets.US_ASCII)));
        assertAnsweredAtOnce(Duration.ofMillis(1_500));
        server.script(ScriptedServer.xml(ANSWER));
        assertAnsweredAtOnce(Duration.ofMillis(1_500)); // on a new connection
    }

    @Test
    void aGzippedAnswerWhoseTrailerNeverComesIsCompleteAtItsRoot() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        GZIPOutputStream gz = new GZIPOutputStream(bytes, true);
        gz.write(ANSWER.getBytes(StandardCharsets.US_ASCII));
        gz.flush(); // the whole document, but neither the last block nor the trailer
        server.script(thenSilence("Content-Encoding: gzip\r\n", bytes.toByteArray()));
        assertAnsweredAtOnce(Duration.ofMillis(1_500));
    }

    @Test
    void whatFollowsTheRootInTheSameAnswerIsStillRefused() {
        for (String after : new String[] {"<rsp stat=\"ok\"/>", "trailing"}) {
            server.script(ScriptedServer.xml(ANSWER + after));
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> client.call("test.echo"));
            assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
        }
    }

    @Test
    void aCompleteAnswerWithItsRestInTimeKeepsTheConnection() {
        server.script(ScriptedServer.xml(ANSWER + "\n\n"));
        try (HttpTransport transport = new HttpTransport(new TransportSettings(Duration.ofSeconds(2), 4, "test"))) {
            for (int i = 0; i < 3; i++) {
                Element rsp = transport.send("flickr.test.echo", "GET", server.restUrl(), Map.of(), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), 10_000, answer -> {
                            try {
                                return new FastTreeBuilder().build(answer.body()).getRootElement();
                            } catch (DocumentException e) {
                                throw new IOException(e);
                            }
                        });
                assertEquals("ok", rsp.attributeValue("stat"));
            }
            assertEquals(new HttpTransport.PoolStats(0, 1, 0, 4), transport.poolStats(), "one connection, reused");
        }
    }
}
