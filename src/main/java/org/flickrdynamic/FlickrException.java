package org.flickrdynamic;

/**
 * The root of every error this library raises. All are unchecked, so scripts in any JVM language
 * can let them surface without declaring them.
 *
 * <p>Every error says whether the same call might succeed if tried again later ({@link #isRetryable()}).
 * No message or {@code toString()} of any subclass ever contains an API secret, a token secret or a
 * signature.
 *
 * <p>Guide: <a href="https://github.com/flickrdynamic/flickr-dynamic/blob/main/docs/errors-and-retries.md">docs/errors-and-retries.md</a>.
 */
public class FlickrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether the same request may succeed later. */
    private final boolean retryable;
    /** How many attempts were made. */
    private final int attempts;

    /**
     * A failure after one attempt.
     *
     * @param message   what went wrong, free of secrets
     * @param retryable whether repeating the same call later could succeed
     * @param cause     the underlying failure, or {@code null}
     */
    protected FlickrException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, cause, 1);
    }

    /**
     * A failure after {@code attempts} attempts.
     *
     * @param message   what went wrong, free of secrets; it should already say how many attempts were made
     * @param retryable whether repeating the same call later could succeed
     * @param cause     the underlying failure, or {@code null}
     * @param attempts  how many times the call was tried before this error, at least 1
     */
    protected FlickrException(String message, boolean retryable, Throwable cause, int attempts) {
        super(message, cause);
        this.retryable = retryable;
        this.attempts = Math.max(1, attempts);
    }

    /**
     * Whether repeating the same call later could succeed (a timeout could; a missing argument cannot).
     *
     * @return whether repeating the same call later could succeed (a timeout could; a missing argument cannot)
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * How many times the call was tried before it failed with this error: 1 unless it was retried.
     *
     * @return how many times the call was tried before it failed with this error: 1 unless it was retried
     */
    public int attempts() {
        return attempts;
    }

    /**
     * This error as the last of {@code attempts} tries: the same kind and facts, with the count in its
     * message and in {@link #attempts()}. Errors that are never retried return themselves.
     *
     * @param attempts how many times the call was tried before this error, at least 1
     * @return this error as the last of {@code attempts} tries
     */
    public FlickrException afterAttempts(int attempts) {
        return this;
    }

    /**
     * The words a message ends with after several attempts: {@code " (gave up after 4 attempts)"}, or none.
     *
     * @param attempts how many times the call was tried before this error, at least 1
     * @return the words a message ends with after several attempts: {@code " (gave up after 4 attempts)"}, or none
     */
    protected static String attemptsNote(int attempts) {
        return attempts > 1 ? " (gave up after " + attempts + " attempts)" : "";
    }
}
