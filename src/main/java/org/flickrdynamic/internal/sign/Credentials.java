package org.flickrdynamic.internal.sign;

/**
 * The keys a request is signed with. {@link #toString()} never shows the secrets.
 *
 * @param apiKey      the API key (OAuth consumer key)
 * @param secret      the API secret (OAuth consumer secret), or {@code null}
 * @param token       the user's access token (or legacy auth token), or {@code null}
 * @param tokenSecret the access token's secret, or {@code null} (legacy tokens have none)
 */
public record Credentials(String apiKey, String secret, String token, String tokenSecret) {

    /** Whether a secret is present, so the request can be signed at all. */
    public boolean canSign() {
        return secret != null && !secret.isEmpty();
    }

    /** Whether a user token is present. */
    public boolean hasToken() {
        return token != null && !token.isEmpty();
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=" + apiKey
                + ", secret=" + (canSign() ? "(set)" : "(none)")
                + ", token=" + (hasToken() ? "(set)" : "(none)")
                + ", tokenSecret=" + (tokenSecret != null && !tokenSecret.isEmpty() ? "(set)" : "(none)") + ']';
    }
}
