package org.flickrdynamic.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flickrdynamic.Flickr;
import org.flickrdynamic.sandbox.Sandbox;

/**
 * Processes sharing one key's limit through {@code FLICKR_RATE_LIMIT} and {@code FLICKR_RATE_LIMIT_STORE},
 * as scripts and {@code bin/flickr} do: each child JVM runs {@link #main} with several threads calling
 * through the facade and prints one line per call, {@code ok} or the failure.
 */
final class SharingProcesses {
    private SharingProcesses() {
    }

    /** In a child: {@code THREADS CALLS} echo calls through the facade; one output line per call. */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    try {
                        Flickr.call("flickr.test.echo", "thread", thread, "i", i);
                        lines.add("ok");
                    } catch (RuntimeException e) {
                        lines.add(e.getClass().getSimpleName() + " " + e.getMessage().replace('\n', ' '));
                    }
                }
                return lines;
            }));
        }
        for (Future<List<String>> f : done) {
            f.get().forEach(System.out::println);
        }
        pool.shutdown();
    }

    /**
     * Runs {@code processes} children at once against the sandbox, all with the same key, limit and store,
     * and returns every line they printed.
     */
    static List<String> run(Sandbox sandbox, int processes, int threads, int calls, String limit, String store,
                            Path home) throws IOException, InterruptedException {
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SharingProcesses.class.getName(),
                    String.valueOf(threads), String.valueOf(calls))
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().keySet().removeIf(k -> k.startsWith("FLICKR_"));
            pb.environment().putAll(Map.of("FLICKR_DYNAMIC_HOME", home.toString(), "FLICKR_ENDPOINT", sandbox.restUrl(),
                    "FLICKR_API_KEY", sandbox.apiKey(), "FLICKR_API_SECRET", sandbox.secret(),
                    "FLICKR_RATE_LIMIT", limit, "FLICKR_RATE_LIMIT_STORE", store));
            children.add(pb.start());
        }
        List<String> lines = new ArrayList<>();
        for (Process child : children) {
            lines.addAll(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "a child did not end");
            assertEquals(0, child.exitValue());
        }
        return lines;
    }
}
