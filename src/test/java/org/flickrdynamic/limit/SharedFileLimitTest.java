package org.flickrdynamic.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit shared by the processes of one machine through a locked state file: three JVMs of four threads
 * each never put more than the limit in any window at the sandbox, retries and cut-off requests included;
 * and a file that cannot be used safely stops calls, naming the file, with nothing sent.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedFileLimitTest {
    /** 8 in any 2 s: a burst of 1, then 7 per 2 s. */
    private static final RateLimit EIGHT_PER_TWO_SECONDS = RateLimit.parse("8/2s", "test");

    @TempDir
    Path home;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().apiKey("shared-" + UUID.randomUUID()).start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private FlickrClient client(RateLimitStore store) {
        return FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .rateLimit(new RateLimit(8, Duration.ofSeconds(2), 1, Duration.ofSeconds(5))).rateLimitStore(store).build();
    }

    @Test
    void threeProcessesOfFourThreadsNeverPassTheLimitInAnyWindow() throws Exception {
        Path state = home.resolve("state").resolve("rate-limit.state");
        List<String> lines = SharingProcesses.run(sandbox, 3, 4, 1, "8/2s", state.toString(), home,
                // Retries take turns too: two 105 answers, a reset and a request read but never answered.
                () -> sandbox.faults().failNext(2, 105).resetNext(1).dropAfterReading(1));
        assertEquals(Collections.nCopies(12, "ok"), lines);
        ArrivalWindows.assertWithin(sandbox, EIGHT_PER_TWO_SECONDS);
        assertEquals(12 + 4, ArrivalWindows.arrivals(sandbox).size(), "every call and every retry arrived");
        assertEquals(1, sandbox.faults().resets().size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
    }

    @Test
    void twoClientsOfOneFileShareTheKeysTurns() {
        RateLimitStore store = RateLimitStore.file(home.resolve("shared.state"));
        try (FlickrClient a = client(store); FlickrClient b = client(store)) {
            for (int i = 0; i < 5; i++) {
                a.call("flickr.test.echo", "i", i);
                b.call("flickr.test.echo", "i", i);
            }
        }
        ArrivalWindows.assertWithin(sandbox, EIGHT_PER_TWO_SECONDS);
        assertEquals(10, sandbox.requests().size());
    }

    @Test
    void aWaitForAFileTurnIsInterruptible() throws Exception {
        RateLimitStore store = RateLimitStore.file(home.resolve("patient.state"));
        try (FlickrClient c = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .rateLimit(new RateLimit(1, Duration.ofHours(1), 1, Duration.ofHours(2))).rateLimitStore(store).build()) {
            c.call("flickr.test.echo");
            java.util.concurrent.CompletableFuture<FlickrTransportException> failure = new java.util.concurrent.CompletableFuture<>();
            Thread waiter = new Thread(() -> failure.complete(assertThrows(FlickrTransportException.class,
                    () -> c.call("flickr.test.echo"))));
            waiter.start();
            while (waiter.getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(5);
            }
            waiter.interrupt();
            FlickrTransportException e = failure.get();
            assertEquals(FlickrTransportException.Kind.INTERRUPTED, e.kind());
            assertTrue(e.getMessage().startsWith("Interrupted while flickr.test.echo waited for its turn"), e.getMessage());
        }
        assertEquals(1, sandbox.requests().size());
    }

    @Test
    void aSymbolicLinkIsNeverFollowed() throws Exception {
        Path target = Files.writeString(home.resolve("elsewhere"), "");
        Path link = Files.createSymbolicLink(home.resolve("link.state"), target);
        FlickrTransportException e = refused(RateLimitStore.file(link));
        assertTrue(e.getMessage().contains("the rate-limit state file " + link + " cannot be used: it is a symbolic"
                + " link, which is never followed"), e.getMessage());
        assertEquals("", Files.readString(target));
    }

    @Test
    void aFileOthersMayWriteIsRefused() throws Exception {
        Path open = Files.writeString(home.resolve("open.state"), "");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
        FlickrTransportException e = refused(RateLimitStore.file(open));
        assertTrue(e.getMessage().contains("others may read or write it (rw-rw-rw-); make it private with 'chmod 600 "
                + open + "'"), e.getMessage());
    }

    @Test
    void aFileThatCannotBeWrittenStopsCallsNamingIt() throws Exception {
        Path blocker = Files.writeString(home.resolve("not-a-folder"), "");
        Path state = blocker.resolve("rate-limit.state");
        FlickrTransportException e = refused(RateLimitStore.file(state));
        assertTrue(e.getMessage().startsWith("The rate limit store of API key " + sandbox.apiKey() + " (file " + state
                + ") cannot be used, so flickr.test.echo was not sent: the rate-limit state file " + state
                + " cannot be used: "), e.getMessage());
    }

    @Test
    void aGarbledFileIsReportedNotReset() throws Exception {
        Path garbled = Files.writeString(home.resolve("garbled.state"), "this is not state\n");
        Files.setPosixFilePermissions(garbled, PosixFilePermissions.fromString("rw-------"));
        FlickrTransportException e = refused(RateLimitStore.file(garbled));
        assertTrue(e.getMessage().contains("it is not a rate-limit state file (delete it to start afresh)"), e.getMessage());
        assertEquals("this is not state\n", Files.readString(garbled));
    }

    /**
     * A call through the store fails at once, as not sent and not to be retried, and nothing arrives; so
     * does the next one (a failed turn leaves no lock behind).
     */
    private FlickrTransportException refused(RateLimitStore store) {
        FlickrTransportException e;
        try (FlickrClient c = client(store)) {
            e = assertThrows(FlickrTransportException.class, () -> c.call("flickr.test.echo"));
            FlickrTransportException again = assertThrows(FlickrTransportException.class, () -> c.call("flickr.test.echo"));
            assertEquals(e.getMessage(), again.getMessage());
        }
        assertEquals(FlickrTransportException.Kind.RATE_LIMITED, e.kind());
        assertFalse(e.requestSent());
        assertFalse(e.isRetryable());
        assertEquals(0, sandbox.requests().size());
        return e;
    }
}
