package org.flickrdynamic.internal.pipeline;

import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Permission;

/**
 * Whether a method only reads, which decides whether it may be repeated after its request may have
 * arrived, and whether its answer may be cached. A read needs no write or delete permission and the table
 * sends it as a GET; a read sent as a POST only because its URL would be too long is still a read.
 *
 * <p>A few methods the table lists as reads change state on the server all the same (the table's
 * {@code changes_state_on_read}, for example {@code flickr.auth.getToken}, which uses up its frob): they
 * are retried as writes, only when the request certainly never reached the server.
 */
final class ReadsAndWrites {
    private ReadsAndWrites() {
    }

    /** Whether a method only reads, by the table's permission, verb and {@code changes_state_on_read}. */
    static boolean isRead(MethodSpec spec) {
        return !spec.permission().covers(Permission.WRITE) && !spec.isPost() && !spec.changesStateOnRead();
    }
}
