package org.flickrdynamic.response;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.flickrdynamic.FlickrTransportException;

/**
 * Explains a rejected OAuth signature. Flickr's 401 body reads
 * {@code oauth_problem=signature_invalid&debug_sbs=<the base string it computed>}; showing that base
 * string beside ours, and where they first differ, lets a signing bug explain itself.
 */
final class SignatureProblem {
    private SignatureProblem() {
    }

    static FlickrTransportException explain(String method, String body, String ours) {
        String text = body.strip();
        String problem = value(text, "oauth_problem");
        String theirs = debugBaseString(text);
        StringBuilder sb = new StringBuilder("Flickr rejected the OAuth request for ").append(method)
                .append(" (HTTP 401, oauth_problem=").append(problem == null ? "?" : problem).append(')');
        if (theirs != null) {
            sb.append("\n  Flickr's base string: ").append(theirs);
        }
        if (ours != null) {
            sb.append("\n  our base string:      ").append(ours);
        }
        if (theirs != null && ours != null) {
            int at = firstDifference(theirs, ours);
            sb.append(at < 0 ? "\n  the base strings are equal: the keys or secrets differ"
                    : "\n  they first differ at character " + at);
        }
        return new FlickrTransportException(sb.toString(), 401, false, null);
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
