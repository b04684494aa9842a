package org.flickrdynamic.sandbox;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The requests a sandbox received, oldest first, for {@link Sandbox#requests()}. Only the latest
 * {@link #LIMIT} are kept, so a sandbox left running (or driven by a benchmark) does not grow without
 * bound. Thread-safe.
 */
final class RequestLog {
    /** How many requests are kept; far more than any test sends before looking. */
    static final int LIMIT = 10_000;

    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();

    synchronized void add(RecordedRequest request) {
        if (requests.size() == LIMIT) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
