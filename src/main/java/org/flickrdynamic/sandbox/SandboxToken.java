package org.flickrdynamic.sandbox;

import org.flickrdynamic.table.Permission;

/**
 * A user's token the sandbox accepts: as an OAuth access token ({@code oauth_token}, signed with the
 * token secret) or as a legacy {@code auth_token}. {@link #toString()} never shows the secret.
 *
 * @param token       the token
 * @param tokenSecret the token's secret (OAuth)
 * @param userNsid    the user it acts for
 * @param username    that user's name
 * @param permission  what it may do
 */
public record SandboxToken(String token, String tokenSecret, String userNsid, String username, Permission permission) {
    @Override
    public String toString() {
        return "SandboxToken[token=" + token + ", user=" + userNsid + ", permission=" + permission.word() + "]";
    }
}
