package org.flickrdynamic;

import java.time.Duration;
import java.util.Optional;

/**
 * No usable answer came back: the connection was refused or reset, a timeout fired, the server
 * answered with an HTTP error status, or the body was not a Flickr response (an HTML page,
 * truncated or malformed XML, a body over the size cap). {@link #kind()} says which.
 */
public class FlickrTransportException extends FlickrException {
    private static final long serialVersionUID = 1L;

    /**
     * What kind of failure it was. Each kind knows whether the request may have reached the server and
     * whether the failure may pass; the retry rule reads only these facts, never the message.
     */
    public enum Kind {
        /** No connection could be made (refused, unknown host, no free pooled connection): nothing left. */
        NOT_SENT(false),
        /** Connecting took longer than the connect timeout: nothing left. */
        CONNECT_TIMEOUT(false),
        /** The answer, or its next bytes, took longer than the read timeout. */
        READ_TIMEOUT(true),
        /** The whole exchange took longer than the call timeout. */
        CALL_TIMEOUT(true),
        /** The connection broke once the request was on its way (reset, closed without an answer). */
        CONNECTION_LOST(true),
        /** The server answered with an HTTP status other than 2xx; {@link #httpStatus()} holds it. */
        HTTP_STATUS(true),
        /** The body is not a Flickr answer: an HTML page, malformed or cut off, or missing what it must hold. */
        NOT_FLICKR(true),
        /** The body passed the size cap, on the wire or once decompressed. */
        TOO_LARGE(true),
        /** The answer was refused as unsafe: a DOCTYPE, an encoding not asked for, a failed TLS handshake. */
        REFUSED(true),
        /** The calling thread was interrupted; it stays interrupted. */
        INTERRUPTED(true),
        /**
         * The rate limit gave no turn: it would have held the request longer than its maximum wait, or its
         * shared store (a file, Redis) cannot be used. Nothing left.
         */
        RATE_LIMITED(false);

        private final boolean mayHaveLeft;

        Kind(boolean mayHaveLeft) {
            this.mayHaveLeft = mayHaveLeft;
        }

        /**
         * Whether a request that failed this way may have reached the server.
         *
         * @return whether a request that failed this way may have reached the server
         */
        public boolean mayHaveLeft() {
            return mayHaveLeft;
        }

        /**
         * Whether a failure of this kind (with this HTTP status) may pass, so the same call could succeed
         * later: connection troubles, timeouts and bodies that are not Flickr answers may; HTTP 408, 429 and
         * 5xx other than 501 and 505 may; a body too large, a refused one, an interrupt or a refused
         * rate-limit turn will not.
         *
         * @param httpStatus the HTTP status of the answer, or 0 when none was received
         * @return whether a failure of this kind (with this HTTP status) may pass, so the same call could succeed
         *         later
         */
        public boolean passing(int httpStatus) {
            return switch (this) {
                case NOT_SENT, CONNECT_TIMEOUT, READ_TIMEOUT, CALL_TIMEOUT, CONNECTION_LOST, NOT_FLICKR -> true;
                case HTTP_STATUS -> httpStatus == 408 || httpStatus == 429
                        || httpStatus >= 500 && httpStatus != 501 && httpStatus != 505;
                case TOO_LARGE, REFUSED, INTERRUPTED, RATE_LIMITED -> false;
            };
        }
    }

    /** What went wrong. */
    private final Kind kind;
    /** The HTTP status, or 0 without an answer. */
    private final int httpStatus;
    /** The server's {@code Retry-After} wait, or {@code null}. */
    private final Duration retryAfter;
    /** Whether the request may have reached the server. */
    private final boolean requestSent;

    /**
     * A transport failure without a server-given wait.
     *
     * @param message    what went wrong, with the HTTP status and the start of the body where there is one
     * @param kind       what kind of failure it was; it decides {@link #isRetryable()} and {@link #requestSent()}
     * @param httpStatus the HTTP status of the answer, or 0 when none was received
     * @param cause      the underlying I/O or parse failure, or {@code null}
     */
    public FlickrTransportException(String message, Kind kind, int httpStatus, Throwable cause) {
        this(message, kind, httpStatus, cause, null);
    }

    /**
     * A transport failure, with the wait the server asked for.
     *
     * @param message    what went wrong, with the HTTP status and the start of the body where there is one
     * @param kind       what kind of failure it was
     * @param httpStatus the HTTP status of the answer, or 0 when none was received
     * @param cause      the underlying I/O or parse failure, or {@code null}
     * @param retryAfter how long the server asked to wait before trying again (its {@code Retry-After}), or
     *                   {@code null}
     */
    public FlickrTransportException(String message, Kind kind, int httpStatus, Throwable cause, Duration retryAfter) {
        this(message, kind, httpStatus, kind.passing(httpStatus), cause, retryAfter, kind.mayHaveLeft(), 1);
    }

    /**
     * @param message    what went wrong
     * @param httpStatus the HTTP status, or 0 when no response was received
     * @param retryable  whether repeating the call later could succeed
     * @param cause      the underlying failure, or {@code null}
     * @deprecated give the {@link Kind} instead: {@link #FlickrTransportException(String, Kind, int, Throwable)}
     */
    @Deprecated
    public FlickrTransportException(String message, int httpStatus, boolean retryable, Throwable cause) {
        this(message, httpStatus >= 300 || httpStatus > 0 && httpStatus < 200 ? Kind.HTTP_STATUS : Kind.NOT_FLICKR,
                httpStatus, retryable, cause, null, true, 1);
    }

    private FlickrTransportException(String message, Kind kind, int httpStatus, boolean retryable, Throwable cause,
                                     Duration retryAfter, boolean requestSent, int attempts) {
        super(message, retryable, cause, attempts);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.requestSent = requestSent;
    }

    /**
     * A call interrupted before its request could leave (while it waited for a rate-limit turn or a free
     * connection): {@link Kind#INTERRUPTED}, with {@link #requestSent()} false.
     *
     * @param message what went wrong, with the HTTP status and the start of the body where there is one
     * @param cause the underlying I/O or parse failure, or {@code null}
     * @return a call interrupted before its request could leave
     */
    public static FlickrTransportException interruptedBeforeSending(String message, Throwable cause) {
        return new FlickrTransportException(message, Kind.INTERRUPTED, 0, false, cause, null, false, 1);
    }

    /**
     * What kind of failure it was.
     *
     * @return what kind of failure it was
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The HTTP status of the answer, or 0 when none was received.
     *
     * @return the HTTP status of the answer, or 0 when none was received
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * How long the server asked to wait before trying again ({@code Retry-After}), when it said.
     *
     * @return how long the server asked to wait before trying again ({@code Retry-After}), when it said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the request may have reached the server. {@code false} only when it certainly did not (no
     * connection was made); {@code true} whenever the server might have received it, even if no answer
     * came, so a write is never repeated on a guess.
     *
     * @return whether the request may have reached the server
     */
    public boolean requestSent() {
        return requestSent;
    }

    @Override
    public FlickrTransportException afterAttempts(int attempts) {
        String message = getMessage() + attemptsNote(attempts);
        FlickrTransportException e = new FlickrTransportException(message, kind, httpStatus, isRetryable(), getCause(),
                retryAfter, requestSent, attempts);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
