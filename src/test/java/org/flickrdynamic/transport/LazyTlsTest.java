package org.flickrdynamic.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;

/**
 * The TLS factory is made on first use, and then really does TLS: an https endpoint never gets clear
 * text, and a server that never answers the handshake fails the call within the connect timeout.
 */
class LazyTlsTest {

    @Test
    void httpsStillSpeaksTlsThroughTheLazyFactory() throws IOException {
        // A plain-HTTP server behind an https URL: a client doing TLS sends a ClientHello, not a request line.
        try (ScriptedServer plain = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"/>"));
             FlickrClient client = FlickrClient.builder().apiKey("key")
                     .endpoint(plain.restUrl().replace("http://", "https://"))
                     .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(3)).build()) {
            FlickrTransportException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> assertThrows(FlickrTransportException.class, () -> client.call("flickr.test.echo")));
            assertFalse(e.getMessage().contains("<rsp"), "no plain answer was accepted over https: " + e.getMessage());
            assertTrue(e.getMessage().contains("TLS") || e.getMessage().contains("Timed out"), e.getMessage());
            for (ScriptedServer.Received r : plain.received()) {
                assertFalse(r.line().startsWith("GET "), "nothing went out in clear text: " + r.line());
            }
        }
    }
}
