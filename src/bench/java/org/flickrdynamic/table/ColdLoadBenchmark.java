package org.flickrdynamic.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cold load: what the first use of the table costs in a fresh JVM, as a command-line call pays it.
 * Starts fresh JVMs of {@link Probe} and prints medians: the first use measured inside the JVM
 * (the bundled table and one method from it; the full load of every method), and the wall time of
 * whole JVMs doing each, against one that does nothing. Run with {@code bin/bench table}.
 */
public final class ColdLoadBenchmark {
    private ColdLoadBenchmark() {
    }

    /** {@code ColdLoadBenchmark [RUNS]}, 11 runs by default. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        String[] modes = {"bundled", "full", "none"};
        List<List<Double>> inside = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int k = 0; k < runs; k++) {
            for (int m = 0; m < modes.length; m++) {
                long t0 = System.nanoTime();
                String out = run(modes[m]);
                wall.get(m).add((System.nanoTime() - t0) / 1e6);
                inside.get(m).add(Double.parseDouble(out.trim()));
            }
        }
        System.out.printf("cold, %d fresh JVMs each, medians:%n", runs);
        System.out.printf("  bundled table + first method (MethodTable.bundled().find): %6.1f ms inside the JVM, %6.1f ms whole JVM run%n",
                median(inside.get(0)), median(wall.get(0)));
        System.out.printf("  full load, every method parsed and checked:               %6.1f ms inside the JVM, %6.1f ms whole JVM run%n",
                median(inside.get(1)), median(wall.get(1)));
        System.out.printf("  JVM doing nothing:                                                             %6.1f ms whole JVM run%n",
                median(wall.get(2)));
    }

    private static String run(String what) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Probe.class.getName(), what)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
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

    /** Runs in the fresh JVM: does one kind of first load and prints how long it took, in ms. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) throws IOException {
            long t0 = System.nanoTime();
            switch (args[0]) {
                case "bundled" -> MethodTable.bundled().find("photos.search").orElseThrow();
                case "full" -> {
                    try (java.io.InputStream in = MethodTable.class.getResourceAsStream(MethodTable.RESOURCE)) {
                        MethodTableLoader.load(in, "probe").methods();
                    }
                }
                default -> { }
            }
            System.out.println((System.nanoTime() - t0) / 1e6);
        }
    }
}
