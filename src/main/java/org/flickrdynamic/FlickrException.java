package org.flickrdynamic;

/**
 * The root of every error this library raises. All are unchecked, so scripts in any JVM language
 * can let them surface without declaring them.
 *
 * <p>Every error says whether the same call might succeed if tried again later ({@link #isRetryable()}).
 * No message or {@code toString()} of any subclass ever contains an API secret, a token secret or a
 * signature.
 */
public class FlickrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param message   what went wrong, free of secrets
     * @param retryable whether repeating the same call later could succeed
     * @param cause     the underlying failure, or {@code null}
     */
    protected FlickrException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether repeating the same call later could succeed (a timeout could; a missing argument cannot). */
    public boolean isRetryable() {
        return retryable;
    }
}
