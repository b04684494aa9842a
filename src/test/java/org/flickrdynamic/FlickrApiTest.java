package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API as a tree of maps, as dynamic languages walk it. */
class FlickrApiTest {
    private static Sandbox sandbox;
    private static FlickrClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void groupsLeadToMethods() {
        FlickrApi api = client.api();
        assertEquals("flickr.", api.prefix());
        assertTrue(api.containsKey("photos") && api.containsKey("test") && !api.containsKey("search"));
        FlickrApi photos = assertInstanceOf(FlickrApi.class, api.get("photos"));
        assertEquals("flickr.photos.", photos.prefix());
        FlickrMethod search = assertInstanceOf(FlickrMethod.class, photos.get("search"));
        assertEquals("flickr.photos.search", search.name());
        FlickrApi comments = assertInstanceOf(FlickrApi.class, photos.get("comments"));
        assertEquals(5, comments.size());
        assertTrue(comments.keySet().contains("getList"));
        Element rsp = ((FlickrMethod) ((FlickrApi) api.get("test")).get("echo")).call(Map.of("foo", "bar"));
        assertEquals("bar", rsp.elementText("foo"));
    }

    @Test
    void everyMethodOfTheTableIsReachable() {
        int found = count(client.api());
        assertEquals(client.table().names().size(), found);
    }

    private static int count(FlickrApi group) {
        int n = 0;
        for (Object child : group.values()) {
            n += child instanceof FlickrApi g ? count(g) : 1;
        }
        return n;
    }

    @Test
    void aWrongNameFailsWithTheNearestOnes() {
        FlickrApi photos = (FlickrApi) client.api().get("photos");
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> photos.get("serach"));
        assertEquals("Bad call: flickr.photos.serach is neither a method nor a group of methods;"
                + " did you mean flickr.photos.search?", e.getMessage());
        FlickrArgumentException far = assertThrows(FlickrArgumentException.class, () -> client.api().get("zzzzzzzz"));
        assertTrue(far.getMessage().contains("flickr. holds activity, auth, blogs"), far.getMessage());
        assertFalse(client.api().containsKey(null));
    }

    @Test
    void theMapCannotBeChanged() {
        FlickrApi api = client.api();
        assertThrows(UnsupportedOperationException.class, () -> api.put("x", 1));
        assertThrows(UnsupportedOperationException.class, api::clear);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> api.remove("photos"));
        assertTrue(e.getMessage().contains("flickr. cannot be changed"), e.getMessage());
    }

    @Test
    void removeCallsAMethodCalledRemove() {
        // flickr.favorites.remove needs a login: reaching that check proves the call went to the method.
        FlickrApi favorites = (FlickrApi) client.api().get("favorites");
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> favorites.remove(Map.of("photo_id", "1")));
        assertTrue(e.getMessage().contains("flickr.favorites.remove"), e.getMessage());
        FlickrArgumentException notMap = assertThrows(FlickrArgumentException.class, () -> favorites.remove("1"));
        assertTrue(notMap.getMessage().contains("as a map"), notMap.getMessage());
    }

    @Test
    void printsShortly() {
        String s = ((FlickrApi) client.api().get("photos")).get("comments").toString();
        assertEquals("flickr.photos.comments. [addComment, deleteComment, editComment, getList, getRecentForContacts]", s);
        assertTrue(client.api().toString().length() < 400, "no deep print of 224 methods");
    }

    @Test
    void theFacadesTreeFollowsTheCurrentSettings() {
        FlickrClient before = Flickr.client();
        try {
            FlickrApi api = Flickr.api();
            Flickr.baseUrl(sandbox.baseUrl());
            Flickr.currentApiKey(sandbox.apiKey());
            sandbox.clearRequests();
            ((FlickrMethod) ((FlickrApi) api.get("test")).get("echo")).call("foo", "later");
            assertEquals("later", sandbox.requests().get(0).param("foo"));
        } finally {
            Flickr.currentApiKey(before.apiKey());
            Flickr.endpoints(before.endpoints());
        }
    }
}
