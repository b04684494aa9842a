package org.flickrdynamic.limit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Buckets kept in Redis through Bucket4j's Lettuce integration (compare-and-swap in a Lua script), shared
 * by every process and machine that uses the same server. Loaded only when that store is chosen, so
 * Lettuce is needed by its users alone. One connection per server in a JVM, opened at the first turn (not
 * when a client is built: building never touches the network), and reconnected by Lettuce after an outage.
 * A command is refused at once while disconnected and times out after {@link #TIMEOUT}, so a turn never
 * hangs on a stopped server. Time is each machine's wall clock: machines sharing a key need synchronised
 * clocks (NTP), as any shared bucket does.
 */
final class RedisBuckets {
    /** How long one exchange with Redis may take: a store that slow is reported as unusable. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String PREFIX = "flickr-dynamic:rate-limit:";
    private static final Map<String, ProxyManager<byte[]>> CONNECTED = new ConcurrentHashMap<>();

    private RedisBuckets() {
    }

    /** The bucket of {@code apiKey} at {@code url}, connecting when first asked for a turn. */
    static Supplier<Bucket> bucket(String url, String apiKey, RateLimit limit) {
        byte[] key = (PREFIX + apiKey).getBytes(StandardCharsets.UTF_8);
        return new Supplier<>() {
            private volatile Bucket proxy;

            @Override
            public Bucket get() {
                Bucket b = proxy;
                if (b == null) {
                    b = proxies(url).builder().build(key, () -> BucketLimiter.configuration(limit));
                    proxy = b;
                }
                return b;
            }
        };
    }

    private static ProxyManager<byte[]> proxies(String url) {
        ProxyManager<byte[]> known = CONNECTED.get(url);
        if (known != null) {
            return known;
        }
        synchronized (CONNECTED) {
            return CONNECTED.computeIfAbsent(url, RedisBuckets::connect);
        }
    }

    private static ProxyManager<byte[]> connect(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        StatefulRedisConnection<byte[], byte[]> connection;
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
        } catch (RuntimeException e) {
            client.shutdownAsync();
            throw e;
        }
        return Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(TimeMeter.SYSTEM_MILLISECONDS)
                .requestTimeout(TIMEOUT)
                // An idle key's bucket is full again after a while: Redis may then forget it.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }
}
