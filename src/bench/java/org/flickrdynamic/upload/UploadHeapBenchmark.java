package org.flickrdynamic.upload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;

/**
 * The client's heap while it uploads a large file: a 200 MiB sparse file (a JPEG header, then zeros)
 * goes to a sandbox running in a separate JVM, so only the client's memory is measured here. Peak heap
 * in use is sampled every few milliseconds and read from the heap pools' own peaks; run it with a small
 * {@code -Xmx} (bin/bench upload uses 64 MiB) to show the file never sits in memory. Run with
 * {@code bin/bench upload}.
 */
public final class UploadHeapBenchmark {
    private static final long SIZE = 200L * 1024 * 1024;

    private UploadHeapBenchmark() {
    }

    /** {@code UploadHeapBenchmark [MiB]}: the file size, 200 MiB by default. */
    public static void main(String[] args) throws Exception {
        long size = args.length > 0 ? Long.parseLong(args[0]) * 1024 * 1024 : SIZE;
        Path file = Files.createTempFile("flickr-upload-bench", ".jpg");
        Process server = null;
        try {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
                f.setLength(size); // sparse: takes no disk, reads as zeros
            }
            server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Sandbox.class.getName(), "--port", "0")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String restUrl = restUrl(server);
            String baseUrl = restUrl.substring(0, restUrl.indexOf("services/rest/"));
            // Sandbox tokens are stateless: one minted here is good in the other JVM's sandbox (same secret).
            SandboxToken token;
            try (Sandbox minter = Sandbox.start()) {
                token = minter.issueToken(minter.users().get(0).nsid(), Permission.WRITE);
            }
            try (FlickrClient flickr = FlickrClient.builder().baseUrl(baseUrl).apiKey(Sandbox.API_KEY)
                    .secret(Sandbox.SECRET).token(token.token(), token.tokenSecret())
                    .readTimeout(java.time.Duration.ofMinutes(5)).build()) {
                flickr.upload(small(file), Map.of("title", "warm-up")); // load the classes first
                System.gc();
                long before = used();
                resetPeaks();
                AtomicLong sampled = new AtomicLong(before);
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        sampled.accumulateAndGet(used(), Math::max);
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                long t0 = System.nanoTime();
                String id = flickr.upload(file, Map.of("title", "large"));
                double seconds = (System.nanoTime() - t0) / 1e9;
                sampler.interrupt();
                sampler.join();
                long poolPeaks = poolPeaks();
                System.out.printf("uploaded %d MiB as photo %s in %.1f s (%.0f MiB/s)%n", size >> 20, id, seconds,
                        (size >> 20) / seconds);
                System.out.printf("client heap: max %d MiB (-Xmx), in use before %.1f MiB, peak during the upload"
                        + " %.1f MiB sampled, %.1f MiB by the heap pools' peaks%n",
                        Runtime.getRuntime().maxMemory() >> 20, before / 1048576.0, sampled.get() / 1048576.0,
                        poolPeaks / 1048576.0);
            }
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling("flickr-upload-bench-small.jpg"));
        }
    }

    private static Path small(Path big) throws IOException {
        Path small = big.resolveSibling("flickr-upload-bench-small.jpg");
        Files.write(small, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0, 0, 0});
        return small;
    }

    private static String restUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("http://");
            if (line.startsWith("Flickr sandbox listening on") && at >= 0) {
                return line.substring(at).strip();
            }
        }
        throw new IllegalStateException("the sandbox did not start");
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the peak heap in use (each pool peaks at its own time). */
    private static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
