package org.flickrdynamic;

import org.flickrdynamic.internal.pipeline.TemporaryErrors;

/**
 * Flickr answered {@code <rsp stat="fail">}. The message names the method, the code, Flickr's own
 * message and, when the method table has one, the table's explanation of that code.
 */
public class FlickrApiException extends FlickrException {
    private static final long serialVersionUID = 1L;

    /** The method that failed. */
    private final String method;
    /** Flickr's error code. */
    private final int code;
    /** Flickr's message. */
    private final String flickrMessage;
    /** The method table's explanation of the code, or {@code null}. */
    private final String explanation;

    /**
     * An error Flickr answered, temporary when the bundled method table says its code is.
     *
     * @param method        the full method name called
     * @param code          Flickr's error code
     * @param flickrMessage the {@code msg} attribute Flickr sent (may be empty)
     * @param explanation   the method table's explanation of the code, or {@code null}
     */
    public FlickrApiException(String method, int code, String flickrMessage, String explanation) {
        this(method, code, flickrMessage, explanation,
                TemporaryErrors.isTemporary(org.flickrdynamic.table.MethodTable.bundled(), code), 1);
    }

    /**
     * An error Flickr answered, after one attempt.
     *
     * @param method        the full method name called
     * @param code          Flickr's error code
     * @param flickrMessage the {@code msg} attribute Flickr sent (may be empty)
     * @param explanation   the method table's explanation of the code, or {@code null}
     * @param temporary     whether the method table marks the code temporary (then a read may be sent again)
     */
    public FlickrApiException(String method, int code, String flickrMessage, String explanation, boolean temporary) {
        this(method, code, flickrMessage, explanation, temporary, 1);
    }

    private FlickrApiException(String method, int code, String flickrMessage, String explanation, boolean temporary,
                               int attempts) {
        super(describe(method, code, flickrMessage, explanation) + attemptsNote(attempts), temporary, null, attempts);
        this.method = method;
        this.code = code;
        this.flickrMessage = flickrMessage == null ? "" : flickrMessage;
        this.explanation = explanation;
    }

    @Override
    public FlickrApiException afterAttempts(int attempts) {
        FlickrApiException e = new FlickrApiException(method, code, flickrMessage, explanation, isRetryable(), attempts);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * Flickr's error code, e.g. 1 "Photo not found" or 100 "Invalid API Key".
     *
     * @return Flickr's error code, e.g. 1 "Photo not found" or 100 "Invalid API Key"
     */
    public int code() {
        return code;
    }

    /**
     * The full name of the method that failed.
     *
     * @return the full name of the method that failed
     */
    public String method() {
        return method;
    }

    /**
     * The message Flickr sent with the code.
     *
     * @return the message Flickr sent with the code
     */
    public String flickrMessage() {
        return flickrMessage;
    }

    /**
     * The method table's explanation of the code, or {@code null} when it has none.
     *
     * @return the method table's explanation of the code, or {@code null} when it has none
     */
    public String explanation() {
        return explanation;
    }

    private static String describe(String method, int code, String msg, String explanation) {
        StringBuilder sb = new StringBuilder("Flickr error ").append(code)
                .append(" calling ").append(method).append(": ")
                .append(msg == null || msg.isEmpty() ? "(no message)" : msg);
        if (explanation != null && !explanation.isBlank() && !explanation.equals(msg)) {
            sb.append(" (").append(explanation).append(')');
        }
        return sb.toString();
    }
}
