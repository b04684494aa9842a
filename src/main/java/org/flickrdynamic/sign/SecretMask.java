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

    /** The values to hide, as given: {@code null} in {@link #NONE}, otherwise never empty. */
    private final List<String> raw;
    /** The pattern of every form of them, made on the first {@link #hide}: most requests never need it. */
    private volatile Pattern values;

    private SecretMask(List<String> raw) {
        this.raw = raw;
    }

    /**
     * The mask of a request. Cheap: the values are only gathered here, and their pattern is made when
     * text is first hidden, which only an error's message needs.
     *
     * @param credentials the keys it was signed with, or {@code null}
     * @param sent        its parameters as sent (signed), or {@code null}
     */
    public static SecretMask of(Credentials credentials, Map<String, String> sent) {
        List<String> raw = new ArrayList<>();
        if (credentials != null) {
            add(raw, credentials.secret());
            add(raw, credentials.tokenSecret());
            add(raw, credentials.token());
        }
        if (sent != null) {
            for (String name : SENT) {
                add(raw, sent.get(name));
            }
        }
        return raw.isEmpty() ? NONE : new SecretMask(raw);
    }

    private static void add(List<String> raw, String value) {
        if (value != null && !value.isEmpty()) {
            raw.add(value);
        }
    }

    /** Every form of the values, longest first, as one case-insensitive pattern. */
    private static Pattern pattern(List<String> raw) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : raw) {
            String once = Percent.encode(value);
            forms.add(value);
            forms.add(once);
            forms.add(Percent.encode(once));
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            // What form-decoding an echo of the raw value yields.
            forms.add(value.replace('+', ' '));
        }
        // Longest first, so a value inside a longer form does not leave the rest of that form showing.
        List<String> ordered = new ArrayList<>(forms);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder regex = new StringBuilder();
        for (String form : ordered) {
            regex.append(regex.length() == 0 ? "" : "|").append(Pattern.quote(form));
        }
        // Case-insensitive: a server may write percent-escapes in lower case; hiding a little more is harmless.
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The text with every hidden value replaced, in one pass (a placeholder is never searched again).
     *
     * @param text text from an answer, or {@code null}
     * @return the text to show; {@code null} for {@code null}
     */
    public String hide(String text) {
        if (raw == null || text == null || text.isEmpty()) {
            return text;
        }
        Pattern p = values;
        if (p == null) {
            p = pattern(raw); // made at most a few times by racing threads, each the same
            values = p;
        }
        return p.matcher(text).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
    }

    @Override
    public String toString() {
        return raw == null ? "SecretMask[nothing]" : "SecretMask[(set)]";
    }
}
