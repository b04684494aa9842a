package org.flickrdynamic;

import java.util.List;
import java.util.Set;

/**
 * The call is wrong before anything is sent: an unknown method (with the nearest names suggested),
 * missing or unknown arguments, no API key, or a method that needs login called without a token.
 * One exception lists every problem of the call at once, and no request has gone out.
 */
public class FlickrArgumentException extends FlickrException {
    private static final long serialVersionUID = 1L;

    /** The name {@link #settings()} gives the API key. */
    public static final String API_KEY = "apiKey";
    /** The name {@link #settings()} gives the API secret. */
    public static final String SECRET = "secret";
    /** The name {@link #settings()} gives the user's token (a login), missing or short of permission. */
    public static final String TOKEN = "token";

    /** The method called, or what was being done. */
    private final String method;
    /** Every problem of the call. */
    private final List<String> problems;
    /** The names of the missing settings. */
    private final Set<String> settings;

    /**
     * A refusal of a call's arguments, naming no setting.
     *
     * @param method   the method called (as given by the caller), or {@code null} when there is none
     * @param problems every problem found, each a sentence; at least one
     */
    public FlickrArgumentException(String method, List<String> problems) {
        this(method, problems, Set.of());
    }

    /**
     * A refusal of a call's arguments or of the settings it was made with.
     *
     * @param method   the method called (as given by the caller), or {@code null} when there is none
     * @param problems every problem found, each a sentence; at least one
     * @param settings the settings at fault among {@link #API_KEY}, {@link #SECRET} and {@link #TOKEN}
     */
    public FlickrArgumentException(String method, List<String> problems, Set<String> settings) {
        this(describe(method, problems), method, problems, settings);
    }

    private FlickrArgumentException(String message, String method, List<String> problems, Set<String> settings) {
        super(message, false, null);
        this.method = method;
        this.problems = List.copyOf(problems);
        this.settings = Set.copyOf(settings);
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
        this.settings = Set.of();
    }

    /**
     * A single-problem error.
     *
     * @param method the method called (as given by the caller), or {@code null} when there is none
     * @param problem the problem, as {@link #problems()} gives it
     */
    public FlickrArgumentException(String method, String problem) {
        this(method, List.of(problem));
    }

    /**
     * The method the call named, or {@code null}.
     *
     * @return the method the call named, or {@code null}
     */
    public String method() {
        return method;
    }

    /**
     * Every problem found in the call, in the order they were found.
     *
     * @return every problem found in the call, in the order they were found
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * The settings the call lacks, or that fall short ({@link #API_KEY}, {@link #SECRET}, {@link #TOKEN}), so
     * the layer that knows how its users set them (the static facade, the command line) can say how.
     *
     * @return the settings the call lacks, or that fall short
     */
    public Set<String> settings() {
        return settings;
    }

    /**
     * This error with a hint of the caller's own added to its message, such as how the static facade sets a
     * missing key; the problems and settings stay as they are.
     *
     * @param hint what the caller may do about it
     * @return this error with a hint of the caller's own added to its message, such as how the static facade sets a
     *         missing key
     */
    public FlickrArgumentException withHint(String hint) {
        FlickrArgumentException e = new FlickrArgumentException(getMessage() + "\n  " + hint, method, problems, settings);
        e.setStackTrace(getStackTrace());
        return e;
    }

    private static String describe(String method, List<String> problems) {
        if (problems.isEmpty()) {
            return "Bad call" + (method == null ? "" : " to " + method) + " (no problem was named)";
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
