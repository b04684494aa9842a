package org.flickrdynamic.internal.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread, shared by every pool, that runs the tasks ending requests which run past their
 * time. A task is removed from the queue as soon as it is cancelled, so a call that ends in time leaves
 * nothing behind; and the thread itself ends once nothing has waited for {@link #IDLE}, so an application
 * whose clients are closed keeps no thread of ours (a web container can unload us, {@code mvn exec:java}
 * does not wait for us). The next call starts a new one.
 */
final class Deadlines {
    /** How long the thread outlives the last deadline. */
    static final Duration IDLE = Duration.ofMillis(500);
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Deadlines() {
    }

    /** Runs {@code task} once {@code delay} has passed, unless the returned future is cancelled first. */
    static ScheduledFuture<?> after(Duration delay, Runnable task) {
        long nanos;
        try {
            nanos = delay.toNanos();
        } catch (ArithmeticException centuries) {
            nanos = Long.MAX_VALUE;
        }
        return TIMER.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    /** How many tasks wait to run, for tests that nothing is left behind. */
    static int pending() {
        return TIMER.getQueue().size();
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "flickr-call-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // Without this a cancelled task stays queued until its time, and a busy client would pile them up.
        t.setRemoveOnCancelPolicy(true);
        // A worker only times out with an empty queue, so a pending deadline always keeps its thread.
        t.setKeepAliveTime(IDLE.toMillis(), TimeUnit.MILLISECONDS);
        t.allowCoreThreadTimeOut(true);
        return t;
    }
}
