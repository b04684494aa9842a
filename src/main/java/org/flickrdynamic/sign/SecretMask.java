package org.flickrdynamic.sign;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values one request must never show, for hiding them in text quoted from the server's answer into a
 * message: a server that echoes the request (an error page quoting the URL, an {@code <err msg>}, a
 * {@code debug_sbs}) would otherwise put the signature, and with it an offline guess at the secret, into
 * exceptions and logs. Hidden are the signature sent ({@code oauth_signature} or {@code api_sig}), the
 * tokens sent ({@code oauth_token}, {@code auth_token}), and the API secret and token secret, each raw,
 * percent-encoded once and twice, and form-encoded, each replaced by {@link #PLACEHOLDER}.
 *
 * <p>Immutable; {@link #toString()} shows no value.
 */
public final class SecretMask {
    /** What a hidden value is replaced with. */
    public static final String PLACEHOLDER = "[hidden]";
    /** A mask that hides nothing, for requests that carry no secret. */
    public static final SecretMask NONE = new SecretMask(null);

    private static final String[] SENT = {"oauth_signature", "api_sig", "oauth_token", "auth_token"};

    private final Pattern values;

    private SecretMask(Pattern values) {
        this.values = values;
    }

    /**
     * The mask of a request.
     *
     * @param credentials the keys it was signed with, or {@code null}
     * @param sent        its parameters as sent (signed), or {@code null}
     */
    public static SecretMask of(Credentials credentials, Map<String, String> sent) {
        Set<String> raw = new LinkedHashSet<>();
        if (credentials != null) {
            raw.add(credentials.secret());
            raw.add(credentials.tokenSecret());
            raw.add(credentials.token());
        }
        if (sent != null) {
            for (String name : SENT) {
                raw.add(sent.get(name));
            }
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null || value.isEmpty()) {
                continue;
            }
            String once = Percent.encode(value);
            forms.add(value);
            forms.add(once);
            forms.add(Percent.encode(once));
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            // What form-decoding an echo of the raw value yields.
            forms.add(value.replace('+', ' '));
        }
        if (forms.isEmpty()) {
            return NONE;
        }
        // Longest first, so a value inside a longer form does not leave the rest of that form showing.
        List<String> ordered = new ArrayList<>(forms);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder regex = new StringBuilder();
        for (String form : ordered) {
            regex.append(regex.length() == 0 ? "" : "|").append(Pattern.quote(form));
        }
        // Case-insensitive: a server may write percent-escapes in lower case; hiding a little more is harmless.
        return new SecretMask(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /**
     * The text with every hidden value replaced, in one pass (a placeholder is never searched again).
     *
     * @param text text from an answer, or {@code null}
     * @return the text to show; {@code null} for {@code null}
     */
    public String hide(String text) {
        if (values == null || text == null || text.isEmpty()) {
            return text;
        }
        return values.matcher(text).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
    }

    @Override
    public String toString() {
        return values == null ? "SecretMask[nothing]" : "SecretMask[(set)]";
    }
}
