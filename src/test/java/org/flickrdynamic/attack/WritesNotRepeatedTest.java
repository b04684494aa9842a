package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.testing.ScriptedServer;
import org.flickrdynamic.testing.ScriptedServer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that reads a request in full and then breaks the connection: the request may well have been
 * carried out, so a write must go exactly once, however many retries are allowed, while a read is
 * retried. The write is {@code flickr.photos.setTags}, OAuth-signed with a user's token.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WritesNotRepeatedTest {
    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(Hostile.reset());
        client = FlickrClient.builder().apiKey("writes-test-key").secret("consumer-secret")
                .token("user-write-token", "user-token-secret").endpoint(server.restUrl())
                .retryPolicy(RetryPolicy.retries(5).withBaseDelay(Duration.ofMillis(5)).withMaxDelay(Duration.ofMillis(5)))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private FlickrTransportException setTags() {
        return assertThrows(FlickrTransportException.class,
                () -> client.call("flickr.photos.setTags", "photo_id", "4521", "tags", "cat \"new york\""));
    }

    @Test
    void aWriteResetAfterItWasReadIsSentOnce() {
        FlickrTransportException e = setTags();
        assertEquals(1, server.received().size(), "exactly once, with 5 retries allowed");
        Received r = server.received().get(0);
        assertEquals("POST", r.verb());
        assertTrue(r.params().contains("method=flickr.photos.setTags"), r.params());
        assertTrue(r.params().contains("oauth_token=user-write-token"), "signed with the user's token");
        assertTrue(e.requestSent());
        assertEquals(1, e.attempts());
    }

    @Test
    void aWriteClosedWithoutAnAnswerIsSentOnce() {
        server.script(Hostile.closeWithoutAnswer());
        FlickrTransportException e = setTags();
        assertTrue(e.getMessage().startsWith("The server closed the connection without answering calling"
                + " flickr.photos.setTags"), e.getMessage());
        assertEquals(1, server.received().size());
    }

    @Test
    void aWriteWhoseAnswerStopsHalfwayIsSentOnce() {
        try (FlickrClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(300)).build()) {
            server.script(Hostile.headersThenSilence());
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> impatient.call("flickr.photos.setTags", "photo_id", "4521", "tags", "cat"));
            assertTrue(e.getMessage().contains("was cut off after"), e.getMessage());
            assertEquals(1, server.received().size());
        }
    }

    @Test
    void aReadResetTheSameWayIsRetried() {
        FlickrTransportException e = assertThrows(FlickrTransportException.class,
                () -> client.call("flickr.photos.getInfo", "photo_id", "4521"));
        assertEquals(6, server.received().size(), "the first attempt and 5 retries");
        assertEquals(6, e.attempts());
        assertTrue(e.getMessage().endsWith("(gave up after 6 attempts)"), e.getMessage());
    }

    @Test
    void aReadRecoversWhenTheServerDoes() {
        AtomicInteger n = new AtomicInteger();
        ScriptedServer.Script ok = ScriptedServer.xml("<rsp stat=\"ok\"><user id=\"12037949754@N01\"/></rsp>");
        server.script((socket, out) -> (n.incrementAndGet() <= 2 ? Hostile.reset() : ok).answer(socket, out));
        // flickr.test.login is a signed read: each attempt must carry its own nonce.
        assertEquals("12037949754@N01", client.call("flickr.test.login").element("user").attributeValue("id"));
        assertEquals(3, server.received().size());
        assertEquals(3, server.received().stream().map(r -> r.params().replaceAll(".*oauth_nonce=([^&]*).*", "$1"))
                .distinct().count(), "a fresh nonce for each attempt");
    }

    @Test
    void exchangingALegacyTokenIsSentOnceForItDeletesTheOldToken() {
        try (FlickrClient legacy = client.newBuilder().token("legacy-token", null).build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> legacy.call("flickr.auth.oauth.getAccessToken"));
            assertEquals(1, server.received().size(), "exactly once, with 5 retries allowed");
            assertEquals("GET", server.received().get(0).verb(), "still sent as the table says");
            assertEquals(1, e.attempts());
        }
        server.received().clear();
        assertThrows(FlickrTransportException.class, () -> client.call("flickr.auth.getToken", "frob", "1-2"));
        assertEquals(1, server.received().size(), "a frob is used up by its first exchange");
    }

    @Test
    void gettingAFrobIsRetriedAsTheReadItIs() {
        assertThrows(FlickrTransportException.class, () -> client.call("flickr.auth.getFrob"));
        assertEquals(6, server.received().size());
    }

    /**
     * A read too long for a GET goes as a POST, but it is still a read: what it asks changes nothing, so
     * after Flickr's temporary 105 it is asked again. A real write answered 105 is not, as it may have
     * been done.
     */
    @Test
    void aReadSentAsPostForItsLengthIsRepeatedAfterA105ButAWriteIsNot() {
        server.script(ScriptedServer.xml("<rsp stat=\"fail\"><err code=\"105\" msg=\"Service currently unavailable\"/></rsp>"));
        String manyTags = "tag".repeat(3000);
        assertThrows(org.flickrdynamic.FlickrApiException.class,
                () -> client.call("flickr.photos.search", "tags", manyTags));
        assertEquals(List.of("POST", "POST", "POST", "POST", "POST", "POST"),
                server.received().stream().map(Received::verb).toList(), "a read, whatever its verb");
        server.received().clear();
        assertThrows(org.flickrdynamic.FlickrApiException.class,
                () -> client.call("flickr.photos.setTags", "photo_id", "4521", "tags", manyTags));
        assertEquals(List.of("POST"), server.received().stream().map(Received::verb).toList(), "a write, once");
    }
}
