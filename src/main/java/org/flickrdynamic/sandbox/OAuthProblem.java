package org.flickrdynamic.sandbox;

/**
 * An OAuth request refused before any Flickr method runs, answered as Flickr answers it: an HTTP error
 * status (401, or 400 for a missing callback) with a form-encoded {@code oauth_problem=...} body.
 */
final class OAuthProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String body;

    OAuthProblem(int status, String body) {
        // No message and no stack: the body may carry a base string, and this is flow control, not a fault.
        super(null, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** 401 {@code oauth_problem=<problem>}. */
    static OAuthProblem of(String problem) {
        return new OAuthProblem(401, "oauth_problem=" + problem);
    }

    /** 401 naming parameters that were required and not sent. */
    static OAuthProblem absent(String names) {
        return new OAuthProblem(401, "oauth_problem=parameter_absent&oauth_parameters_absent=" + names);
    }
}
