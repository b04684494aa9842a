package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;

/** bin/flickr's behaviour, run in-process: output, messages and the contract's exit codes. */
class FlickrCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sandboxEchoPrintsIndentedXml() {
        assertEquals(0, run("--sandbox", "flickr.test.echo", "foo=bar", "empty=", "eq=a=b"), err());
        String xml = out();
        assertTrue(xml.startsWith("<rsp stat=\"ok\">\n  <"), xml);
        assertTrue(xml.contains("\n  <foo>bar</foo>\n"), xml);
        assertTrue(xml.contains("<eq>a=b</eq>"), "only the first = splits: " + xml);
        assertTrue(xml.contains("<method>flickr.test.echo</method>"), xml);
        assertEquals("", err());
    }

    @Test
    void sandboxSearchReturnsPhotos() {
        assertEquals(0, run("--sandbox", "photos.search", "tags=cat", "per_page=3"), err());
        assertEquals(3, out().split("<photo ", -1).length - 1, out());
        assertTrue(out().contains("perpage=\"3\""), out());
    }

    @Test
    void sandboxLoginMethodsWorkWithoutSetup() {
        assertEquals(0, run("--sandbox", "flickr.test.login"), err());
        assertTrue(out().contains("<user id=\""), out());
    }

    @Test
    void misspelledMethodSuggestsAndExitsTwo() {
        assertEquals(2, run("--sandbox", "flickr.photos.serach", "tags=cat"));
        assertTrue(err().contains("did you mean flickr.photos.search"), err());
        assertEquals("", out());
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, run("--sandbox", "photos.getInfo", "photoid=1"));
        assertTrue(err().contains("unknown argument photoid (did you mean photo_id?)"), err());
        assertTrue(err().contains("missing required argument photo_id"), err());
    }

    @Test
    void argumentWithoutEqualsIsUsageError() {
        assertEquals(2, run("--sandbox", "test.echo", "foo"));
        assertTrue(err().contains("argument 'foo' is not name=value"), err());
        assertTrue(err().contains("usage: flickr"), err());
    }

    @Test
    void noMethodOrUnknownOptionIsUsageError() {
        assertEquals(2, run());
        assertTrue(err().contains("no method given"));
        assertEquals(2, run("--frobnicate", "test.echo"));
        assertTrue(err().contains("unknown option --frobnicate"));
    }

    @Test
    void flickrErrorExitsOneWithCodeOnStderr() {
        assertEquals(1, run("--sandbox", "photos.getInfo", "photo_id=999999999999"));
        assertTrue(err().startsWith("flickr: error 1: "), err());
        assertEquals("", out());
    }

    @Test
    void transportFailureExitsThree() throws IOException {
        try (ScriptedServer s = new ScriptedServer(ScriptedServer.answer(500, "text/html", "<h1>oops</h1>"))) {
            assertEquals(3, run("--endpoint", s.restUrl(), "test.echo", "api_key=k"));
            assertTrue(err().contains("HTTP 500"), err());
        }
        err.reset();
        // Port 1 on the loopback: nothing listens there. (A port just freed could be picked as the
        // connection's own source port, and Linux then connects the socket to itself.)
        assertEquals(3, run("--endpoint", "http://127.0.0.1:1/services/rest/", "test.echo", "api_key=k"));
        assertTrue(err().contains("Connection refused"), err());
    }

    @Test
    void helpPrintsTheMethodsDocumentation() {
        assertEquals(0, run("--help", "photos.search"));
        String help = out();
        assertTrue(help.startsWith("flickr.photos.search\n"), help);
        assertTrue(help.contains("Arguments:"), help);
        assertTrue(help.contains("  tags\n"), help);
        assertTrue(help.contains("paged (<photos> of <photo>)"), help);
        assertTrue(help.contains("100 Invalid API Key"), help);
    }

    @Test
    void helpForRequiredArgumentsAndExamples() {
        assertEquals(0, run("--help", "flickr.photos.getAllContexts"));
        assertTrue(out().contains("photo_id (required)"), out());
        assertTrue(out().contains("记忆群组"), out());
        assertTrue(out().contains("1 Photo not found"), out());
    }

    @Test
    void helpForUnknownMethodExitsTwo() {
        assertEquals(2, run("--help", "photos.serach"));
        assertTrue(err().contains("did you mean"), err());
    }

    @Test
    void keylessRealCallSaysHowToGetOne() {
        assertEquals(2, run("test.echo"));
        assertTrue(err().contains("no API key: set one on the client or in FLICKR_API_KEY"), err());
        assertTrue(err().contains("On the command line: set FLICKR_API_KEY and FLICKR_API_SECRET, or use --sandbox"), err());
        assertFalse(err().contains("Flickr.currentApiKey"), "the facade's hint is not the command line's: " + err());
        assertFalse(err().contains("Exception"), "a message, not a stack trace: " + err());
    }
}
