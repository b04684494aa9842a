package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.dom4j.Element;
import org.flickrdynamic.internal.transport.HttpTransport;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many threads at once against the sandbox: every answer belongs to its own call, the connection pool
 * never passes its bound, nothing deadlocks, and the settings of a client derived on one thread never
 * reach a request of another.
 */
class ConcurrencyTest {
    private static final int THREADS = 32;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Runs {@code work} on {@code THREADS} threads released together; fails on any error or a hang. */
    private static void onAllThreads(Callable<Void> work) {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            for (Future<Void> f : done) {
                f.get(); // rethrows the first failure of any thread
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        });
    }

    private static void echoOwnValue(FlickrClient client, String id) {
        String value = id + "-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Element rsp = client.call("flickr.test.echo", "id", id, "value", value);
        assertEquals(id, rsp.elementText("id"), "an answer came back to the wrong call");
        assertEquals(value, rsp.elementText("value"));
    }

    @Test
    void threadsSharingOneClientEachGetTheirOwnAnswersThroughABoundedPool() {
        int maxConnections = 8;
        try (FlickrClient shared = FlickrClient.builder().endpoint(sandbox.restUrl()).apiKey(sandbox.apiKey())
                .maxConnections(maxConnections).build()) {
            HttpTransport transport = shared.transport();
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<HttpTransport.PoolStats> samples = new ConcurrentLinkedQueue<>();
            Thread monitor = new Thread(() -> {
                while (running.get()) {
                    samples.add(transport.poolStats());
                    LockSupport.parkNanos(200_000); // sample often, without taking a core from the callers
                }
            });
            monitor.start();
            AtomicInteger thread = new AtomicInteger();
            onAllThreads(() -> {
                int t = thread.getAndIncrement();
                for (int i = 0; i < 100; i++) {
                    echoOwnValue(shared, t + ":" + i);
                }
                return null;
            });
            running.set(false);
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> monitor.join());
            int mostLeased = 0;
            int mostOpen = 0;
            for (HttpTransport.PoolStats s : samples) {
                assertEquals(maxConnections, s.max());
                mostLeased = Math.max(mostLeased, s.leased());
                mostOpen = Math.max(mostOpen, s.leased() + s.available());
            }
            assertTrue(mostLeased > 0, "the monitor saw the pool at work");
            assertTrue(mostOpen <= maxConnections, "at most " + maxConnections + " connections, saw " + mostOpen);
            HttpTransport.PoolStats after = transport.poolStats();
            assertEquals(0, after.leased(), "every connection was given back");
            assertEquals(0, after.pending());
            assertTrue(after.available() <= maxConnections);
        }
    }

    @Test
    void threadsWithAClientEachGetTheirOwnAnswers() {
        AtomicInteger thread = new AtomicInteger();
        List<HttpTransport> pools = new ArrayList<>();
        onAllThreads(() -> {
            int t = thread.getAndIncrement();
            try (FlickrClient own = FlickrClient.builder().endpoint(sandbox.restUrl()).apiKey(sandbox.apiKey())
                    .maxConnections(2).build()) {
                synchronized (pools) {
                    pools.add(own.transport());
                }
                for (int i = 0; i < 100; i++) {
                    echoOwnValue(own, t + "/" + i);
                    assertTrue(own.transport().poolStats().leased() <= 2);
                }
            }
            return null;
        });
        assertEquals(THREADS, pools.stream().distinct().count(), "clients built apart do not share a pool");
    }

    @Test
    void settingsOfADerivedClientNeverReachAnotherThreadsRequests() {
        sandbox.clearRequests();
        List<SandboxToken> tokens = new ArrayList<>();
        for (var user : sandbox.users()) {
            tokens.add(sandbox.issueToken(user.nsid(), Permission.READ));
        }
        try (FlickrClient base = FlickrClient.builder().endpoint(sandbox.restUrl()).apiKey(sandbox.apiKey())
                .secret(sandbox.secret()).build()) {
            // What each thread's requests must carry: a user's token, another API key, or the base settings.
            Map<String, String> tokenOf = new HashMap<>();
            Map<String, String> keyOf = new HashMap<>();
            AtomicInteger thread = new AtomicInteger();
            onAllThreads(() -> {
                int t = thread.getAndIncrement();
                String me = "t" + t;
                int kind = t % 3;
                SandboxToken token = tokens.get(t % tokens.size());
                FlickrClient mine = switch (kind) {
                    case 0 -> base.newBuilder().token(token.token(), token.tokenSecret()).signed(true).build();
                    case 1 -> base.newBuilder().apiKey("other-key-" + t).build();
                    default -> base;
                };
                synchronized (tokenOf) {
                    tokenOf.put(me, kind == 0 ? token.token() : null);
                    keyOf.put(me, kind == 1 ? "other-key-" + t : sandbox.apiKey());
                }
                try {
                    for (int i = 0; i < 40; i++) {
                        if (kind == 1) {
                            int n = i;
                            FlickrApiException e = assertThrows(FlickrApiException.class,
                                    () -> mine.call("flickr.test.echo", "who", me, "n", n));
                            assertEquals(100, e.code(), "the sandbox refuses a key it does not know");
                        } else {
                            Element rsp = mine.call("flickr.test.echo", "who", me, "n", i);
                            assertEquals(me, rsp.elementText("who"));
                        }
                    }
                    if (kind == 0) {
                        Element login = mine.call("flickr.test.login");
                        assertEquals(token.userNsid(), login.element("user").attributeValue("id"));
                    }
                } finally {
                    if (mine != base) {
                        mine.close();
                    }
                }
                return null;
            });
            int checked = 0;
            for (RecordedRequest r : sandbox.requests()) {
                String who = r.param("who");
                if (who == null) {
                    continue; // flickr.test.login, checked by its answer
                }
                checked++;
                assertEquals(keyOf.get(who), r.param("api_key"), "the key of " + who);
                assertEquals(tokenOf.get(who), r.param("oauth_token"), "the token of " + who);
                if (tokenOf.get(who) == null) {
                    assertNull(r.param("oauth_signature"), who + " was not signing");
                }
            }
            assertEquals(THREADS * 40, checked, "every request was recorded and checked");
            assertNull(base.token(), "the base client never gained a token");
            assertEquals(sandbox.apiKey(), base.apiKey());
        }
    }
}
