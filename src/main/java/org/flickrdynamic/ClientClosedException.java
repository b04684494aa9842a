package org.flickrdynamic;

/**
 * A call was made on a {@link FlickrClient} that was already closed; nothing was sent. It is the misuse
 * an {@link IllegalStateException} would describe, but Java lets an exception have one parent, and every
 * error of this library is a {@link FlickrException}, so one {@code catch} still sees them all. It is
 * never retried: {@link FlickrClient#newBuilder()} still works on a closed client, and builds an open one.
 */
public class ClientClosedException extends FlickrException {
    private static final long serialVersionUID = 1L;

    /**
     * The error for a call made on a closed client.
     *
     * @param what the method or step that was refused, or {@code null}
     */
    public ClientClosedException(String what) {
        super((what == null ? "" : what + ": ") + "this client is closed; build another with newBuilder().build()",
                false, null);
    }
}
