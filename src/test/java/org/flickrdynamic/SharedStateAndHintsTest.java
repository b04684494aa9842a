package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.flickrdynamic.cache.ResponseCache;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache is an object with a visible owner, carried over by {@code newBuilder()} and shared by clients
 * given the same one; the core's messages name the client's settings, and the facade adds its own hint.
 */
class SharedStateAndHintsTest {
    private Sandbox sandbox;
    private FlickrClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).retries(0)
                .cache(Duration.ofMinutes(1), 10).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void aDerivedClientKeepsItsParentsCache() {
        client.call("flickr.test.echo", "a", "1");
        try (FlickrClient derived = client.newBuilder().readTimeout(Duration.ofSeconds(5)).build()) {
            assertEquals("1", derived.call("flickr.test.echo", "a", "1").elementText("a"));
        }
        assertEquals(1, sandbox.requests().size(), "the derived client answered from the same cache");
    }

    @Test
    void clientsBuiltApartShareTheCacheTheyAreGiven() {
        ResponseCache shared = new ResponseCache(Duration.ofMinutes(1), 10, Clock.systemUTC());
        try (FlickrClient a = client.newBuilder().cache(shared).build();
             FlickrClient b = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                     .cache(shared).build()) {
            a.call("flickr.test.echo", "b", "2");
            b.call("flickr.test.echo", "b", "2");
            assertEquals(1, shared.size());
        }
        assertEquals(1, sandbox.requests().size());
    }

    @Test
    void aNewCacheOnADerivedClientLeavesTheParentsAlone() {
        client.call("flickr.test.echo", "c", "3");
        try (FlickrClient fresh = client.newBuilder().cache(Duration.ofMinutes(1), 10).build()) {
            fresh.call("flickr.test.echo", "c", "3");
        }
        client.call("flickr.test.echo", "c", "3");
        assertEquals(2, sandbox.requests().size(), "one request for each cache");
    }

    @Test
    void theCoreNamesTheClientsSettingsAndNotTheFacade() {
        try (FlickrClient keyless = FlickrClient.builder().baseUrl(sandbox.baseUrl()).build()) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> keyless.call("flickr.photos.delete", "photo_id", "1"));
            assertEquals(Set.of(FlickrArgumentException.API_KEY, FlickrArgumentException.SECRET,
                    FlickrArgumentException.TOKEN), e.settings());
            assertTrue(e.getMessage().contains("no API key: set one on the client or in FLICKR_API_KEY"), e.getMessage());
            assertTrue(e.getMessage().contains("no secret is set: set one on the client or in FLICKR_API_SECRET"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("Flickr.") || e.getMessage().contains("bin/flickr"), e.getMessage());
        }
        assertEquals(0, sandbox.requests().size());
    }

    @Test
    void theFacadeAddsHowItSetsWhatIsMissing() {
        FlickrClient before = Flickr.client();
        try {
            Flickr.currentApiKey(null);
            Flickr.endpoint(sandbox.restUrl());
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> Flickr.call("test.echo"));
            assertTrue(e.getMessage().contains("no API key: set one on the client or in FLICKR_API_KEY"), e.getMessage());
            assertTrue(e.getMessage().endsWith("With the static facade: Flickr.currentApiKey(\"...\")"), e.getMessage());
            assertEquals(Set.of(FlickrArgumentException.API_KEY), e.settings());
            FlickrArgumentException login = assertThrows(FlickrArgumentException.class, () -> Flickr.authorize("read"));
            assertTrue(login.getMessage().endsWith("With the static facade: Flickr.currentApiKey(\"...\");"
                    + " Flickr.currentSecKey(\"...\")"), login.getMessage());
            FlickrArgumentException unknown = assertThrows(FlickrArgumentException.class, () -> Flickr.call("test.ecco"));
            assertFalse(unknown.getMessage().contains("With the static facade"), "no setting at fault, no hint");
        } finally {
            Flickr.currentApiKey(before.apiKey());
            Flickr.endpoint(before.endpoint());
        }
        assertEquals(0, sandbox.requests().size());
    }

    @Test
    void aClosedClientIsAFlickrExceptionThatIsNeverRetried() {
        FlickrClient closed = client.newBuilder().build();
        closed.close();
        FlickrException e = assertThrows(ClientClosedException.class, () -> closed.call("flickr.test.echo"));
        assertFalse(e.isRetryable());
        assertNotSame(client, closed);
        assertEquals("1", client.call("flickr.test.echo", "a", "1").elementText("a"), "the parent stays open");
    }
}
