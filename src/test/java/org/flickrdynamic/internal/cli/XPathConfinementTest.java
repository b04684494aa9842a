package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --xpath} sees the answer and nothing else: {@code document()} reads no local file and fetches no
 * URL, neither in the check made before sending nor on the answer, and an expression of runaway cost is
 * stopped with a clear error instead of running for hours.
 */
@Timeout(60)
class XPathConfinementTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void documentReadsNoFileAndFetchesNoUrl() throws Exception {
        Path secret = dir.resolve("secret.xml");
        Files.writeString(secret, "<secret>local file content</secret>");
        try (ScriptedServer elsewhere = new ScriptedServer(ScriptedServer.xml("<fetched>remote</fetched>"))) {
            for (String target : new String[] {secret.toUri().toString(), elsewhere.restUrl()}) {
                String expression = "document('" + target + "')//text()";
                assertEquals(2, run("--sandbox", "--xpath", expression, "test.echo"));
                String message = err.toString(StandardCharsets.UTF_8);
                assertTrue(message.startsWith("flickr: --xpath '" + expression + "' cannot be evaluated"), message);
                assertTrue(message.contains("document() is refused: --xpath reads only the answer"), message);
                assertFalse(message.contains("local file content") || message.contains("remote"), message);
                assertEquals("", out.toString(StandardCharsets.UTF_8));
            }
            assertEquals(0, elsewhere.received().size(), "nothing was fetched");
        }
    }

    @Test
    void evaluateCannotSmuggleDocumentPastTheCheck() {
        assertEquals(2, run("--sandbox", "--xpath", "evaluate(\"document('/etc/hostname')\")", "test.echo"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("evaluate() is refused"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRunawayExpressionIsStoppedWithAClearError() {
        try (Sandbox sandbox = Sandbox.start();
             FlickrClient client = FlickrClient.builder().endpoint(sandbox.restUrl()).apiKey(sandbox.apiKey()).build()) {
            Element rsp = client.call("flickr.photos.search", "tags", "cat", "per_page", 100);
            assertEquals(100, rsp.element("photos").elements("photo").size());
            // Each level walks every photo for every photo of the level above: 100^5 steps.
            String runaway = "count(//photo[count(//photo[count(//photo[count(//photo[count(//photo) > 0]) > 0]) > 0]) > 0])";
            XPathQuery query = XPathQuery.compile(runaway, Duration.ofMillis(300));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> query.print(rsp, new PrintStream(printed, true, StandardCharsets.UTF_8)));
            assertEquals("--xpath '" + runaway + "' took longer than 300 ms on the answer and was stopped;"
                    + " select less at each step", e.getMessage());
            assertEquals(0, printed.size());
            // The same query object still answers a cheap question within its time: the deadline is per evaluation.
            XPathQuery cheap = XPathQuery.compile("count(//photo)", Duration.ofMillis(300));
            cheap.print(rsp, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals("100", printed.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
