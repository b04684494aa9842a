package org.flickrdynamic;

import java.util.List;

/**
 * The call is wrong before anything is sent: an unknown method (with the nearest names suggested),
 * missing or unknown arguments, no API key, or a method that needs login called without a token.
 * One exception lists every problem of the call at once, and no request has gone out.
 */
public class FlickrArgumentException extends FlickrException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final List<String> problems;

    /**
     * @param method   the method called (as given by the caller), or {@code null} when there is none
     * @param problems every problem found, each a sentence; at least one
     */
    public FlickrArgumentException(String method, List<String> problems) {
        super(describe(method, problems), false, null);
        this.method = method;
        this.problems = List.copyOf(problems);
    }

    /**
     * An error about something other than a call (a method table, say), whose message is not
     * "Bad call: ..." but the one given.
     *
     * @param message the whole message
     * @param problem the problem, as {@link #problems()} gives it
     * @param notACall marks this constructor apart from the call errors' one; its value is not used
     */
    protected FlickrArgumentException(String message, String problem, boolean notACall) {
        super(message, false, null);
        this.method = null;
        this.problems = List.of(problem);
    }

    /** A single-problem error. */
    public FlickrArgumentException(String method, String problem) {
        this(method, List.of(problem));
    }

    /** The method the call named, or {@code null}. */
    public String method() {
        return method;
    }

    /** Every problem found in the call, in the order they were found. */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String method, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an argument error needs at least one problem");
        }
        String where = method == null ? "" : " to " + method;
        if (problems.size() == 1) {
            return "Bad call" + where + ": " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder()
                .append(problems.size()).append(" problems with the call").append(where).append(':');
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
