package org.flickrdynamic.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * The replay and clock rules for OAuth-signed requests. A timestamp more than {@link #WINDOW_SECONDS}
 * from the sandbox clock is refused ({@code timestamp_refused}); a nonce already seen with the same
 * consumer key and timestamp is refused ({@code nonce_used}).
 *
 * <p>A nonce only needs remembering while its timestamp is still inside the window, since after that
 * the timestamp alone is refused; entries are dropped then. So the memory holds at most one window of
 * traffic, and never more than {@link #MAX_ENTRIES} (the oldest go first), whatever a benchmark sends.
 */
final class NonceWindow {
    /** How far a timestamp may be from the sandbox clock, either way: 10 minutes. */
    static final long WINDOW_SECONDS = 600;
    /** A hard cap for very fast senders; past it the nonces closest to expiry are forgotten first. */
    static final int MAX_ENTRIES = 100_000;

    private record Seen(long expires, String key) {
    }

    private final LongSupplier now;
    private final Map<String, Long> seen = new HashMap<>();
    private final PriorityQueue<Seen> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expires, b.expires));

    NonceWindow(LongSupplier nowSeconds) {
        this.now = nowSeconds;
    }

    /** Accepts a request's timestamp and nonce once, or throws the 401 to answer. */
    void admit(String consumerKey, String timestamp, String nonce) {
        long t;
        try {
            t = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw OAuthProblem.of("timestamp_refused");
        }
        long current = now.getAsLong();
        if (Math.abs(t - current) > WINDOW_SECONDS) {
            throw new OAuthProblem(401, "oauth_problem=timestamp_refused&oauth_acceptable_timestamps="
                    + (current - WINDOW_SECONDS) + "-" + (current + WINDOW_SECONDS));
        }
        String key = consumerKey + '\n' + t + '\n' + nonce;
        synchronized (this) {
            evict(current);
            if (seen.putIfAbsent(key, t + WINDOW_SECONDS) != null) {
                throw OAuthProblem.of("nonce_used");
            }
            byExpiry.add(new Seen(t + WINDOW_SECONDS, key));
        }
    }

    /** How many nonces are remembered now. */
    synchronized int size() {
        evict(now.getAsLong());
        return seen.size();
    }

    private void evict(long current) {
        while (!byExpiry.isEmpty() && (byExpiry.peek().expires < current || byExpiry.size() >= MAX_ENTRIES)) {
            seen.remove(byExpiry.poll().key);
        }
    }
}
