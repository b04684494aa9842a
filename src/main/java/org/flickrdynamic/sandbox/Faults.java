package org.flickrdynamic.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Misbehaviour a sandbox can be told to show, to test how a client copes with a Flickr that is slow,
 * busy or broken: {@code sandbox.faults().failNext(2, 105)}. Queued faults apply to the requests that
 * come next, in the order they were queued, whatever their path; {@code failNext(2, 105).resetNext(1)}
 * answers the next two requests with error 105 and cuts the third off. A request a fault answers never
 * reaches the sandbox's checks or data, so a faulted write changes nothing; it is still recorded in
 * {@link Sandbox#requests()}, except after {@link #resetNext}, which does not even read it. The latency
 * applies to every request until changed. Thread-safe; methods return this object, to chain them.
 */
public final class Faults {
    /** What a queued fault does. */
    enum Kind {
        /** Answer {@code <rsp stat="fail">} with a Flickr error code. */
        FLICKR_ERROR,
        /** Answer an HTTP error status, with or without {@code Retry-After}. */
        HTTP_STATUS,
        /** Close the connection without reading the request or answering. */
        RESET,
        /** Read and record the whole request, then close the connection without answering. */
        DROP_AFTER_READING
    }

    /** One queued fault: what it does to each of the next {@code remaining} requests. */
    static final class Fault {
        final Kind kind;
        /** The Flickr error code or the HTTP status. */
        final int code;
        /** The {@code Retry-After} value, or {@code null}. */
        final String retryAfter;
        int remaining;

        Fault(Kind kind, int code, String retryAfter, int remaining) {
            this.kind = kind;
            this.code = code;
            this.retryAfter = retryAfter;
            this.remaining = remaining;
        }
    }

    private final ArrayDeque<Fault> queue = new ArrayDeque<>();
    private final java.util.List<java.time.Instant> resets = new java.util.ArrayList<>();
    private Duration latency = Duration.ZERO;

    Faults() {
    }

    /**
     * Delays every answer by {@code delay} from now on ({@link Duration#ZERO}: none), as a slow network would.
     *
     * @param delay how long each answer waits
     * @return these faults, for chaining
     */
    public synchronized Faults latency(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive, not " + delay);
        }
        this.latency = delay;
        return this;
    }

    /**
     * Answers the next {@code n} requests with Flickr's failure envelope and this code, e.g. 105 "Service
     * currently unavailable", with the method table's message for the code.
     *
     * @param n how many of the next requests
     * @param code the Flickr error code to answer
     * @return these faults, for chaining
     */
    public Faults failNext(int n, int code) {
        return add(Kind.FLICKR_ERROR, n, code, null);
    }

    /**
     * Answers the next {@code n} requests with this HTTP status (e.g. 429, 500, 502, 503) and no {@code Retry-After}.
     *
     * @param n how many of the next requests
     * @param status the HTTP status
     * @return these faults, for chaining
     */
    public Faults httpStatusNext(int n, int status) {
        return httpStatusNext(n, status, null);
    }

    /**
     * Answers the next {@code n} requests with this HTTP status and a {@code Retry-After} header.
     *
     * @param retryAfter the header's value, seconds ({@code "2"}) or an HTTP-date; {@code null} for none
     * @param n how many of the next requests
     * @param status the HTTP status
     * @return these faults, for chaining
     */
    public Faults httpStatusNext(int n, int status, String retryAfter) {
        if (status < 100 || status > 599 || status / 100 == 2) {
            throw new IllegalArgumentException("an HTTP error status is 1xx, 3xx, 4xx or 5xx, not " + status);
        }
        return add(Kind.HTTP_STATUS, n, status, retryAfter);
    }

    /**
     * Closes the connection of the next {@code n} requests without reading them or answering.
     *
     * @param n how many of the next requests
     * @return these faults, for chaining
     */
    public Faults resetNext(int n) {
        return add(Kind.RESET, n, 0, null);
    }

    /**
     * Reads and records each of the next {@code n} requests in full, then closes the connection without
     * answering: the client cannot know whether its request was received, and must not repeat a write.
     *
     * @param n how many of the next requests
     * @return these faults, for chaining
     */
    public Faults dropAfterReading(int n) {
        return add(Kind.DROP_AFTER_READING, n, 0, null);
    }

    /**
     * Forgets every queued fault and the latency.
     *
     * @return these faults, for chaining
     */
    public synchronized Faults clear() {
        queue.clear();
        latency = Duration.ZERO;
        return this;
    }

    /**
     * How many requests the queued faults still apply to.
     *
     * @return how many requests the queued faults still apply to
     */
    public synchronized int pending() {
        return queue.stream().mapToInt(f -> f.remaining).sum();
    }

    private synchronized Faults add(Kind kind, int n, int code, String retryAfter) {
        if (n <= 0) {
            throw new IllegalArgumentException("a fault applies to at least 1 request, not " + n);
        }
        queue.addLast(new Fault(kind, code, retryAfter, n));
        return this;
    }

    /**
     * When each request cut off by {@link #resetNext} arrived, in order: such a request is not in
     * {@link Sandbox#requests()}, yet a client's limit must count it (tests of rate limits add these).
     *
     * @return the arrival times, oldest first
     */
    public synchronized java.util.List<java.time.Instant> resets() {
        return java.util.List.copyOf(resets);
    }

    synchronized void resetDone(java.time.Instant at) {
        resets.add(at);
    }

    /** The fault for the request just arrived, used up by it; {@code null} when none is queued. */
    synchronized Fault take() {
        Fault f = queue.peekFirst();
        if (f == null) {
            return null;
        }
        if (--f.remaining == 0) {
            queue.removeFirst();
        }
        return f;
    }

    synchronized Duration latency() {
        return latency;
    }

    /** Copies the faults queued on a builder into a new sandbox's. */
    synchronized void copyTo(Faults other) {
        Objects.requireNonNull(other);
        for (Fault f : queue) {
            other.add(f.kind, f.remaining, f.code, f.retryAfter);
        }
        other.latency(latency);
    }
}
