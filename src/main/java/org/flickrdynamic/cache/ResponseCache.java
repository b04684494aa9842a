package org.flickrdynamic.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.dom4j.Document;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;

/**
 * Remembers the answers of unsigned reads for a while, so repeating one does not reach Flickr again.
 * An answer is kept for {@code ttl} (at most {@link #MAX_TTL}), and at most {@code maxEntries} answers
 * are kept, the least recently used going first. The key is the endpoint, the API key, the method and
 * the arguments in sorted order, so the order they were given in does not matter. Only successful
 * answers are stored (a failure is never cached), and the client never offers it a signed call: those
 * belong to one user. Each caller gets its own copy of the answer, so changing the element returned
 * cannot change what the next caller gets. Thread-safe.
 */
public final class ResponseCache {
    /**
     * The longest an answer may be kept: 24 hours, the cap this library keeps to for Flickr's API terms,
     * which do not let an application hold on to Flickr's data indefinitely.
     */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private record Key(String endpoint, String apiKey, String method, Map<String, String> args) {
    }

    private record Entry(Document answer, Instant expires) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<Key, Entry> entries;

    /**
     * A cache whose answers expire by {@code clock}.
     *
     * @param ttl        how long an answer is kept, at most {@link #MAX_TTL}
     * @param maxEntries how many answers are kept at most
     * @param clock      the clock that decides when an answer has expired
     * @throws FlickrArgumentException when the ttl is not positive or above the cap, or maxEntries is not positive
     */
    public ResponseCache(Duration ttl, int maxEntries, Clock clock) {
        check(ttl, maxEntries);
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            // ResponseCache.Entry in full: inside a LinkedHashMap subclass a bare Entry can name a member type
            // the map inherits, and javac 25 reads it so (javac 17 took this class's own Entry).
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ResponseCache.Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * Checks cache settings before a cache is made.
     *
     * @param ttl how long an answer is kept, at most {@link #MAX_TTL}
     * @param maxEntries how many answers are kept at most
     * @throws FlickrArgumentException naming the bad value, and the 24-hour cap when the ttl is above it
     */
    public static void check(Duration ttl, int maxEntries) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new FlickrArgumentException(null, "the cache ttl must be a positive duration, not " + ttl);
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new FlickrArgumentException(null, "the cache ttl " + ttl + " is longer than the cap of 24 hours"
                    + " (PT24H) kept for Flickr's API terms");
        }
        if (maxEntries <= 0) {
            throw new FlickrArgumentException(null, "the cache size must be positive, not " + maxEntries);
        }
    }

    /**
     * A copy of the stored answer to this call, or {@code null} when there is none or it has expired.
     *
     * @param args the call's arguments, as given
     * @param endpoint the REST endpoint's URL
     * @param apiKey the API key
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @return a copy of the stored answer to this call, or {@code null} when there is none or it has expired
     */
    public Element get(String endpoint, String apiKey, String method, Map<String, String> args) {
        Key key = key(endpoint, apiKey, method, args);
        Entry e;
        synchronized (entries) {
            e = entries.get(key);
            if (e == null) {
                return null;
            }
            if (!clock.instant().isBefore(e.expires())) {
                entries.remove(key);
                return null;
            }
        }
        // The stored document is never changed, so copying it needs no lock.
        return ((Document) e.answer().clone()).getRootElement();
    }

    /**
     * Stores a copy of a successful answer to this call.
     *
     * @param endpoint the REST endpoint's URL
     * @param apiKey the API key
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @param args the call's arguments, as given
     * @param rsp the answer's {@code <rsp>} element
     */
    public void put(String endpoint, String apiKey, String method, Map<String, String> args, Element rsp) {
        Document copy = rsp.getDocument() != null ? (Document) rsp.getDocument().clone()
                : DocumentHelper.createDocument(rsp.createCopy());
        Entry e = new Entry(copy, clock.instant().plus(ttl));
        synchronized (entries) {
            entries.put(key(endpoint, apiKey, method, args), e);
        }
    }

    /**
     * How many answers are stored, expired ones not yet dropped included.
     *
     * @return how many answers are stored, expired ones not yet dropped included
     */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Forgets every stored answer. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private static Key key(String endpoint, String apiKey, String method, Map<String, String> args) {
        return new Key(endpoint, apiKey, method, new TreeMap<>(args));
    }
}
