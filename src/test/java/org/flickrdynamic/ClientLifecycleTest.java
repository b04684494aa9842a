package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A closed client refuses calls plainly, closing twice is harmless, and an interrupted call stays interrupted. */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientLifecycleTest {
    private ScriptedServer server;
    private FlickrClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"));
        client = FlickrClient.builder().apiKey("k").secret("s").token("t", "ts").endpoint(server.restUrl())
                .retryPolicy(org.flickrdynamic.retry.RetryPolicy.retries(3).withBaseDelay(Duration.ofMillis(5))
                        .withMaxDelay(Duration.ofMillis(5)))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        Thread.interrupted();
        client.close();
        server.close();
    }

    @Test
    void aClosedClientRefusesCallsWithNothingSent(@TempDir Path dir) throws IOException {
        client.call("test.echo");
        client.close();
        ClientClosedException e = assertThrows(ClientClosedException.class, () -> client.call("test.echo"));
        assertEquals("test.echo: this client is closed; build another with newBuilder().build()", e.getMessage());
        assertFalse(e.isRetryable());
        assertThrows(ClientClosedException.class, () -> client.call("flickr.test.echo", Map.of()));
        assertThrows(ClientClosedException.class, () -> client.walk("photos.search", "tags", "cat").iterator().next());
        Path photo = Files.writeString(dir.resolve("cat.jpg"), "jpeg");
        e = assertThrows(ClientClosedException.class, () -> client.upload(photo, null));
        assertTrue(e.getMessage().contains("this client is closed"), e.getMessage());
        assertThrows(ClientClosedException.class, () -> client.oauth());
        assertEquals(1, server.received().size(), "only the call before the close was sent");
        client.close(); // again: nothing happens
    }

    @Test
    void closingADerivedClientTwiceLeavesItsParentsPoolOpen() {
        FlickrClient derived = client.newBuilder().token(null, null).build();
        assertTrue(derived.transport() == client.transport(), "the pool is shared");
        derived.close();
        derived.close();
        assertEquals("ok", client.call("test.echo").attributeValue("stat"));
        try (FlickrClient another = client.newBuilder().build()) {
            another.close();
            assertEquals("ok", client.call("test.echo").attributeValue("stat"));
        }
    }

    @Test
    void aClientDerivedFromAClosedOneOpensAPoolOfItsOwn() {
        client.close();
        try (FlickrClient derived = client.newBuilder().build()) {
            assertEquals("ok", derived.call("test.echo").attributeValue("stat"));
        }
    }

    @Test
    void anInterruptedCallSaysSoIsNotRetriedAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> client.call("test.echo"));
        boolean stillInterrupted = Thread.interrupted();
        assertTrue(e.getMessage().contains("test.echo") && e.getMessage().contains("was interrupted"), e.getMessage());
        assertFalse(e.isRetryable());
        assertTrue(stillInterrupted, "the caller's interrupt is kept");
        assertTrue(server.received().size() <= 1, "not retried: " + server.received().size());
        assertEquals("ok", client.call("test.echo").attributeValue("stat"), "the client works once the interrupt is handled");
    }
}
