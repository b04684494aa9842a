package org.flickrdynamic.limit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;

/**
 * Counts what a sandbox received in every window of a limit's period, as Flickr counts a key's requests:
 * each window starts at an arrival and includes both its ends, the strictest reading of the limit.
 */
final class ArrivalWindows {
    private ArrivalWindows() {
    }

    /**
     * When each request arrived, those cut off by a reset included, in order; but not the children's
     * warm-up requests, which were sent with another key and no limit.
     */
    static List<Instant> arrivals(Sandbox sandbox) {
        List<Instant> all = new ArrayList<>(sandbox.faults().resets());
        sandbox.requests().stream().filter(r -> !SharingProcesses.WARM_UP.equals(r.params().get("api_key")))
                .map(RecordedRequest::receivedAt).forEach(all::add);
        all.sort(null);
        return all;
    }

    /** The most arrivals in one window {@code [t, t + period]} starting at an arrival. */
    static int busiest(List<Instant> arrivals, Duration period) {
        int most = 0;
        int end = 0;
        for (int start = 0; start < arrivals.size(); start++) {
            Instant last = arrivals.get(start).plus(period);
            while (end < arrivals.size() && !arrivals.get(end).isAfter(last)) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }

    /** Asserts that no window of the limit's period saw more than its permits. */
    static void assertWithin(Sandbox sandbox, RateLimit limit) {
        List<Instant> arrivals = arrivals(sandbox);
        int busiest = busiest(arrivals, limit.period());
        assertTrue(busiest <= limit.permits(), "a window of " + limit.period() + " saw " + busiest
                + " requests, more than " + limit.permits() + "; arrivals (ms from the first): " + offsets(arrivals));
    }

    private static List<Long> offsets(List<Instant> arrivals) {
        return arrivals.stream().map(t -> Duration.between(arrivals.get(0), t).toMillis()).toList();
    }
}
