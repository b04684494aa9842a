package org.flickrdynamic.internal;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.internal.pipeline.Pipeline;

/**
 * Lends a {@link FlickrClient}'s private parts to the library's other packages, so that a public type
 * there (the OAuth flow, the downloader) can take a client instead of naming an internal type in its
 * constructor.
 * {@code FlickrClient} installs the one {@link Access} when its class is initialized. Not for users; may
 * change without notice.
 */
public final class ClientAccess {
    /** What a client lends: its request path, which no public method gives. */
    @FunctionalInterface
    public interface Access {
        /**
         * The client's request path.
         *
         * @param client the client
         * @return its pipeline
         */
        Pipeline pipeline(FlickrClient client);
    }

    private static volatile Access access;

    private ClientAccess() {
    }

    /**
     * Installs the access; only the first call counts, and {@code FlickrClient} makes it.
     *
     * @param a what a client lends
     */
    public static synchronized void install(Access a) {
        if (access == null) {
            access = a;
        }
    }

    /**
     * The installed access; a client given to it has initialized its class, so it is there.
     *
     * @return the access
     */
    public static Access get() {
        return access;
    }
}
