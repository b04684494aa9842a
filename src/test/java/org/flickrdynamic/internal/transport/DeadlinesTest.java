package org.flickrdynamic.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deadline thread lives while a deadline waits, and ends once none has for a while. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeadlinesTest {
    private static final String NAME = "flickr-call-deadlines";

    private static boolean alive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(NAME) && t.isAlive());
    }

    /** Waits, far longer than the idle time, for the thread to end; false if it never does. */
    private static boolean ends() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (alive() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return !alive();
    }

    @Test
    void theThreadEndsAfterTheLastCallAndComesBackForTheNext() throws Exception {
        try (Sandbox sandbox = Sandbox.start();
                FlickrClient client = FlickrClient.builder().apiKey(sandbox.apiKey()).endpoint(sandbox.restUrl())
                        .callTimeout(Duration.ofSeconds(30)).build()) {
            client.call("flickr.test.echo", "a", "1");
            assertTrue(ends(), "no thread is kept once no call is under way");
            assertEquals("1", client.call("flickr.test.echo", "a", "1").elementText("a"), "a later call starts it again");
            assertTrue(ends());
        }
    }

    @Test
    void aWaitingDeadlineKeepsItsThreadAndStillFires() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        ScheduledFuture<?> far = Deadlines.after(Deadlines.IDLE.multipliedBy(4), fired::countDown);
        assertTrue(fired.await(20, TimeUnit.SECONDS), "a deadline further off than the idle time still runs");
        far.get(5, TimeUnit.SECONDS); // the latch opens inside the task, just before its future completes
        assertTrue(far.isDone());
        ScheduledFuture<?> never = Deadlines.after(Duration.ofDays(1), () -> { });
        Thread.sleep(Deadlines.IDLE.multipliedBy(3).toMillis());
        assertTrue(alive(), "a pending deadline keeps the thread");
        never.cancel(false);
        assertTrue(ends());
        assertFalse(alive());
    }
}
