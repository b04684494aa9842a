package org.flickrdynamic;

import java.time.Duration;
import java.util.Optional;

/**
 * No usable answer came back: the connection was refused or reset, a timeout fired, the server
 * answered with an HTTP error status, or the body was not a Flickr response (an HTML page,
 * truncated or malformed XML, a body over the size cap).
 */
public class FlickrTransportException extends FlickrException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final Duration retryAfter;
    private final boolean requestSent;

    /**
     * @param message    what went wrong, with the HTTP status and the start of the body where there is one
     * @param httpStatus the HTTP status, or 0 when no response was received
     * @param retryable  whether repeating the call later could succeed
     * @param cause      the underlying I/O or parse failure, or {@code null}
     */
    public FlickrTransportException(String message, int httpStatus, boolean retryable, Throwable cause) {
        this(message, httpStatus, retryable, cause, null);
    }

    /**
     * @param message    what went wrong, with the HTTP status and the start of the body where there is one
     * @param httpStatus the HTTP status, or 0 when no response was received
     * @param retryable  whether repeating the call later could succeed
     * @param cause      the underlying I/O or parse failure, or {@code null}
     * @param retryAfter how long the server asked to wait before trying again (its {@code Retry-After}), or
     *                   {@code null}
     */
    public FlickrTransportException(String message, int httpStatus, boolean retryable, Throwable cause,
                                    Duration retryAfter) {
        this(message, httpStatus, retryable, cause, retryAfter, true, 1);
    }

    private FlickrTransportException(String message, int httpStatus, boolean retryable, Throwable cause,
                                     Duration retryAfter, boolean requestSent, int attempts) {
        super(message, retryable, cause, attempts);
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.requestSent = requestSent;
    }

    /**
     * A failure that certainly happened before the request reached the server: no connection could be
     * made (refused, unknown host, connect timeout), so even a write may safely be sent again.
     *
     * @param message   what went wrong
     * @param retryable whether repeating the call later could succeed
     * @param cause     the underlying failure, or {@code null}
     */
    public static FlickrTransportException notSent(String message, boolean retryable, Throwable cause) {
        return new FlickrTransportException(message, 0, retryable, cause, null, false, 1);
    }

    /** The HTTP status of the answer, or 0 when none was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the server asked to wait before trying again ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the request may have reached the server. {@code false} only when it certainly did not (no
     * connection was made); {@code true} whenever the server might have received it, even if no answer
     * came, so a write is never repeated on a guess.
     */
    public boolean requestSent() {
        return requestSent;
    }

    @Override
    public FlickrTransportException afterAttempts(int attempts) {
        String message = getMessage() + attemptsNote(attempts);
        FlickrTransportException e = new FlickrTransportException(message, httpStatus, isRetryable(), getCause(),
                retryAfter, requestSent, attempts);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
