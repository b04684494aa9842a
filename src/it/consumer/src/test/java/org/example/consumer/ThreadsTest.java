package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.walk.Walk;
import org.junit.jupiter.api.Test;

/** Once the last client, sandbox and walk are closed, no thread the library started is alive. */
class ThreadsTest {
    /** Threads alive now that were not in {@code before}. */
    private static List<String> started(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName).sorted().toList();
    }

    @Test
    void noThreadOutlivesTheClosedClientSandboxAndWalk() throws InterruptedException {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (Sandbox sandbox = Sandbox.start();
                FlickrClient client = FlickrClient.builder().apiKey(sandbox.apiKey()).secret(sandbox.secret())
                        .endpoint(sandbox.restUrl()).callTimeout(Duration.ofSeconds(30)).build()) {
            assertEquals("bar", client.call("flickr.test.echo", "foo", "bar").elementText("foo"));
            try (Walk<Element> walk = client.walk("flickr.photos.search", "tags", "cat", "per_page", 5)) {
                assertEquals(12, walk.limit(12).count(), "a walk over three pages");
            }
            Flickr.currentApiKey(sandbox.apiKey());
            Flickr.endpoint(sandbox.restUrl());
            assertEquals("1", Flickr.call("flickr.test.echo", "n", 1).elementText("n"), "the static facade too");
            assertFalse(started(before).isEmpty(), "while open, the sandbox's threads are seen");
        }
        // The call-deadline thread ends a moment after its last deadline; wait far longer than that.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!started(before).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), started(before));
    }
}
