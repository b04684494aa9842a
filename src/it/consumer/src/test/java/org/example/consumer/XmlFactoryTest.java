package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ServiceLoader;

import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/** The application's StAX factories stay the JDK's own, before and after the library has parsed answers. */
class XmlFactoryTest {
    private static void assertTheJdksFactories() {
        assertEquals("com.sun.xml.internal.stream.XMLInputFactoryImpl", XMLInputFactory.newInstance().getClass().getName());
        assertEquals("com.sun.xml.internal.stream.XMLOutputFactoryImpl", XMLOutputFactory.newInstance().getClass().getName());
        assertEquals("com.sun.xml.internal.stream.events.XMLEventFactoryImpl", XMLEventFactory.newInstance().getClass().getName());
        assertFalse(ServiceLoader.load(XMLInputFactory.class).iterator().hasNext(), "no StAX provider is registered");
        assertFalse(ServiceLoader.load(XMLOutputFactory.class).iterator().hasNext(), "no StAX provider is registered");
    }

    @Test
    void newInstanceGivesTheJdksFactory() {
        assertTheJdksFactories();
    }

    @Test
    void stillAfterTheLibraryHasParsedAnswers() {
        try (Sandbox sandbox = Sandbox.start();
                FlickrClient client = FlickrClient.builder().apiKey(sandbox.apiKey()).endpoint(sandbox.restUrl()).build()) {
            assertEquals("ok", client.call("flickr.test.echo", "foo", "bar").attributeValue("stat"));
        }
        assertTheJdksFactories();
    }
}
