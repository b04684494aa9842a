package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.dom4j.Element;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Methods as values: Flickr.method, FlickrClient.method, methods(prefix) and help. */
class FlickrMethodTest {
    private static Sandbox sandbox;
    private static Sandbox other;
    private static FlickrClient client;
    private FlickrClient before;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        other = Sandbox.builder().apiKey("other-key").start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
        other.close();
    }

    @BeforeEach
    void saveFacade() {
        before = Flickr.client();
        sandbox.clearRequests();
        other.clearRequests();
    }

    @AfterEach
    void restoreFacade() {
        Flickr.currentApiKey(before.apiKey());
        Flickr.endpoints(before.endpoints());
    }

    private static RecordedRequest last(Sandbox s) {
        List<RecordedRequest> r = s.requests();
        return r.get(r.size() - 1);
    }

    @Test
    void aClientsMethodCallsThroughThatClient() {
        FlickrMethod echo = client.method("test.echo");
        assertEquals("flickr.test.echo", echo.name());
        Element rsp = echo.call(Map.of("foo", "bar", "n", 5));
        assertEquals("bar", rsp.elementText("foo"));
        assertEquals("5", rsp.elementText("n"));
        assertEquals("bar", echo.call("foo", "bar").elementText("foo"));
        Function<Map<?, ?>, Element> asFunction = echo;
        assertEquals("x", asFunction.apply(Map.of("foo", "x")).elementText("foo"));
        assertEquals(3, sandbox.requests().size());
        assertEquals("5", sandbox.requests().get(0).param("n"));
    }

    @Test
    void theFacadesMethodUsesTheSettingsOfTheMomentOfEachCall() {
        Flickr.baseUrl(sandbox.baseUrl());
        Flickr.currentApiKey(sandbox.apiKey());
        FlickrMethod echo = Flickr.method("flickr.test.echo");
        echo.call("foo", "one");
        assertEquals("one", last(sandbox).param("foo"));

        Flickr.baseUrl(other.baseUrl());
        Flickr.currentApiKey("other-key");
        echo.call("foo", "two");
        assertEquals("two", last(other).param("foo"), "the same value follows the new settings");
        assertEquals("other-key", last(other).param("api_key"));
        assertEquals(1, sandbox.requests().size());
    }

    @Test
    void aMethodKnowsItsSpecAndDocumentsItself() {
        FlickrMethod delete = client.method("photos.delete");
        assertEquals("flickr.photos.delete(photo_id) [login: delete, signed, POST]", delete.toString());
        assertTrue(delete.spec().needsLogin());
        assertEquals("photo_id", delete.spec().arguments().get(0).name());
        String help = delete.help();
        assertTrue(help.startsWith("flickr.photos.delete\n"), help);
        assertTrue(help.contains("photo_id (required)"), help);
        assertEquals(help, Flickr.help("photos.delete"));
        assertEquals(help, client.help("flickr.photos.delete"));
    }

    @Test
    void aMethodChecksItsCallsLikeCallDoes() {
        FlickrMethod getInfo = client.method("photos.getInfo");
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> getInfo.call(Map.of()));
        assertTrue(e.getMessage().contains("photo_id"), e.getMessage());
        assertTrue(sandbox.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void unknownNamesSuggestTheNearest() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> Flickr.method("photos.serach"));
        assertTrue(e.getMessage().contains("did you mean flickr.photos.search,"), e.getMessage());
        assertThrows(FlickrArgumentException.class, () -> client.method(null));
        FlickrArgumentException h = assertThrows(FlickrArgumentException.class, () -> Flickr.help("photo.getInfo"));
        assertTrue(h.getMessage().contains("flickr.photos.getInfo"), h.getMessage());
    }

    @Test
    void methodsListsNamesByPrefixWithOrWithoutFlickr() {
        List<String> comments = Flickr.methods("photos.comments.");
        assertEquals(List.of("flickr.photos.comments.addComment", "flickr.photos.comments.deleteComment",
                "flickr.photos.comments.editComment", "flickr.photos.comments.getList",
                "flickr.photos.comments.getRecentForContacts"), comments);
        assertEquals(comments, Flickr.methods("flickr.photos.comments."));
        assertEquals(comments, client.methods(" photos.comments. "));
        assertTrue(Flickr.methods("photos").contains("flickr.photosets.getList"), "a plain prefix, not a group");
        assertEquals(Flickr.methods(), Flickr.methods(""));
        assertEquals(Flickr.methods(), Flickr.methods("flickr."));
        assertEquals(List.of(), Flickr.methods("nothing."));
    }

    @Test
    void theSameMethodFromTwoClientsStaysApart() {
        try (FlickrClient second = FlickrClient.builder().baseUrl(other.baseUrl()).apiKey("other-key").build()) {
            FlickrMethod a = client.method("test.echo");
            FlickrMethod b = second.method("test.echo");
            a.call("who", "a");
            b.call("who", "b");
            assertEquals("a", last(sandbox).param("who"));
            assertEquals("b", last(other).param("who"));
            assertSame(a.spec(), b.spec(), "both read the one bundled table");
        }
    }
}
