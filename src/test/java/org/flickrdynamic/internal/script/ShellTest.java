package org.flickrdynamic.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shell's start-up helpers, in this JVM. */
class ShellTest {
    private FlickrClient before;

    @BeforeEach
    void save() {
        before = Flickr.client();
    }

    @AfterEach
    void restore() {
        Flickr.currentApiKey(before.apiKey());
        Flickr.currentSecKey(before.secret());
        Flickr.endpoints(before.endpoints());
    }

    @Test
    void withoutAKeyTheGreetingSaysHowToSetOne() {
        Flickr.currentApiKey(null);
        Flickr.currentSecKey(null);
        String g = Shell.greeting();
        assertTrue(g.contains(": no API key (set FLICKR_API_KEY, or currentApiKey(\"...\")), no secret, endpoint "
                + "https://api.flickr.com/services/rest/; no stored login."), g);
        assertFalse(g.contains("\n"), "one line");
    }

    @Test
    void useSandboxPointsTheFacadeAtOneSandbox() {
        Sandbox s = Shell.useSandbox();
        assertSame(s, Shell.useSandbox(), "one per JVM");
        assertSame(s, Shell.sandbox());
        assertEquals(s.restUrl(), Flickr.endpoint());
        assertEquals(s.apiKey(), Flickr.currentApiKey());
        assertEquals("bar", Flickr.call("test.echo", "foo", "bar").elementText("foo"));
        String g = Shell.greeting();
        assertTrue(g.contains(": sandbox at " + s.restUrl() + " with its own key and secret; no stored login."), g);
        assertFalse(g.contains(s.secret()), g);

        Flickr.endpoint("http://127.0.0.1:1/services/rest/");
        assertTrue(Shell.greeting().contains("API key set, secret set, endpoint http://127.0.0.1:1/services/rest/"),
                "once moved elsewhere, the greeting says where: " + Shell.greeting());
    }
}
