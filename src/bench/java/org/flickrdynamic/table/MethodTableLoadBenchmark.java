package org.flickrdynamic.table;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm load of the bundled method table: the full load (parse and check all of methods.yaml, as
 * {@link MethodTable#load} does for a user's file), and the bundled path ({@link MethodTable#bundled()}:
 * scan, then parse one method on first use). Run with {@code bin/bench table}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MethodTableLoadBenchmark {

    /** One full load of the bundled table: every method parsed and checked. */
    @Benchmark
    public MethodTable loadFull() throws IOException {
        try (InputStream in = MethodTable.class.getResourceAsStream(MethodTable.RESOURCE)) {
            return MethodTableLoader.load(in, "bench");
        }
    }

    /** What the bundled table's first use costs: read and scan the resource, parse photos.search. */
    @Benchmark
    public MethodSpec loadBundledAndFindOne() throws IOException {
        try (InputStream in = MethodTable.class.getResourceAsStream(MethodTable.RESOURCE)) {
            return LazyTableReader.read(in.readAllBytes(), "bench").find("photos.search").orElseThrow();
        }
    }

    /** A lookup in the loaded table, for scale: what every call pays once the table is there. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public MethodSpec lookupByShortName() {
        return MethodTable.bundled().find("photos.search").orElseThrow();
    }
}
