package org.flickrdynamic.internal.sign;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849 §3), the scheme Flickr accepts today.
 *
 * <p>The consumer key is the API key and the consumer secret the API secret; when the credentials
 * carry a token it is sent as {@code oauth_token} and its secret joins the signing key. Without a
 * token the request is signed two-legged, with the key {@code secret&}; a token without a secret is
 * signed the same way (RFC 5849 §3.4.2 allows an empty token secret).
 *
 * <p>{@link #sign} adds {@code oauth_consumer_key}, {@code oauth_nonce}, {@code oauth_timestamp},
 * {@code oauth_signature_method=HMAC-SHA1}, {@code oauth_version=1.0}, {@code oauth_token} (with a
 * token) and finally {@code oauth_signature}. An {@code oauth_*} parameter the caller already gave is
 * kept and signed as given, never silently replaced; only {@code oauth_signature} itself is refused,
 * and a signature method or version other than the two above, which this class cannot honour.
 *
 * <p>The static {@link #baseString} and {@link #signature} are the two halves of the algorithm, public
 * so that a server (the sandbox) can check a request with exactly the code that signed it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OAuth1Signer implements Signer {

    /** The only signature method this class produces (RFC 5849 §3.4.2). */
    public static final String SIGNATURE_METHOD = "HMAC-SHA1";
    /** The protocol version sent in {@code oauth_version} (RFC 5849 §3.1: optional, and "1.0" if present). */
    public static final String VERSION = "1.0";

    private static final String SIGNATURE = "oauth_signature";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Comparator<String[]> PAIR_ORDER =
            Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]);

    private final Supplier<String> nonces;
    private final Clock clock;

    /** A signer with a random nonce per request (16 bytes of {@link SecureRandom}) and the system clock. */
    public OAuth1Signer() {
        this(OAuth1Signer::randomNonce, Clock.systemUTC());
    }

    /**
     * A signer with its nonce and clock supplied, for reproducible signatures (test vectors, a server's
     * own checks).
     *
     * @param nonces gives the {@code oauth_nonce} of each request (RFC 5849 §3.3: unique per timestamp)
     * @param clock  gives {@code oauth_timestamp}, in whole seconds since the Unix epoch
     */
    public OAuth1Signer(Supplier<String> nonces, Clock clock) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, String> sign(String httpMethod, String url, Map<String, String> params, Credentials credentials) {
        Checks.requireSigningKeys(credentials);
        Map<String, String> signed = Checks.copyOf(params);
        Checks.requireUnsigned(signed, SIGNATURE);
        requireSupported(signed, "oauth_signature_method", SIGNATURE_METHOD);
        requireSupported(signed, "oauth_version", VERSION);

        signed.putIfAbsent("oauth_consumer_key", credentials.apiKey());
        signed.putIfAbsent("oauth_nonce", nonces.get());
        signed.putIfAbsent("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
        signed.putIfAbsent("oauth_signature_method", SIGNATURE_METHOD);
        signed.putIfAbsent("oauth_version", VERSION);
        if (credentials.hasToken()) {
            signed.putIfAbsent("oauth_token", credentials.token());
        }
        String tokenSecret = credentials.hasToken() ? credentials.tokenSecret() : null;
        signed.put(SIGNATURE, signature(baseString(httpMethod, url, signed), credentials.secret(), tokenSecret));
        return signed;
    }

    /**
     * The signature base string of RFC 5849 §3.4.1: the upper-cased method, the base string URI
     * ({@link #baseStringUri}) and the normalized parameters, each encoded and joined with {@code &}.
     * Parameters are encoded, then sorted by name and then by value (§3.4.1.3.2); {@code oauth_signature}
     * is left out. The query of {@code url} is not read: pass its parameters in {@code params}.
     *
     * @param httpMethod the request method, such as {@code GET}
     * @param url        the request URL
     * @param params     every request parameter (query, form body and {@code oauth_*}), decoded
     * @return the base string
     */
    public static String baseString(String httpMethod, String url, Map<String, String> params) {
        Objects.requireNonNull(params, "params");
        return baseString(httpMethod, url, params.entrySet());
    }

    /**
     * {@link #baseString(String, String, Map)} for parameters whose names may repeat, as RFC 5849 allows
     * (its §3.4.1.1 example sends {@code a3} twice). Pass a {@code Map}'s {@code entrySet()} or a list of
     * {@code Map.entry(name, value)}.
     *
     * @param httpMethod the request method, such as {@code GET}
     * @param url        the request URL
     * @param params     every request parameter as a name/value pair, decoded
     * @return the base string
     */
    public static String baseString(String httpMethod, String url, Collection<? extends Map.Entry<String, String>> params) {
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(params, "params");
        List<String[]> pairs = new ArrayList<>(params.size());
        for (Map.Entry<String, String> param : params) {
            if (param.getKey() == null || param.getValue() == null) {
                throw new IllegalArgumentException("cannot sign the request: parameter '" + param.getKey() + "' has no value");
            }
            if (!SIGNATURE.equals(param.getKey())) {
                pairs.add(new String[] {Percent.encode(param.getKey()), Percent.encode(param.getValue())});
            }
        }
        // Encoded names and values are plain ASCII, so String order is the byte order §3.4.1.3.2 asks for.
        pairs.sort(PAIR_ORDER);
        StringBuilder normalized = new StringBuilder(pairs.size() * 32);
        for (String[] pair : pairs) {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(pair[0]).append('=').append(pair[1]);
        }
        StringBuilder base = new StringBuilder(normalized.length() * 5 / 4 + 64);
        base.append(httpMethod.toUpperCase(Locale.ROOT)).append('&');
        Percent.encodeTo(base, baseStringUri(url)).append('&');
        return Percent.encodeTo(base, normalized).toString();
    }

    /**
     * The base string URI of RFC 5849 §3.4.1.2: scheme and host in lower case, the port only when it is
     * not the scheme's default (80 for http, 443 for https), the path as given ({@code /} when empty),
     * and no user info, query or fragment. For example {@code HTTP://Example.COM:80/r%20v/X?id=123}
     * gives {@code http://example.com/r%20v/X}.
     *
     * @param url an absolute URL
     * @return the normalized URL
     * @throws IllegalArgumentException if {@code url} is not an absolute URL with a host
     */
    public static String baseStringUri(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // Not chained: the cause's message repeats the whole URL, user info and query included.
            throw new IllegalArgumentException("cannot sign for URL " + describe(url) + ": " + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("cannot sign for URL " + describe(url) + ": not an absolute URL with a host");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /**
     * The HMAC-SHA1 signature of RFC 5849 §3.4.2: the base string signed with the key
     * {@code encode(consumerSecret) & encode(tokenSecret)}, in Base64.
     *
     * @param baseString     the signature base string
     * @param consumerSecret the consumer (API) secret; may be empty, not {@code null}
     * @param tokenSecret    the token secret; {@code null} or empty when there is no token
     * @return the Base64 signature, not yet percent-encoded
     */
    public static String signature(String baseString, String consumerSecret, String tokenSecret) {
        Objects.requireNonNull(baseString, "baseString");
        if (consumerSecret == null) {
            throw new IllegalArgumentException("cannot sign the request: no consumer secret");
        }
        StringBuilder key = new StringBuilder(Percent.encode(consumerSecret)).append('&');
        if (tokenSecret != null) {
            Percent.encodeTo(key, tokenSecret);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.toString().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            // Every Java platform must ship HmacSHA1; the key is never empty (it holds at least '&').
            throw new IllegalStateException("HMAC-SHA1 is not available on this Java runtime", e);
        }
    }

    private static void requireSupported(Map<String, String> params, String name, String supported) {
        String given = params.get(name);
        if (given != null && !given.equals(supported)) {
            throw new IllegalArgumentException("cannot sign the request: " + name + " is '" + given
                    + "', but only " + supported + " is supported");
        }
    }

    /** A fresh nonce: 16 bytes of {@link SecureRandom} in hex, unreserved so it needs no encoding. */
    static String randomNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder(32);
        for (byte b : bytes) {
            hex.append(Character.forDigit(b >> 4 & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    /** The URL for an error message, without the parts that may carry credentials: user info and query. */
    private static String describe(String url) {
        int end = url.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = url.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String shown = url.substring(0, end);
        int authority = shown.indexOf("://");
        int at = shown.indexOf('@');
        int slash = authority < 0 ? -1 : shown.indexOf('/', authority + 3);
        if (authority >= 0 && at > authority && (slash < 0 || at < slash)) {
            shown = shown.substring(0, authority + 3) + "...@" + shown.substring(at + 1);
        }
        return shown;
    }
}
