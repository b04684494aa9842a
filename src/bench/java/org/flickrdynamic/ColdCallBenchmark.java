package org.flickrdynamic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.flickrdynamic.sandbox.Sandbox;

/**
 * The first call in a fresh JVM, as a program embedding the library pays it: a sandbox runs here, and
 * each of N fresh JVMs (plain {@code java}, no tuning) builds a client and calls {@code flickr.test.echo}
 * once. Prints medians: the client's build plus its first call measured inside the JVM, the JVM's
 * uptime when the answer is in, and the whole JVM run. Run with {@code bin/bench cold}.
 */
public final class ColdCallBenchmark {
    private ColdCallBenchmark() {
    }

    /** {@code ColdCallBenchmark [RUNS]}, 11 runs by default. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        List<Double> firstCall = new ArrayList<>();
        List<Double> uptime = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.start()) {
            for (int k = 0; k < runs; k++) {
                long t0 = System.nanoTime();
                String[] out = run(sandbox).strip().split(" ");
                wall.add((System.nanoTime() - t0) / 1e6);
                firstCall.add(Double.parseDouble(out[0]));
                uptime.add(Double.parseDouble(out[1]));
            }
        }
        System.out.printf("first call in a fresh JVM, %d JVMs, medians:%n", runs);
        System.out.printf("  client built + first flickr.test.echo: %6.1f ms inside the JVM%n", median(firstCall));
        System.out.printf("  JVM uptime when the answer is in:      %6.1f ms%n", median(uptime));
        System.out.printf("  whole JVM run:                         %6.1f ms%n", median(wall));
    }

    private static String run(Sandbox sandbox) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                sandbox.restUrl(), sandbox.apiKey()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("probe failed: " + out);
        }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Runs in the fresh JVM: builds a client, calls once, prints the ms it took and the JVM's uptime. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            long t0 = System.nanoTime();
            try (FlickrClient client = FlickrClient.builder().endpoint(args[0]).apiKey(args[1]).build()) {
                if (!"bar".equals(client.call("flickr.test.echo", "foo", "bar").elementText("foo"))) {
                    throw new IllegalStateException("the echo did not come back");
                }
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            long up = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            System.out.println(ms + " " + up);
        }
    }
}
