package org.flickrdynamic.internal.sign;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.flickrdynamic.Signing;

/**
 * The signer of each {@link Signing} scheme, looked up in a table keyed by the scheme.
 *
 * <pre>{@code
 * Signer signer = Signers.forScheme(Signing.OAUTH1);
 * Map<String, String> sent = signer.sign("GET", endpoint, params, credentials);
 *
 * // Reproducible output, for tests and worked examples:
 * Signer fixed = Signers.fixed(Signing.OAUTH1, "kllo9940pd9333jh", 1191242096L);
 * }</pre>
 *
 * <p>A new scheme is one enum value and one line in the table below.
 */
public final class Signers {

    /** Builds a scheme's signer from a nonce source and a clock; schemes without either ignore them. */
    private static final Map<Signing, BiFunction<Supplier<String>, Clock, Signer>> FACTORIES;
    /** The shared signers with a random nonce and the system clock; all are immutable and thread-safe. */
    private static final Map<Signing, Signer> DEFAULTS;

    static {
        Map<Signing, BiFunction<Supplier<String>, Clock, Signer>> factories = new EnumMap<>(Signing.class);
        factories.put(Signing.OAUTH1, OAuth1Signer::new);
        factories.put(Signing.LEGACY_MD5, (nonces, clock) -> new LegacyMd5Signer());
        FACTORIES = Collections.unmodifiableMap(factories);

        Map<Signing, Signer> defaults = new EnumMap<>(Signing.class);
        factories.forEach((scheme, factory) ->
                defaults.put(scheme, factory.apply(OAuth1Signer::randomNonce, Clock.systemUTC())));
        DEFAULTS = Collections.unmodifiableMap(defaults);
    }

    private Signers() {
    }

    /**
     * The shared signer of a scheme: random nonces (RFC 5849 §3.3) and the current time.
     *
     * @param scheme the signing scheme
     * @return its signer
     */
    public static Signer forScheme(Signing scheme) {
        return lookup(DEFAULTS, scheme);
    }

    /**
     * A signer of a scheme with its nonce source and clock supplied.
     *
     * @param scheme the signing scheme
     * @param nonces gives each request's nonce (ignored by schemes without one)
     * @param clock  gives each request's timestamp (ignored by schemes without one)
     * @return a new signer
     */
    public static Signer forScheme(Signing scheme, Supplier<String> nonces, Clock clock) {
        Objects.requireNonNull(nonces, "nonces");
        Objects.requireNonNull(clock, "clock");
        return lookup(FACTORIES, scheme).apply(nonces, clock);
    }

    /**
     * A signer that always uses the same nonce and timestamp, so its signatures can be compared with a
     * worked example. Never use one for real requests: a server refuses a repeated nonce.
     *
     * @param scheme      the signing scheme
     * @param nonce       the {@code oauth_nonce} of every request
     * @param unixSeconds the {@code oauth_timestamp} of every request
     * @return a new signer
     */
    public static Signer fixed(Signing scheme, String nonce, long unixSeconds) {
        Objects.requireNonNull(nonce, "nonce");
        return forScheme(scheme, () -> nonce, Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC));
    }

    private static <T> T lookup(Map<Signing, T> table, Signing scheme) {
        Objects.requireNonNull(scheme, "scheme");
        T found = table.get(scheme);
        if (found == null) {
            throw new IllegalStateException("no signer is registered for the signing scheme " + scheme);
        }
        return found;
    }
}
