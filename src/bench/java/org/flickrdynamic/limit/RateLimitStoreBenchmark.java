package org.flickrdynamic.limit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a rate-limit turn costs in each store, with a limit so high that nobody waits: the time of one
 * turn on one thread, and the turns per second of 8 threads sharing one store (in the file store they
 * queue for its lock; in Redis each turn is a compare-and-swap round trip on the loopback, retried when
 * another thread won). The Redis store runs against a redis-server started on a free loopback port.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RateLimitStoreBenchmark {
    /** Two billion a second: a turn never waits, so only the store's own work is measured. */
    private static final RateLimit UNREACHABLE = new RateLimit(2_000_000_000, Duration.ofSeconds(1), 1_000_000_000,
            Duration.ofSeconds(1));

    @Param({"jvm", "file", "redis"})
    public String store;

    private Path dir;
    private RedisServer redis;
    private RateLimiter limiter;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("rate-limit-bench");
        RateLimitStore chosen = switch (store) {
            case "jvm" -> RateLimitStore.jvm();
            case "file" -> RateLimitStore.file(dir.resolve("rate-limit.state"));
            default -> {
                redis = RedisServer.start(dir);
                yield RateLimitStore.redis(redis.url());
            }
        };
        limiter = chosen.limiter("bench-key", UNREACHABLE);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void turn() {
        limiter.acquire("bench");
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public void turns8Threads() {
        limiter.acquire("bench");
    }
}
