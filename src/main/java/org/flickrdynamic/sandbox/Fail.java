package org.flickrdynamic.sandbox;

/** Raised inside the sandbox to answer {@code <rsp stat="fail">} with a Flickr error code. */
final class Fail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int code;

    Fail(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
