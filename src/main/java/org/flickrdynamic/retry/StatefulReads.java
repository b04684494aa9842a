package org.flickrdynamic.retry;

import java.util.Set;

/**
 * Methods that Flickr's table lists as reads (sent as GET, needing no permission) but that change state
 * on the server, so that a repeat after the first request was received cannot be taken back. They are
 * retried as writes: only when the request certainly never reached the server.
 *
 * <p>The auth methods, one by one:
 * <ul>
 * <li>{@code flickr.auth.oauth.getAccessToken} deletes the legacy token it is called with. If its answer
 *     is lost, the OAuth token is gone with it and a repeat can only fail: the user's login is lost
 *     either way, but a repeat would hide the real failure behind "invalid token".</li>
 * <li>{@code flickr.auth.getToken} uses up its frob (error 108: "has already been used"). A repeat after
 *     a lost answer can only answer 108, which hides the real failure the same way.</li>
 * <li>{@code flickr.auth.getFrob} is a read: each call makes a new frob, and an unused one expires by
 *     itself. {@code flickr.auth.getFullToken} only looks a mini-token up, {@code checkToken} and
 *     {@code oauth.checkToken} only describe a token: repeating them changes nothing.</li>
 * </ul>
 */
public final class StatefulReads {
    private static final Set<String> METHODS = Set.of("flickr.auth.oauth.getAccessToken", "flickr.auth.getToken");

    private StatefulReads() {
    }

    /** Whether a method that looks like a read changes state, and so must be retried as a write. */
    public static boolean changesState(String method) {
        return METHODS.contains(method);
    }
}
