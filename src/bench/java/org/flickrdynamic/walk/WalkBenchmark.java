package org.flickrdynamic.walk;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;

/**
 * Walks every photo of a synthetic sandbox through {@code flickr.photos.search} (25 times Flickr's
 * 4,000-result cap, so the walk splits the query by upload date) and prints the time, the pages
 * fetched and the peak heap of the whole JVM, sandbox included. Run it with a small heap to show that
 * a walk's memory stays flat: {@code bin/bench walk} runs it with {@code -Xmx64m}.
 */
public final class WalkBenchmark {
    private WalkBenchmark() {
    }

    /** {@code WalkBenchmark [PHOTOS [PER_PAGE]]}: 100,000 photos, 500 per page, by default. */
    public static void main(String[] args) {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perPage = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        try (Sandbox sandbox = Sandbox.builder().syntheticPhotos(photos).start();
             FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
            // Warm the client and the sandbox with a short walk, then measure from a clean peak.
            client.walk("photos.search", "min_upload_date", 0, "per_page", perPage).limit(2_000).count();
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            sandbox.clearRequests();
            long t0 = System.nanoTime();
            long gcNanos = 0;
            StringBuilder live = new StringBuilder();
            long count = 0;
            long previous = Long.MAX_VALUE;
            for (Element photo : client.walk("photos.search", "min_upload_date", 0, "per_page", perPage)) {
                long id = Long.parseLong(photo.attributeValue("id"));
                if (id >= previous) {
                    throw new IllegalStateException("photo " + id + " out of order or repeated after " + previous);
                }
                previous = id;
                count++;
                if (count % (photos / 4) == 0) {
                    // What the walk holds: the heap left after a collection, at each quarter.
                    long g0 = System.nanoTime();
                    System.gc();
                    gcNanos += System.nanoTime() - g0;
                    live.append(String.format(" %.1f", usedHeap() / 1048576.0));
                }
            }
            double seconds = (System.nanoTime() - t0 - gcNanos) / 1e9;
            if (count != photos) {
                throw new IllegalStateException("walked " + count + " photos of " + photos);
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            int requests = sandbox.requests().size();
            System.out.printf("walked %,d photos (%d per page) in %.2f s: %,.0f photos/s, %d requests%n",
                    count, perPage, seconds, count / seconds, requests);
            System.out.printf("peak heap, sandbox included: %.1f MiB of max %.0f MiB%n", peak / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            System.out.printf("live heap after a collection at each quarter of the walk (MiB):%s%n", live);
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
