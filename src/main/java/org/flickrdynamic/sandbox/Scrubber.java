package org.flickrdynamic.sandbox;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flickrdynamic.internal.sign.Percent;

/**
 * Takes credentials out of an answer (its body or its {@code Location}) before it goes into a cassette:
 * every value of the request's key, token, signature, verifier and frob parameters, the tokens, token
 * secrets, verifiers and frobs the answer itself hands out (OAuth's {@code oauth_token},
 * {@code oauth_token_secret} and {@code oauth_verifier} as parameters anywhere, as in a redirect's URL or a
 * form body, the verifier an out-of-band page shows, the legacy {@code <frob>}, XML attributes as in
 * {@code flickr.auth.oauth.getAccessToken}'s {@code <access_token oauth_token="..." oauth_token_secret="..."/>},
 * or XML elements, and the legacy {@code <token>}), and any value the
 * recorder was told to hide. Each is replaced wherever it appears, as written and percent-encoded once
 * or twice (a {@code debug_sbs} base string encodes its parameters twice): the key by
 * {@value Cassette#KEY}, everything else by {@value #HIDDEN}.
 */
final class Scrubber {
    static final String HIDDEN = "(scrubbed)";
    private static final Set<String> SECRET_PARAMS = Set.of("oauth_token", "auth_token", "oauth_signature", "api_sig",
            "oauth_verifier", "oauth_token_secret", "frob");
    /**
     * A credential as a URL or form parameter wherever it stands: a form body, the query of a
     * {@code Location} header or of a link in a page, after {@code ?}, {@code &}, {@code &amp;} or a quote.
     */
    private static final Pattern FORM_SECRET = Pattern.compile(
            "(?<![A-Za-z0-9_])(oauth_token|oauth_token_secret|oauth_verifier|frob)=([^&\\s\"'<>#]+)");
    private static final Pattern XML_TOKEN =
            Pattern.compile("<(token|oauth_token|oauth_token_secret|oauth_verifier|frob)>([^<]+)</\\1>");
    /** The verifier an out-of-band authorize page shows for the user to type: {@code <code id="verifier">}. */
    private static final Pattern SHOWN_VERIFIER =
            Pattern.compile("\\bid\\s*=\\s*[\"']?(?:oauth_)?verifier[\"']?[^>]*>\\s*([^<\\s]+)\\s*<");
    private static final Pattern XML_ATTRIBUTE =
            Pattern.compile("\\b(?:oauth_token|oauth_token_secret)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    /** Shorter values are left alone: replacing "1" everywhere would wreck the body and hide nothing. */
    private static final int SHORTEST = 6;

    private final Set<String> alsoHidden;

    /** @param alsoHidden values to hide besides those found in requests and answers (a real API secret, say) */
    Scrubber(Set<String> alsoHidden) {
        this.alsoHidden = Set.copyOf(alsoHidden);
    }

    /** The answer's body with every credential of the request and the answer replaced. */
    String scrub(Map<String, String> requestParams, String body) {
        Map<String, String> replace = new LinkedHashMap<>();
        requestParams.forEach((name, value) -> {
            if (Cassette.KEYS.contains(name)) {
                replace.put(value, Cassette.KEY);
            } else if (SECRET_PARAMS.contains(name)) {
                replace.put(value, HIDDEN);
            }
        });
        Matcher form = FORM_SECRET.matcher(body);
        while (form.find()) {
            replace.put(form.group(2), HIDDEN);
            try {
                replace.put(Percent.decode(form.group(2)), HIDDEN);
            } catch (IllegalArgumentException notEncoded) {
                // A stray % in an HTML page: the value as written is hidden, that is enough.
            }
        }
        Matcher xml = XML_TOKEN.matcher(body);
        while (xml.find()) {
            replace.put(xml.group(2).strip(), HIDDEN);
        }
        Matcher shown = SHOWN_VERIFIER.matcher(body);
        while (shown.find()) {
            replace.put(shown.group(1), HIDDEN);
        }
        Matcher attribute = XML_ATTRIBUTE.matcher(body);
        while (attribute.find()) {
            replace.put(attribute.group(2) != null ? attribute.group(2) : attribute.group(3), HIDDEN);
        }
        alsoHidden.forEach(v -> replace.put(v, HIDDEN));
        String out = body;
        // Longest first, so a value that contains another is replaced whole.
        for (Map.Entry<String, String> e : replace.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> x) -> x.getKey().length()).reversed()).toList()) {
            String value = e.getKey();
            if (value == null || value.length() < SHORTEST) {
                continue;
            }
            String once = Percent.encode(value);
            out = out.replace(value, e.getValue()).replace(once, e.getValue()).replace(Percent.encode(once), e.getValue());
        }
        return out;
    }
}
