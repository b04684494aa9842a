package org.flickrdynamic.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The response cache, judged by what reaches the sandbox. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
    private Sandbox sandbox;
    private FlickrClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .cache(Duration.ofMinutes(1), 100).clock(clock).retries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private int sent() {
        return sandbox.requests().size();
    }

    private Element search(String tag) {
        return client.call("flickr.photos.search", "tags", tag, "per_page", 3);
    }

    @Test
    void aRepeatedReadIsAnsweredWithoutARequest() {
        Element first = search("cat");
        Element second = search("cat");
        assertEquals(1, sent());
        assertEquals(first.asXML(), second.asXML());
        assertEquals(3, second.element("photos").elements("photo").size());
    }

    @Test
    void argumentOrderDoesNotMatterButTheirValuesDo() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("tags", "dog");
        ab.put("per_page", 2);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("per_page", 2);
        ba.put("tags", "dog");
        client.call("photos.search", ab);
        client.call("flickr.photos.search", ba);
        assertEquals(1, sent(), "the same call in another order, with or without the prefix");
        client.call("photos.search", Map.of("tags", "dog", "per_page", 3));
        assertEquals(2, sent());
    }

    @Test
    void answersExpireAfterTheirTtl() {
        search("cat");
        clock.advance(Duration.ofSeconds(59));
        search("cat");
        assertEquals(1, sent(), "still fresh");
        clock.advance(Duration.ofSeconds(1));
        search("cat");
        assertEquals(2, sent(), "expired at the ttl");
        search("cat");
        assertEquals(2, sent(), "and stored again");
    }

    @Test
    void signedCallsAreNeverCached() {
        try (FlickrClient signing = client.newBuilder().signed(true).build()) {
            signing.call("flickr.test.echo", "a", "1");
            signing.call("flickr.test.echo", "a", "1");
        }
        assertEquals(2, sent(), "signed(true) makes every call signed");
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        try (FlickrClient user = client.newBuilder().token(token.token(), token.tokenSecret()).build()) {
            user.call("flickr.test.login");
            user.call("flickr.test.login");
        }
        assertEquals(4, sent(), "a user's answers are the user's");
    }

    @Test
    void failuresAreNotCached() {
        sandbox.faults().failNext(1, 105);
        assertThrows(FlickrApiException.class, () -> search("cat"));
        assertEquals(3, search("cat").element("photos").elements("photo").size());
        search("cat");
        assertEquals(2, sent(), "the failure was asked again, the success was not");
    }

    @Test
    void eachCallerGetsItsOwnCopy() {
        Element first = search("cat");
        String original = first.asXML();
        first.element("photos").detach();
        first.addAttribute("stat", "spoiled");
        Element second = search("cat");
        assertNotSame(first, second);
        assertEquals(original, second.asXML(), "changing the first answer did not change the cache");
        second.clearContent();
        assertEquals(original, search("cat").asXML());
        assertNotNull(search("cat").getDocument(), "a copy is a whole document, so XPath from the root works");
        assertEquals(1, sent());
    }

    @Test
    void theLeastRecentlyUsedAnswerGoesFirst() {
        try (FlickrClient small = client.newBuilder().cache(Duration.ofMinutes(1), 2).build()) {
            small.call("flickr.test.echo", "n", "a");
            small.call("flickr.test.echo", "n", "b");
            small.call("flickr.test.echo", "n", "a");
            small.call("flickr.test.echo", "n", "c");
            assertEquals(3, sent(), "a was used again, so b went when c came");
            small.call("flickr.test.echo", "n", "a");
            assertEquals(3, sent());
            small.call("flickr.test.echo", "n", "b");
            assertEquals(4, sent());
        }
    }

    @Test
    void aCacheIsOffByDefault() {
        try (FlickrClient plain = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
            plain.call("flickr.test.echo");
            plain.call("flickr.test.echo");
        }
        assertEquals(2, sent());
    }

    @Test
    void manyThreadsShareOneAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> answers = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        answers.add(search("beach").asXML());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, answers.size(), "every copy is whole and equal");
        assertTrue(sent() <= 8, "at most each thread's first call missed: " + sent());
    }

    @Test
    void theTtlIsCappedAtADay() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> FlickrClient.builder().cache(Duration.ofHours(25), 10));
        assertTrue(e.getMessage().contains("the cache ttl PT25H is longer than the cap of 24 hours"), e.getMessage());
        assertTrue(e.getMessage().contains("Flickr's API terms"), e.getMessage());
        FlickrClient.builder().cache(Duration.ofHours(24), 10);
        assertThrows(FlickrArgumentException.class, () -> FlickrClient.builder().cache(Duration.ZERO, 10));
        assertTrue(assertThrows(FlickrArgumentException.class, () -> FlickrClient.builder().cache(Duration.ofMinutes(1), 0))
                .getMessage().contains("cache size must be positive"));
    }
}
