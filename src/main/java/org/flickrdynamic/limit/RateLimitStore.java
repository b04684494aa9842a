package org.flickrdynamic.limit;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.auth.TokenStore;

/**
 * Where a rate limit's state lives, and so who shares it: this JVM ({@link #jvm()}, the default), the
 * processes of one machine through a locked file ({@link #file}), or every process and machine using one
 * Redis server ({@link #redis}). Every store holds the same Bucket4j bucket, filed under the API key, so
 * {@link RateLimit}'s guarantee is the same in each.
 *
 * <pre>{@code
 * FlickrClient.builder().apiKey(key).rateLimit(RateLimit.of(3600, Duration.ofHours(1)))
 *         .rateLimitStore(RateLimitStore.redis("redis://10.0.0.5:6379/0")).build();
 * }</pre>
 *
 * <p>When the store cannot be used (Redis down, the file not writable) a request fails at once with a
 * {@link org.flickrdynamic.FlickrTransportException} of kind {@code RATE_LIMITED} naming the store, and
 * nothing is sent: a request is never sent without its turn being counted. Immutable.
 */
public abstract class RateLimitStore {

    private RateLimitStore() {
    }

    /**
     * A limiter of {@code apiKey} under {@code limit}, its state in this store. Nothing is touched until its
     * first turn.
     *
     * @param apiKey the key whose turns are counted
     * @param limit the limit to keep
     * @return the limiter
     */
    public abstract RateLimiter limiter(String apiKey, RateLimit limit);

    /**
     * The state in this JVM: each limiter made has its own.
     *
     * @return the store
     */
    public static RateLimitStore jvm() {
        return new RateLimitStore() {
            @Override
            public RateLimiter limiter(String apiKey, RateLimit limit) {
                return RateLimiter.inMemory(owner(apiKey), limit);
            }

            @Override
            public String toString() {
                return "this JVM";
            }
        };
    }

    /**
     * The state in a file shared by the processes of this machine, each turn taken under a file lock. The
     * file is created owner-only; a symbolic link, or a file others may read or write, is refused at the
     * first turn.
     *
     * @throws FlickrArgumentException when {@code file} is {@code null}
     * @param file the state file
     * @return the store
     */
    public static RateLimitStore file(Path file) {
        if (file == null) {
            throw new FlickrArgumentException(null, "a rate limit store file must be given, not null");
        }
        Path path = file.toAbsolutePath().normalize();
        return new RateLimitStore() {
            @Override
            public RateLimiter limiter(String apiKey, RateLimit limit) {
                FileBuckets buckets = FileBuckets.of(path);
                String key = apiKey == null ? "" : apiKey;
                return new BucketLimiter(owner(apiKey), toString(), limit,
                        () -> buckets.builder().build(key, () -> BucketLimiter.configuration(limit)));
            }

            @Override
            public String toString() {
                return "file " + path;
            }
        };
    }

    /**
     * The state file in the library's folder (where logins are kept: {@code flickrdynamic.home},
     * {@code FLICKR_DYNAMIC_HOME} or {@code ~/.flickr-dynamic}): {@code rate-limit.state}.
     *
     * @return the store
     */
    public static RateLimitStore file() {
        return file(TokenStore.standard().folder().resolve("rate-limit.state"));
    }

    /**
     * The state in Redis at {@code url} ({@code redis://HOST:PORT[/DB]}, or {@code rediss://} for TLS, a
     * password as {@code redis://:PASSWORD@HOST:PORT}), shared by every process and machine using it. Needs
     * {@code io.lettuce:lettuce-core} and {@code com.bucket4j:bucket4j_jdk17-lettuce} on the class path.
     *
     * @throws FlickrArgumentException when the URL is not of that form, or those libraries are missing
     * @param url the server's URL
     * @return the store
     */
    public static RateLimitStore redis(String url) {
        if (url == null || !RedisUrl.SHAPE.matcher(url.strip()).matches()) {
            throw new FlickrArgumentException(null, "a Redis rate limit store must be redis://HOST:PORT[/DB], not '"
                    + masked(url) + "'");
        }
        try {
            Class.forName("io.lettuce.core.RedisClient", false, RateLimitStore.class.getClassLoader());
            Class.forName("io.github.bucket4j.redis.lettuce.Bucket4jLettuce", false, RateLimitStore.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new FlickrArgumentException(null, "the Redis rate limit store needs io.lettuce:lettuce-core and"
                    + " com.bucket4j:bucket4j_jdk17-lettuce on the class path");
        }
        String u = url.strip();
        String shown = masked(u);
        return new RateLimitStore() {
            @Override
            public RateLimiter limiter(String apiKey, RateLimit limit) {
                return new BucketLimiter(owner(apiKey), toString(), limit,
                        RedisBuckets.bucket(u, apiKey == null ? "" : apiKey, limit));
            }

            @Override
            public String toString() {
                return "Redis " + shown;
            }
        };
    }

    /**
     * Reads the store setting of {@code FLICKR_RATE_LIMIT_STORE}: a {@code redis://} or {@code rediss://} URL,
     * or a file path; {@code null} or blank: this JVM.
     *
     * @param what where it was given, for the message
     * @throws FlickrArgumentException naming {@code what} and the problem
     * @param setting the variable's value
     * @return the store
     */
    public static RateLimitStore parse(String setting, String what) {
        if (setting == null || setting.isBlank()) {
            return jvm();
        }
        String s = setting.strip();
        try {
            if (s.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
                if (!s.toLowerCase(java.util.Locale.ROOT).startsWith("redis")) {
                    throw new FlickrArgumentException(null, "a rate limit store is redis://HOST:PORT[/DB] or a file"
                            + " path, not '" + masked(s) + "'");
                }
                return redis(s);
            }
            return file(Path.of(s));
        } catch (InvalidPathException e) {
            throw new FlickrArgumentException(null, what + " is not a usable file path: " + e.getMessage());
        } catch (FlickrArgumentException e) {
            throw new FlickrArgumentException(null, what + ": " + String.join("; ", e.problems()));
        }
    }

    private static String owner(String apiKey) {
        return apiKey == null ? "this limiter" : "API key " + apiKey;
    }

    /** A Redis URL without its password, as messages show it. */
    private static String masked(String url) {
        return url == null ? null : url.replaceAll("(?<=://)[^/@\\s]*@", "***@");
    }

    /** The shape of a Redis URL; in a holder so that a client on the default store never compiles it. */
    private static final class RedisUrl {
        static final Pattern SHAPE = Pattern.compile("rediss?://([^/@\\s]*@)?[^/:@\\s]+(:\\d{1,5})?(/\\d{1,5})?/?");
    }
}
