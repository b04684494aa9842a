package org.flickrdynamic.internal.pipeline;

import java.util.Set;

import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Permission;

/**
 * Whether a method only reads, which decides whether it may be repeated after its request may have
 * arrived, and whether its answer may be cached. A read needs no write or delete permission and the table
 * sends it as a GET; a read sent as a POST only because its URL would be too long is still a read.
 *
 * <p>Methods that Flickr's table lists as reads (sent as GET, needing no permission) but that change state
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
final class ReadsAndWrites {
    private static final Set<String> METHODS = Set.of("flickr.auth.oauth.getAccessToken", "flickr.auth.getToken");

    private ReadsAndWrites() {
    }

    /** Whether a method only reads, by the table's permission and verb, and the few reads that change state. */
    static boolean isRead(MethodSpec spec) {
        return !spec.permission().covers(Permission.WRITE) && !spec.isPost() && !METHODS.contains(spec.name());
    }
}
