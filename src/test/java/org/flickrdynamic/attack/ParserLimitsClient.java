package org.flickrdynamic.attack;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrException;

/**
 * The client side of {@link ParserLimitsTest}, run in a JVM of its own with a 256 MiB heap and a default
 * client: calls the server {@code count} times and prints, for each answer, {@code ok} and the number of
 * photos, or the error's type and message. Exit 0 when every call ended in one of those; 2 when anything
 * else escaped, an {@link Error} included.
 */
public final class ParserLimitsClient {
    private ParserLimitsClient() {
    }

    /** {@code ParserLimitsClient REST_URL COUNT}. */
    public static void main(String[] args) {
        try (FlickrClient c = FlickrClient.builder().apiKey("limits-key").endpoint(args[0]).retries(0).build()) {
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                try {
                    Element rsp = c.call("flickr.photos.search", "tags", "cat");
                    Element photos = rsp.element("photos");
                    System.out.println("ok " + (photos == null ? 0 : photos.elements("photo").size()));
                } catch (FlickrException e) {
                    System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            System.out.println("max heap: " + Runtime.getRuntime().maxMemory());
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(2);
        }
    }
}
