package org.flickrdynamic.table;

import java.util.List;
import java.util.Optional;

/**
 * Everything the method table knows about one Flickr API method. Immutable.
 *
 * @param name            the full name, e.g. {@code flickr.photos.search}
 * @param description     what the method does (may hold HTML)
 * @param source          which source(s) the facts came from
 * @param needsLogin      whether the call needs a logged-in user (a token)
 * @param needsSigning    whether the call must be signed even when {@code signed?} is false
 * @param permission      the permission the user's token must hold
 * @param httpVerb        {@code GET} for reads, {@code POST} for writes and deletes
 * @param arguments       the method's own arguments (implicit ones excluded), in documented order
 * @param paging          how the answer is paged, or {@code null} when it is not
 * @param errors          the method's own error codes (the common ones live in {@link MethodTable#commonErrors()})
 * @param exampleResponse the documented example payload as XML, or {@code null} when none is known
 * @param explanation     the documentation's notes on the response, or {@code null}
 * @param acceptsAnyArguments whether the method takes arguments beyond those listed
 *                        ({@code flickr.test.echo} echoes whatever it is given)
 * @param retired         whether Flickr's current API no longer lists the method (it is known from older
 *                        documentation only, and Flickr may refuse it)
 * @param changesStateOnRead whether the method, though sent as a read, changes state on Flickr (it uses up
 *                        a frob or a token), so that a repeat is not harmless
 * @param maxResults      the most results Flickr gives for one query of this method, {@code 0} when uncapped
 * @param endpoint        the URL the call is sent to when it is not the REST endpoint (the upload and
 *                        replace endpoints), else {@code null}
 */
public record MethodSpec(
        String name,
        String description,
        Source source,
        boolean needsLogin,
        boolean needsSigning,
        Permission permission,
        String httpVerb,
        List<ArgumentSpec> arguments,
        Paging paging,
        List<ErrorSpec> errors,
        String exampleResponse,
        String explanation,
        boolean acceptsAnyArguments,
        boolean retired,
        boolean changesStateOnRead,
        int maxResults,
        String endpoint) {

    /** The prefix every full method name starts with. */
    public static final String PREFIX = "flickr.";

    /**
     * Copies the lists and maps, so a spec never changes after it is made.
     *
     * @param name            the full name, e.g. {@code flickr.photos.search}
     * @param description     what the method does (may hold HTML)
     * @param source          which source(s) the facts came from
     * @param needsLogin      whether the call needs a logged-in user (a token)
     * @param needsSigning    whether the call must be signed even when {@code signed?} is false
     * @param permission      the permission the user's token must hold
     * @param httpVerb        {@code GET} for reads, {@code POST} for writes and deletes
     * @param arguments       the method's own arguments (implicit ones excluded), in documented order
     * @param paging          how the answer is paged, or {@code null} when it is not
     * @param errors          the method's own error codes (the common ones live in {@link
     *               MethodTable#commonErrors()})
     * @param exampleResponse the documented example payload as XML, or {@code null} when none is known
     * @param explanation     the documentation's notes on the response, or {@code null}
     * @param acceptsAnyArguments whether the method takes arguments beyond those listed
     *                        ({@code flickr.test.echo} echoes whatever it is given)
     * @param retired         whether Flickr's current API no longer lists the method (it is known from older
     *                        documentation only, and Flickr may refuse it)
     * @param changesStateOnRead whether the method, though sent as a read, changes state on Flickr (it uses up
     *                        a frob or a token), so that a repeat is not harmless
     * @param maxResults      the most results Flickr gives for one query of this method, {@code 0} when uncapped
     * @param endpoint        the URL the call is sent to when it is not the REST endpoint (the upload and
     *                        replace endpoints), else {@code null}
     */
    public MethodSpec {
        arguments = List.copyOf(arguments);
        errors = List.copyOf(errors);
    }

    /**
     * A current REST method with none of the table's special marks (retired, stateful read, result cap).
     *
     * @param name the full name, e.g. {@code flickr.photos.search}
     * @param description what the method does (may hold HTML)
     * @param source which source(s) the facts came from
     * @param needsLogin whether the call needs a logged-in user (a token)
     * @param needsSigning whether the call must be signed even when {@code signed?} is false
     * @param permission the permission the user's token must hold
     * @param httpVerb {@code GET} for reads, {@code POST} for writes and deletes
     * @param arguments the method's own arguments (implicit ones excluded), in documented order
     * @param paging how the answer is paged, or {@code null} when it is not
     * @param errors the method's own error codes (the common ones live in {@link MethodTable#commonErrors()})
     * @param exampleResponse the documented example payload as XML, or {@code null} when none is known
     * @param explanation the documentation's notes on the response, or {@code null}
     * @param acceptsAnyArguments whether the method takes arguments beyond those listed ({@code flickr.test.echo}
     *                            echoes whatever it is given)
     */
    public MethodSpec(String name, String description, Source source, boolean needsLogin, boolean needsSigning,
                      Permission permission, String httpVerb, List<ArgumentSpec> arguments, Paging paging,
                      List<ErrorSpec> errors, String exampleResponse, String explanation, boolean acceptsAnyArguments) {
        this(name, description, source, needsLogin, needsSigning, permission, httpVerb, arguments, paging, errors,
                exampleResponse, explanation, acceptsAnyArguments, false, false, 0, null);
    }

    /**
     * A method that takes only its listed arguments.
     *
     * @param name the full name, e.g. {@code flickr.photos.search}
     * @param description what the method does (may hold HTML)
     * @param source which source(s) the facts came from
     * @param needsLogin whether the call needs a logged-in user (a token)
     * @param needsSigning whether the call must be signed even when {@code signed?} is false
     * @param permission the permission the user's token must hold
     * @param httpVerb {@code GET} for reads, {@code POST} for writes and deletes
     * @param arguments the method's own arguments (implicit ones excluded), in documented order
     * @param paging how the answer is paged, or {@code null} when it is not
     * @param errors the method's own error codes (the common ones live in {@link MethodTable#commonErrors()})
     * @param exampleResponse the documented example payload as XML, or {@code null} when none is known
     * @param explanation the documentation's notes on the response, or {@code null}
     */
    public MethodSpec(String name, String description, Source source, boolean needsLogin, boolean needsSigning,
                      Permission permission, String httpVerb, List<ArgumentSpec> arguments, Paging paging,
                      List<ErrorSpec> errors, String exampleResponse, String explanation) {
        this(name, description, source, needsLogin, needsSigning, permission, httpVerb, arguments, paging, errors,
                exampleResponse, explanation, false);
    }

    /**
     * The name without its {@code flickr.} prefix, e.g. {@code photos.search}.
     *
     * @return the short name, e.g. {@code photos.search}
     */
    public String shortName() {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }

    /**
     * The argument with this name, if the method has one.
     *
     * @param argumentName the argument's name
     * @return the argument with this name, if the method has one
     */
    public Optional<ArgumentSpec> argument(String argumentName) {
        for (ArgumentSpec a : arguments) {
            if (a.name().equals(argumentName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the answer is paged ({@code page}/{@code per_page} arguments).
     *
     * @return whether the answer is paged ({@code page}/{@code per_page} arguments)
     */
    public boolean isPaged() {
        return paging != null;
    }

    /**
     * The same method with other error codes.
     *
     * @param newErrors the new error codes
     * @return the same method with other error codes
     */
    public MethodSpec withErrors(List<ErrorSpec> newErrors) {
        return new MethodSpec(name, description, source, needsLogin, needsSigning, permission, httpVerb, arguments,
                paging, newErrors, exampleResponse, explanation, acceptsAnyArguments, retired, changesStateOnRead,
                maxResults, endpoint);
    }

    /**
     * Whether the method changes data and so is sent as a form POST.
     *
     * @return whether the method changes data and so is sent as a form POST
     */
    public boolean isPost() {
        return "POST".equals(httpVerb);
    }
}
