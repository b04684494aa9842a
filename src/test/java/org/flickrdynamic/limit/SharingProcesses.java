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

import org.flickrdynamic.testing.ChildJvm;
import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;

/**
 * Processes sharing one key's limit through {@code FLICKR_RATE_LIMIT} and {@code FLICKR_RATE_LIMIT_STORE},
 * as scripts and {@code bin/flickr} do: each child JVM runs {@link #main} with several threads calling
 * through the facade and prints one line per call, {@code ok} or the failure.
 *
 * <p>Each child first sends one request with another key ({@link #WARM_UP}, refused by the sandbox and not
 * counted), says it is ready, and waits for the word to go: so all the threads of all the children take
 * their turns at once, and what is measured is the store, not a cold JVM's first request, which takes a
 * few hundred milliseconds longer to arrive after its turn ({@link RateLimit#tolerance()} covers that).
 */
final class SharingProcesses {
    /** The API key of the children's first request, which loads the classes of a request and connects. */
    static final String WARM_UP = "warm-up-key";

    private SharingProcesses() {
    }

    /** In a child: {@code THREADS CALLS} echo calls through the facade; one output line per call. */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        try (FlickrClient warm = FlickrClient.builder().endpoint(System.getenv("FLICKR_ENDPOINT")).apiKey(WARM_UP)
                .retries(0).build()) {
            warm.call("flickr.test.echo");
        } catch (FlickrApiException expected) {
            // 100: invalid key; the request went all the way.
        }
        System.out.println("ready");
        System.out.flush();
        if (!"go".equals(new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine())) {
            return;
        }
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
     * Runs {@code processes} children at once against the sandbox, all with the same key, limit and store;
     * once all are ready, runs {@code beforeGo} (to queue faults) and lets them go. Returns every line they
     * printed after {@code ready}.
     */
    static List<String> run(Sandbox sandbox, int processes, int threads, int calls, String limit, String store,
                            Path home, Runnable beforeGo) throws IOException, InterruptedException {
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", ChildJvm.classPath(), SharingProcesses.class.getName(),
                    String.valueOf(threads), String.valueOf(calls))
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().keySet().removeIf(k -> k.startsWith("FLICKR_"));
            pb.environment().putAll(Map.of("FLICKR_DYNAMIC_HOME", home.toString(), "FLICKR_ENDPOINT", sandbox.restUrl(),
                    "FLICKR_API_KEY", sandbox.apiKey(), "FLICKR_API_SECRET", sandbox.secret(),
                    "FLICKR_RATE_LIMIT", limit, "FLICKR_RATE_LIMIT_STORE", store));
            children.add(pb.start());
        }
        List<java.io.BufferedReader> outputs = new ArrayList<>();
        for (Process child : children) {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            outputs.add(out);
        }
        beforeGo.run();
        for (Process child : children) {
            child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().close();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Process child = children.get(i);
            outputs.get(i).lines().forEach(lines::add);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "a child did not end");
            assertEquals(0, child.exitValue());
        }
        return lines;
    }
}
