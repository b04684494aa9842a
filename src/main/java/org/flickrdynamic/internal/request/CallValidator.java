package org.flickrdynamic.internal.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Permission;

/**
 * Checks a call against the method table before anything is sent, recording every problem:
 * unknown arguments (with the nearest names), missing required ones, arguments that only the
 * library may set, and settings the method needs (an API key, a secret to sign with, a token).
 */
public final class CallValidator {
    /** Arguments every method takes besides its own; the library fills them in, a call may override. */
    private static final Set<String> IMPLICIT = Set.of("api_key", "auth_token");
    /** Arguments only the library sets: giving them would change the request's meaning or forge its signature. */
    private static final Set<String> RESERVED = Set.of("method", "api_sig", "format", "nojsoncallback");

    private CallValidator() {
    }

    /**
     * What the caller's settings can supply, as far as validation cares.
     *
     * @param hasApiKey       whether an API key is set or given
     * @param canSign         whether a secret is set to sign with
     * @param hasToken        whether a user token is set (OAuth access token or legacy {@code auth_token})
     * @param tokenPermission what the token may do, or {@code null} when that is not known
     * @param tokenUser       who the token acts for, for messages, or {@code null}
     */
    public record Capabilities(boolean hasApiKey, boolean canSign, boolean hasToken, Permission tokenPermission,
                               String tokenUser) {
        /** Capabilities with a token of unknown permission. */
        public Capabilities(boolean hasApiKey, boolean canSign, boolean hasToken) {
            this(hasApiKey, canSign, hasToken, null, null);
        }
    }

    /**
     * Records every problem of calling {@code method} with {@code args} under {@code caps}.
     *
     * @param mustSign whether this call will be signed (the method needs it, or {@code signed?} is on)
     */
    public static void validate(MethodSpec method, Map<String, String> args, Capabilities caps, boolean mustSign,
                                Problems problems) {
        List<String> names = new ArrayList<>();
        for (ArgumentSpec a : method.arguments()) {
            names.add(a.name());
        }
        for (String given : args.keySet()) {
            // A method may name one of them as its own argument (checkToken's oauth_token: the token to check).
            if ((RESERVED.contains(given) || given.startsWith("oauth_")) && method.argument(given).isEmpty()) {
                problems.add("argument " + given + " is set by the library and cannot be given");
            } else if (!IMPLICIT.contains(given) && !method.acceptsAnyArguments() && method.argument(given).isEmpty()) {
                problems.add(unknownArgument(method, given, names));
            }
        }
        for (ArgumentSpec a : method.arguments()) {
            if (a.required() && !args.containsKey(a.name())) {
                problems.add("missing required argument " + a.name() + describe(a));
            }
        }
        if (!caps.hasApiKey() && !args.containsKey("api_key")) {
            problems.addSetting(FlickrArgumentException.API_KEY,
                    "no API key: set one on the client or in FLICKR_API_KEY, or use the sandbox");
        }
        if (mustSign && !caps.canSign()) {
            problems.addSetting(FlickrArgumentException.SECRET, method.name()
                    + (method.needsSigning() ? " must be signed" : " is to be signed (signed? is on)")
                    + ", but no secret is set: set one on the client or in FLICKR_API_SECRET");
        }
        if (method.needsLogin() && caps.hasToken() && caps.tokenPermission() != null
                && !caps.tokenPermission().covers(method.permission())) {
            problems.addSetting(FlickrArgumentException.TOKEN, method.name() + " needs " + method.permission().word()
                    + " permission, but the token" + (caps.tokenUser() == null ? "" : " of " + caps.tokenUser())
                    + " has only " + caps.tokenPermission().word() + ": log in again with "
                    + method.permission().word() + " permission and give the client the new token");
        }
        if (method.needsLogin() && !caps.hasToken() && !args.containsKey("auth_token")) {
            problems.addSetting(FlickrArgumentException.TOKEN, method.name() + " needs a logged-in user"
                    + (method.permission() == Permission.NONE ? "" : " with " + method.permission().word() + " permission")
                    + ", but no token is set: log in with " + loginPermission(method)
                    + " permission and give the client the token");
        }
    }

    /** The permission to ask for when logging in to call this method. */
    private static String loginPermission(MethodSpec method) {
        return method.permission() == Permission.NONE ? "read" : method.permission().word();
    }

    private static String unknownArgument(MethodSpec method, String given, List<String> names) {
        StringBuilder sb = new StringBuilder("unknown argument ").append(given);
        List<String> near = Suggestions.closest(given, names, 2);
        if (!near.isEmpty()) {
            sb.append(" (did you mean ").append(String.join(" or ", near)).append("?)");
        }
        if (names.isEmpty()) {
            sb.append("; ").append(method.name()).append(" takes no arguments");
        } else {
            sb.append("; ").append(method.name()).append(" takes ").append(String.join(", ", names));
        }
        return sb.toString();
    }

    private static String describe(ArgumentSpec a) {
        String d = a.description();
        if (d == null || d.isBlank()) {
            return "";
        }
        String plain = d.replaceAll("<[^>]+>", "").strip();
        int dot = plain.indexOf(". ");
        if (dot > 0) {
            plain = plain.substring(0, dot + 1);
        }
        if (plain.length() > 120) {
            plain = plain.substring(0, 117) + "...";
        }
        return " (" + plain + ")";
    }
}
