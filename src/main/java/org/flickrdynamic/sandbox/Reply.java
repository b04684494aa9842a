package org.flickrdynamic.sandbox;

/**
 * What the sandbox answers on one request of a path other than REST: a status, a content type, a body
 * and, for a redirect, a {@code Location}.
 */
record Reply(int status, String contentType, String body, String location) {
    static final String TEXT = "text/plain; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    /** A form-encoded or plain text body, as Flickr's OAuth endpoints send them. */
    static Reply text(int status, String body) {
        return new Reply(status, TEXT, body, null);
    }

    static Reply html(int status, String body) {
        return new Reply(status, HTML, body, null);
    }

    /** HTTP 302 to {@code location}, with a short text body for clients that show it. */
    static Reply redirect(String location) {
        return new Reply(302, TEXT, "redirecting", location);
    }
}
