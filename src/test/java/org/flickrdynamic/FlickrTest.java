package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The static facade: the Scheme wrapper's parameters, as one swapped immutable client. */
class FlickrTest {
    private ScriptedServer server;
    private FlickrClient before;

    @BeforeEach
    void start() throws IOException {
        before = Flickr.client();
        server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"><method>flickr.test.echo</method></rsp>"));
    }

    @AfterEach
    void restore() throws IOException {
        Flickr.currentApiKey(before.apiKey());
        Flickr.currentSecKey(before.secret());
        Flickr.signed(before.signed());
        Flickr.signing(before.signing());
        Flickr.endpoint(before.endpoint());
        Flickr.currentToken(null, null);
        server.close();
    }

    @Test
    void environmentIsEmptyInTheTestRun() {
        // Surefire clears FLICKR_* so a developer's own key never reaches the suite.
        assertNull(before.apiKey());
        assertEquals("https://api.flickr.com/services/rest/", before.endpoint());
    }

    @Test
    void parametersAreSetAndReadBack() {
        Flickr.currentApiKey("k1");
        Flickr.currentSecKey("s1");
        Flickr.signed(true);
        Flickr.signing(Signing.LEGACY_MD5);
        Flickr.endpoint(server.restUrl());
        assertEquals("k1", Flickr.currentApiKey());
        assertEquals("s1", Flickr.currentSecKey());
        assertTrue(Flickr.signed());
        assertEquals(Signing.LEGACY_MD5, Flickr.signing());
        assertEquals(server.restUrl(), Flickr.endpoint());
        assertFalse(Flickr.client().toString().contains("s1"));
    }

    @Test
    void callUsesTheCurrentParameters() {
        Flickr.currentApiKey("facade-key");
        Flickr.endpoint(server.restUrl());
        Element rsp = Flickr.call("flickr.test.echo", Map.of());
        assertEquals("flickr.test.echo", rsp.elementText("method"));
        Flickr.call("test.echo", "foo", "bar");
        assertEquals(2, server.received().size());
        String line = server.received().get(1).line();
        assertTrue(line.contains("api_key=facade-key"), line);
        assertTrue(line.contains("foo=bar"), line);
    }

    @Test
    void aBadSettingLeavesTheCurrentClientAlone() {
        FlickrClient current = Flickr.client();
        assertThrows(FlickrArgumentException.class, () -> Flickr.endpoint("http://example.com/rest/"));
        assertSame(current, Flickr.client());
    }

    @Test
    void concurrentSettersNeverLoseAnUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    if (n % 2 == 0) {
                        Flickr.currentApiKey("key-" + n);
                    } else {
                        Flickr.signed(n % 4 == 1);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Flickr.currentApiKey("last");
        Flickr.signed(true);
        assertEquals("last", Flickr.currentApiKey());
        assertTrue(Flickr.signed());
    }

    @Test
    void methodsListsTheTable() {
        List<String> names = Flickr.methods();
        assertTrue(names.contains("flickr.photos.search"));
        assertTrue(names.size() > 200);
    }
}
