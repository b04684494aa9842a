package org.flickrdynamic;

/**
 * No usable answer came back: the connection was refused or reset, a timeout fired, the server
 * answered with an HTTP error status, or the body was not a Flickr response (an HTML page,
 * truncated or malformed XML, a body over the size cap).
 */
public class FlickrTransportException extends FlickrException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    /**
     * @param message    what went wrong, with the HTTP status and the start of the body where there is one
     * @param httpStatus the HTTP status, or 0 when no response was received
     * @param retryable  whether repeating the call later could succeed
     * @param cause      the underlying I/O or parse failure, or {@code null}
     */
    public FlickrTransportException(String message, int httpStatus, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of the answer, or 0 when none was received. */
    public int httpStatus() {
        return httpStatus;
    }
}
