package org.flickrdynamic.attack;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;

/**
 * The client side of {@link HugeBodyTest}, run in a JVM of its own with a 64 MB heap: calls the hostile
 * server once and prints the error's type and message, and the heap it had. Exit 0: the expected
 * transport error; 1: no error at all; 2: anything else, an {@link OutOfMemoryError} included.
 */
public final class HugeBodyClient {
    private HugeBodyClient() {
    }

    /** {@code HugeBodyClient REST_URL CAP_BYTES}. */
    public static void main(String[] args) {
        try (FlickrClient c = FlickrClient.builder().apiKey("huge-body-key").endpoint(args[0])
                .maxResponseBytes(Long.parseLong(args[1])).retries(0).build()) {
            c.call("flickr.photos.search", "tags", "cat");
            System.out.println("no error");
            System.exit(1);
        } catch (FlickrTransportException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            System.out.println("max heap: " + Runtime.getRuntime().maxMemory());
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(2);
        }
    }
}
