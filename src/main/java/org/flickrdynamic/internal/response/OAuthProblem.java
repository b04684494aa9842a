package org.flickrdynamic.internal.response;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.sign.SecretMask;

/**
 * Explains an OAuth refusal. Flickr answers {@code oauth_problem=...} with HTTP 401 (400 for some bad
 * parameters); for a bad
 * signature it adds {@code debug_sbs=<the base string it computed>}, and showing that beside ours, and
 * where they first differ, lets a signing bug explain itself. Both are shown with the request's signature,
 * tokens and secrets hidden (a hostile server could put the signature in its base string).
 */
public final class OAuthProblem {
    private OAuthProblem() {
    }

    /**
     * The error for an {@code oauth_problem} answer.
     *
     * @param method what was being done (a method name, or a login step), for the message
     * @param status the answer's HTTP status
     * @param body   the answer's body
     * @param ours   the base string this request signed, or {@code null}
     * @param mask   the values of the request that the message must not show
     */
    public static FlickrTransportException explain(String method, int status, String body, String ours,
                                                   SecretMask mask) {
        SecretMask hidden = mask == null ? SecretMask.NONE : mask;
        String text = body.strip();
        String problem = value(text, "oauth_problem");
        String theirs = debugBaseString(text);
        String shownProblem = problem == null ? "?" : hidden.hide(problem);
        String shownTheirs = hidden.hide(theirs);
        String shownOurs = hidden.hide(ours);
        StringBuilder sb = new StringBuilder("Flickr rejected the OAuth request for ").append(method)
                .append(" (HTTP ").append(status).append(", oauth_problem=").append(shownProblem).append(')');
        if (theirs != null) {
            sb.append("\n  Flickr's base string: ").append(shownTheirs);
        }
        if (ours != null) {
            sb.append("\n  our base string:      ").append(shownOurs);
        }
        if (theirs != null && ours != null) {
            sb.append("\n  ").append(comparison(theirs, ours, shownTheirs, shownOurs));
        }
        String hint = hint(problem);
        if (hint != null) {
            sb.append("\n  ").append(hint);
        }
        return new FlickrTransportException(sb.toString(), FlickrTransportException.Kind.HTTP_STATUS, status, null);
    }

    /** What to do about each problem Flickr names. */
    private static String hint(String problem) {
        if (problem == null) {
            return null;
        }
        return switch (problem) {
            case "verifier_invalid" -> "the verifier does not belong to this login: start the login again";
            case "token_rejected", "token_expired", "token_used" ->
                    "the request token was used already or has expired: start the login again";
            case "nonce_used" -> "a request was replayed (the same nonce twice): send a newly signed request";
            case "timestamp_refused" -> "this machine's clock is too far from the server's: correct the clock";
            case "consumer_key_unknown" -> "the API key is not known to the server";
            case "user_refused", "permission_denied" -> "the user did not allow the access";
            default -> null;
        };
    }

    private static String value(String text, String name) {
        for (String part : text.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** The base string runs to the end of the body; it holds '&' itself, unless the server encoded it. */
    private static String debugBaseString(String text) {
        int at = text.indexOf("debug_sbs=");
        if (at < 0) {
            return null;
        }
        String sbs = text.substring(at + "debug_sbs=".length());
        int next = sbs.indexOf("&oauth_");
        if (next >= 0 && sbs.indexOf('&') == next) {
            sbs = sbs.substring(0, next);
        }
        if (sbs.indexOf('&') < 0 && sbs.contains("%26")) {
            sbs = URLDecoder.decode(sbs, StandardCharsets.UTF_8);
        }
        return sbs;
    }

    /**
     * Whether and where the base strings differ. Equality is decided on the real strings, so hiding can
     * never make two different strings look equal; the position is counted in the strings as shown.
     */
    private static String comparison(String theirs, String ours, String shownTheirs, String shownOurs) {
        if (firstDifference(theirs, ours) < 0) {
            return "the base strings are equal: the keys or secrets differ";
        }
        int at = firstDifference(shownTheirs, shownOurs);
        return at < 0 ? "they differ inside a hidden value (a token, secret or signature)"
                : "they first differ at character " + at;
    }

    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }
}
