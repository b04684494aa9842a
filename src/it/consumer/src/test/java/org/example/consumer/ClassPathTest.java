package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/** What only the command line uses does not come with the library, and the library works without it. */
class ClassPathTest {
    @Test
    void picocliAndTheCommandLineLoggerAreNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.simple.SimpleServiceProvider"));
    }

    @Test
    void aaltoIsOnlyInsideTheLibrary() throws ClassNotFoundException {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.fasterxml.aalto.stax.InputFactoryImpl"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.codehaus.stax2.XMLInputFactory2"));
        Class.forName("org.flickrdynamic.internal.aalto.stax.InputFactoryImpl");
    }

    @Test
    void theLibraryWorksWithoutThem() {
        try (Sandbox sandbox = Sandbox.start();
                FlickrClient client = FlickrClient.builder().apiKey(sandbox.apiKey()).secret(sandbox.secret())
                        .endpoint(sandbox.restUrl()).build()) {
            Element rsp = client.call("flickr.test.echo", "foo", "bar");
            assertEquals("bar", rsp.elementText("foo"));
            // The jar names its own version (from its manifest) in every request.
            String expected = "flickr-dynamic/" + System.getProperty("flickrdynamic.expectedVersion") + " (Java ";
            String sent = sandbox.requests().get(0).header("User-Agent");
            assertTrue(sent.startsWith(expected), sent);
        }
    }
}
