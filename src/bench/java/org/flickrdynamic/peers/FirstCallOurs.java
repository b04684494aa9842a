package org.flickrdynamic.peers;

import org.flickrdynamic.FlickrClient;

/**
 * A program's first call with this library, for {@code bin/bench cold}: build a client, call
 * {@code flickr.test.echo} once, check the answer, exit. Run in a fresh plain JVM ({@code java -cp}).
 */
public final class FirstCallOurs {
    private FirstCallOurs() {
    }

    /** {@code FirstCallOurs REST_URL}. */
    public static void main(String[] args) {
        try (FlickrClient client = FlickrClient.builder().endpoint(args[0]).apiKey("bench").build()) {
            if (!"bar".equals(client.call("flickr.test.echo", "foo", "bar").elementText("foo"))) {
                throw new IllegalStateException("the echo did not come back");
            }
        }
    }
}
