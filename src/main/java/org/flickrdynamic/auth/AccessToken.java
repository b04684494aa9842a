package org.flickrdynamic.auth;

import org.flickrdynamic.table.Permission;

/**
 * A logged-in user's token, as a login hands it back and the token store keeps it.
 * {@link #toString()} never shows the token secret.
 *
 * @param token       the access token (OAuth) or auth token (legacy)
 * @param tokenSecret the OAuth token secret; {@code null} for a legacy token
 * @param userNsid    the user's id
 * @param username    the user's screen name
 * @param fullname    the user's full name (may be empty)
 * @param permission  what the user allowed: read, write or delete
 */
public record AccessToken(String token, String tokenSecret, String userNsid, String username, String fullname,
                          Permission permission) {

    /**
     * Whether this is a token of the legacy scheme, sent as {@code auth_token} with an MD5 {@code api_sig}.
     *
     * @return whether this is a token of the legacy scheme, sent as {@code auth_token} with an MD5 {@code api_sig}
     */
    public boolean isLegacy() {
        return tokenSecret == null;
    }

    @Override
    public String toString() {
        return "AccessToken[user=" + username + " (" + userNsid + "), permission=" + permission.word()
                + (isLegacy() ? ", legacy" : "") + "]";
    }
}
