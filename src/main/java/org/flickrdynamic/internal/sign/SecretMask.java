package org.flickrdynamic.internal.sign;

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
 * tokens sent ({@code oauth_token}, {@code auth_token}), and the API secret and token secret, each in
 * every escaped form an echo may use (see {@link #pattern}), replaced by {@link #PLACEHOLDER}; a value
 * is hidden only where it stands whole, never inside an ordinary word.
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

    /**
     * Every written form of the values, longest first, as one pattern. A value matches only whole, not
     * inside a longer word (a one-letter token must not hide the "t" of "token"), and each of its
     * characters may be written as itself or escaped any way a server echoing it might: percent-encoded
     * once or twice, as a JSON escape ({@code \/}, {@code \u002F}), as an XML or HTML character reference
     * ({@code &#43;}, {@code &#x2F;}, {@code &amp;}), or form-encoded (a space as {@code +}, and a {@code +}
     * decoded to a space). Mixed forms match too. A parameter that carries a signature or a token is
     * hidden by its name as well, whatever value follows it.
     */
    private static Pattern pattern(List<String> raw) {
        List<String> ordered = new ArrayList<>(new LinkedHashSet<>(raw));
        // Longest first, so a value inside a longer one does not leave the rest of that one showing.
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder regex = new StringBuilder(BY_NAME);
        for (String value : ordered) {
            regex.append('|').append(anyForm(value));
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * A parameter carrying a signature or a token, by name (the first group, kept) and value (hidden),
     * with the equals sign in any escape, or as a JSON member.
     */
    private static final String BY_NAME = "((?:(?<![A-Za-z0-9_])|(?<=%[0-9A-Fa-f]{2}))"
            + "(?:oauth_signature|api_sig|oauth_token_secret|oauth_token|auth_token)"
            + "(?:=|%3[dD]|%253[dD]|&#0*61;|&#[xX]0*3[dD];|\\\\u003[dD]|\"\\s*:\\s*\"))"
            + "(?:\\\\/|(?!%26|%2526)[^&\\s\"'<>\\\\])+";

    private static String anyForm(String value) {
        StringBuilder sb = new StringBuilder();
        int first = value.codePointAt(0);
        int last = value.codePointBefore(value.length());
        if (Character.isLetterOrDigit(first)) {
            // Not the tail of a longer word, though it may follow an escape that ends in a letter (%3D, \u003D).
            sb.append("(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2})|(?<=\\\\u[0-9A-Fa-f]{4}))");
        }
        sb.append("(?:");
        value.codePoints().forEach(c -> sb.append(anyForm(c)));
        sb.append(')');
        if (Character.isLetterOrDigit(last)) {
            sb.append("(?![A-Za-z0-9])");
        }
        return sb.toString();
    }

    /** The ways one character may be written, as a regular-expression group. */
    private static String anyForm(int c) {
        List<String> forms = new ArrayList<>();
        forms.add(Pattern.quote(new String(Character.toChars(c))));
        StringBuilder once = new StringBuilder();
        StringBuilder twice = new StringBuilder();
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
            String hex = hex(b & 0xff, 2);
            once.append('%').append(hex);
            twice.append("%25").append(hex);
        }
        forms.add(once.toString());
        forms.add(twice.toString());
        forms.add("&#0*" + c + ";");
        forms.add("&#[xX]0*" + hex(c, 1) + ";");
        if (c <= 0xffff) {
            forms.add("\\\\u" + hex(c, 4));
        } else {
            forms.add("\\\\u" + hex(Character.highSurrogate(c), 4) + "\\\\u" + hex(Character.lowSurrogate(c), 4));
        }
        switch (c) {
            case '/' -> forms.add("\\\\/");
            case '"' -> forms.addAll(List.of("\\\\\"", "&quot;"));
            case '\\' -> forms.add("\\\\\\\\");
            case '&' -> forms.add("&amp;");
            case '<' -> forms.add("&lt;");
            case '>' -> forms.add("&gt;");
            case '\'' -> forms.add("&apos;");
            case ' ' -> forms.add("\\+");
            case '+' -> forms.add(" ");
            default -> {
            }
        }
        return "(?:" + String.join("|", forms) + ")";
    }

    /** {@code n} in upper-case hex digits, at least {@code digits} of them, as a case-insensitive pattern. */
    private static String hex(int n, int digits) {
        String h = String.format("%0" + digits + "X", n);
        StringBuilder sb = new StringBuilder();
        for (char d : h.toCharArray()) {
            sb.append(Character.isLetter(d) ? "[" + d + Character.toLowerCase(d) + "]" : String.valueOf(d));
        }
        return sb.toString();
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
        return p.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) == null ? PLACEHOLDER : m.group(1) + PLACEHOLDER));
    }

    @Override
    public String toString() {
        return raw == null ? "SecretMask[nothing]" : "SecretMask[(set)]";
    }
}
