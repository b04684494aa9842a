package org.flickrdynamic.internal.transport;

import java.io.IOException;
import java.io.InputStream;

/**
 * What came back over HTTP, handed to the parse stage while the connection is still open so the body
 * can be parsed as it streams in.
 *
 * @param status          the HTTP status code
 * @param contentType     the Content-Type header, or {@code null}
 * @param retryAfter      the Retry-After header, or {@code null}
 * @param body            the body, already decompressed and capped; closing it does nothing, as the
 *                        transport keeps or discards the connection once the reader is done
 * @param contentEncoding the Content-Encoding it came in ({@code gzip}), or {@code null} when none
 * @param contentLength   the Content-Length header (the bytes on the wire), or -1 when none was sent
 */
public record HttpAnswer(int status, String contentType, String retryAfter, InputStream body, String contentEncoding,
                         long contentLength) {

    /** An answer whose length was not said. */
    public HttpAnswer(int status, String contentType, String retryAfter, InputStream body, String contentEncoding) {
        this(status, contentType, retryAfter, body, contentEncoding, -1);
    }

    /** An answer that came without a Content-Encoding. */
    public HttpAnswer(int status, String contentType, String retryAfter, InputStream body) {
        this(status, contentType, retryAfter, body, null);
    }

    /** Reads an answer into a result; may throw to refuse it (the connection is then discarded). */
    @FunctionalInterface
    public interface Reader<T> {
        /** Turns the answer into a result. */
        T read(HttpAnswer answer) throws IOException;

        /**
         * Hides, in text quoted from the answer into a message, the values this request must never show
         * (its signature, tokens and secrets). The default hides nothing.
         */
        default String hide(String quoted) {
            return quoted;
        }
    }
}
