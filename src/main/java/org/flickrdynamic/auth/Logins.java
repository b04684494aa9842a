package org.flickrdynamic.auth;

import java.util.List;
import java.util.Locale;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.Signing;
import org.flickrdynamic.table.Permission;

/**
 * The logins of a client's API key, kept in the {@linkplain TokenStore#standard() token store}: log in
 * interactively, list who is logged in, pick a user, log out. The static facade's {@code Flickr.authorize},
 * {@code users}, {@code useUser} and {@code logout} are these, applied to its current client. A client is
 * immutable, so each gives back the token, and a client acting as that user is built from it:
 *
 * <pre>{@code
 * AccessToken me = Logins.authorize(client, "write");
 * try (FlickrClient asMe = client.newBuilder().token(me).build()) { ... }
 * }</pre>
 */
public final class Logins {
    private Logins() {
    }

    /**
     * Logs in interactively: OAuth (the legacy frob login when the client signs with
     * {@link Signing#LEGACY_MD5}), showing the login page with {@code browser}, then stores the token for the
     * client's key, so the login survives a restart.
     *
     * @param permission {@code read}, {@code write} or {@code delete}
     * @param client the client that makes the calls
     * @param browser opens the authorize page for the user
     * @return the user's token
     * @throws FlickrArgumentException when the permission is not one of the three, or the key or secret is missing
     */
    public static AccessToken authorize(FlickrClient client, String permission, Browser browser) {
        Permission perm = permission(permission);
        TokenStore store = TokenStore.standard();
        if (client.apiKey() != null) {
            store.checkWritable(client.apiKey()); // a login that could not be kept is refused up front
        }
        AccessToken token = client.signing() == Signing.LEGACY_MD5
                ? Login.legacy(client, perm, browser, Login.DEFAULT_TIMEOUT)
                : Login.oauth(client, perm, browser, Login.DEFAULT_TIMEOUT);
        store.save(client.apiKey(), token);
        return token;
    }

    /**
     * {@link #authorize(FlickrClient, String, Browser)} with this machine's browser, or the prompt.
     *
     * @param client the client that makes the calls
     * @param permission {@code read}, {@code write} or {@code delete}
     * @return {@link #authorize(FlickrClient, String, Browser)} with this machine's browser, or the prompt
     */
    public static AccessToken authorize(FlickrClient client, String permission) {
        return authorize(client, permission, Browser.system());
    }

    /**
     * The users logged in with the client's API key; none without a key.
     *
     * @param client the client that makes the calls
     * @return the users logged in with the client's API key; none without a key
     */
    public static List<AccessToken> users(FlickrClient client) {
        return client.apiKey() == null ? List.of() : TokenStore.standard().users(client.apiKey());
    }

    /**
     * Makes another logged-in user (nsid or username) the current one of the client's key, and returns
     * the user's token.
     *
     * @param client the client that makes the calls
     * @param user the user's NSID or user name
     * @return the user's access token
     * @throws FlickrArgumentException when the client has no API key, or nobody of that name is logged in with it
     */
    public static AccessToken useUser(FlickrClient client, String user) {
        if (client.apiKey() == null) {
            throw new FlickrArgumentException(null, "no API key: set one on the client or in FLICKR_API_KEY");
        }
        return TokenStore.standard().use(client.apiKey(), user);
    }

    /**
     * Forgets the stored token of the current user of the client's key; a client using it keeps it until rebuilt.
     *
     * @param client the client that makes the calls
     */
    public static void logout(FlickrClient client) {
        if (client.apiKey() != null) {
            TokenStore.standard().logout(client.apiKey(), null);
        }
    }

    private static Permission permission(String word) {
        Permission p = Permission.fromWord(word == null ? "" : word.strip().toLowerCase(Locale.ROOT), null);
        if (p == null || p == Permission.NONE) {
            throw new FlickrArgumentException("login", "permission '" + word + "' is not read, write or delete");
        }
        return p;
    }
}
