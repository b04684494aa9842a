package org.flickrdynamic.backup;

import org.flickrdynamic.backup.AccountBackup.BackupReport;
import org.flickrdynamic.backup.AccountBackup.BackupListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;

/**
 * Backs up the account of a synthetic sandbox's first user (about 10,000 photos) with no rate limit,
 * then edits 100 of its photos and backs up again, and prints each run's time, calls and requests and
 * the heap: the peak of the whole JVM (sandbox included) and what is live after a collection at each
 * quarter of the first run, the sandbox's request log emptied first (it keeps the last 10,000 requests,
 * which would grow with the run whatever the client holds). {@code bin/bench backup} runs it with {@code -Xmx128m}, to show the heap
 * stays flat while thousands of photos are written.
 */
public final class BackupBenchmark {
    private BackupBenchmark() {
    }

    /** {@code BackupBenchmark [SANDBOX_PHOTOS [EDITS]]}: 50,000 (five users, so about 10,000 each) and 100. */
    public static void main(String[] args) throws IOException {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createTempDirectory("flickr-backup-bench-");
        try (Sandbox sandbox = Sandbox.builder().syntheticPhotos(photos).start();
             FlickrClient flickr = owner(sandbox)) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            StringBuilder live = new StringBuilder();
            long[] requests = new long[1];
            BackupListener quarters = new BackupListener() {
                @Override
                public void progressed(int done, int toFetch) {
                    if (toFetch >= 4 && done % (toFetch / 4) == 0) {
                        // The sandbox's request log (its last 10,000 requests) is not the backup's: emptied first.
                        requests[0] += sandbox.requests().size();
                        sandbox.clearRequests();
                        System.gc();
                        live.append(String.format(" %.1f", usedHeap() / 1048576.0));
                    }
                }
            };
            sandbox.clearRequests();
            long t0 = System.nanoTime();
            BackupReport first = new AccountBackup(flickr, dir).listener(quarters).run();
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            long firstRequests = requests[0] + sandbox.requests().size();
            check(first);
            System.out.printf("first backup: %,d photos in %.1f s (%,.0f photos/s): %,d calls, %,d requests%n",
                    first.photos(), firstSeconds, first.photos() / firstSeconds, first.calls(), firstRequests);
            System.out.printf("peak heap, sandbox included: %.1f MiB of max %.0f MiB%n", peak() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            System.out.printf("live heap after a collection at each quarter of the photos (MiB):%s%n", live);

            List<String> ids;
            try (Stream<String> lines = Files.lines(dir.resolve("index.tsv"))) {
                ids = lines.filter(l -> !l.startsWith("#")).map(l -> l.split("\t")[0]).limit(edits).toList();
            }
            for (String id : ids) {
                flickr.call("photos.addTags", "photo_id", id, "tags", "benchmarked");
            }
            sandbox.clearRequests();
            long t1 = System.nanoTime();
            BackupReport second = new AccountBackup(flickr, dir).run();
            double secondSeconds = (System.nanoTime() - t1) / 1e9;
            check(second);
            long getInfo = sandbox.requests().stream()
                    .filter(r -> "flickr.photos.getInfo".equals(r.param("method"))).count();
            System.out.printf("after %d edits: %,d fetched, %,d unchanged in %.1f s: %,d calls (%d getInfo,"
                    + " %d listing and sets), %,d requests%n", ids.size(), second.fetched(), second.unchanged(),
                    secondSeconds, second.calls(), getInfo, second.calls() - getInfo, sandbox.requests().size());
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void check(BackupReport report) {
        if (!report.complete()) {
            throw new IllegalStateException("the backup is not complete: " + report.problems());
        }
    }

    private static FlickrClient owner(Sandbox sandbox) {
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.DELETE);
        return FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(token.token(), token.tokenSecret()).build();
    }

    private static long peak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
