package org.flickrdynamic.internal.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.flickrdynamic.FlickrTransportException.Kind;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.response.OAuthProblem;
import org.flickrdynamic.internal.sign.Percent;
import org.flickrdynamic.internal.sign.SecretMask;
import org.flickrdynamic.internal.transport.HttpAnswer;

/**
 * Reads an OAuth login step's answer, {@code a=b&c=d} in plain text rather than XML. The body comes
 * through the transport's size cap like any answer. Text quoted from it into a message has the step's
 * signature, tokens and secrets hidden, and a field that fails to decode is named, never quoted, since
 * the answer carries a token secret.
 */
public final class FormAnswer implements HttpAnswer.Reader<Map<String, String>> {
    private final String label;
    private final Supplier<String> ourBase;
    private final SecretMask mask;

    /** @param ourBase the base string the step signed, made only when a refusal needs to show it */
    FormAnswer(String label, Supplier<String> ourBase, SecretMask mask) {
        this.label = label;
        this.ourBase = ourBase;
        this.mask = mask;
    }

    @Override
    public Map<String, String> read(HttpAnswer answer) throws IOException {
        String body = new String(answer.body().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (body.contains("oauth_problem=")) {
            throw OAuthProblem.explain(label, answer.status(), body, ourBase.get(), mask);
        }
        if (answer.status() != 200) {
            String shown = mask.hide(body);
            throw new FlickrTransportException("HTTP " + answer.status() + " in " + label + "; the body starts: "
                    + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown), Kind.HTTP_STATUS,
                    answer.status(), null);
        }
        return form(label, body);
    }

    @Override
    public String hide(String quoted) {
        return mask.hide(quoted);
    }

    /** Decodes {@code a=b&c=d}; a bad escape fails naming the field, never quoting it. */
    public static Map<String, String> form(String label, String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = decode(label, pair.substring(0, eq), "a field name");
                out.put(name, decode(label, pair.substring(eq + 1), "the value of " + name));
            }
        }
        return out;
    }

    private static String decode(String label, String encoded, String what) {
        try {
            return Percent.decode(encoded.replace('+', ' '));
        } catch (IllegalArgumentException e) {
            throw new FlickrTransportException("The answer to " + label + " is malformed: " + what
                    + " holds a bad percent-escape (" + e.getMessage() + "); its text is not shown, as it may hold"
                    + " a secret", Kind.NOT_FLICKR, 200, null);
        }
    }
}
