package org.flickrdynamic.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.flickrdynamic.FlickrArgumentException;
import org.junit.jupiter.api.Test;

/** How a store is chosen from a setting, and how messages name it (never with a Redis password). */
class RateLimitStoreTest {
    @Test
    void aSettingNamesItsStore() {
        assertEquals("this JVM", RateLimitStore.parse(null, "FLICKR_RATE_LIMIT_STORE").toString());
        assertEquals("this JVM", RateLimitStore.parse("  ", "FLICKR_RATE_LIMIT_STORE").toString());
        assertEquals("file " + Path.of("rl.state").toAbsolutePath(),
                RateLimitStore.parse("rl.state", "FLICKR_RATE_LIMIT_STORE").toString());
        assertEquals("Redis redis://127.0.0.1:6379/2",
                RateLimitStore.parse("redis://127.0.0.1:6379/2", "FLICKR_RATE_LIMIT_STORE").toString());
        assertEquals("file " + Path.of(System.getProperty("flickrdynamic.home"), "rate-limit.state").toAbsolutePath(),
                RateLimitStore.file().toString(), "the library's folder");
    }

    @Test
    void badRedisSettingsAreRefusedByName() {
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> RateLimitStore.parse("redis://:pa55@host:port", "FLICKR_RATE_LIMIT_STORE"));
        assertEquals("FLICKR_RATE_LIMIT_STORE: a Redis rate limit store must be redis://HOST:PORT[/DB], not"
                + " 'redis://***@host:port'", e.problems().get(0));
        assertEquals("Redis redis://***@127.0.0.1:6379/2",
                RateLimitStore.parse("redis://:pa55@127.0.0.1:6379/2", "FLICKR_RATE_LIMIT_STORE").toString());
        FlickrArgumentException http = assertThrows(FlickrArgumentException.class,
                () -> RateLimitStore.parse("http://127.0.0.1:6379", "FLICKR_RATE_LIMIT_STORE"));
        assertEquals("FLICKR_RATE_LIMIT_STORE: a rate limit store is redis://HOST:PORT[/DB] or a file path, not"
                + " 'http://127.0.0.1:6379'", http.problems().get(0));
    }
}
