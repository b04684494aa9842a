package org.flickrdynamic.auth;

import java.util.Locale;
import java.util.List;
import java.io.Console;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.Signing;
import org.flickrdynamic.internal.sign.LegacyMd5Signer;
import org.flickrdynamic.internal.sign.Percent;
import org.flickrdynamic.table.Permission;

/**
 * Login. Interactive ones send the user to Flickr's page, wait for the answer and return the user's
 * token ({@link #oauth}, {@link #legacy}); programs with their own web flow use {@link OAuthFlow}'s steps
 * instead. The logins of a client's API key are kept in the {@linkplain TokenStore#standard() token
 * store}: log in and store ({@link #authorize}), list who is logged in ({@link #users}), pick a user
 * ({@link #useUser}), log out ({@link #logout}). The static facade's {@code Flickr.authorize}, {@code users},
 * {@code useUser} and {@code logout} are these, applied to its current client. A client is immutable, so
 * each gives back the token, and a client acting as that user is built from it:
 *
 * <pre>{@code
 * AccessToken me = Login.authorize(client, "write");
 * try (FlickrClient asMe = client.newBuilder().token(me).build()) { ... }
 * }</pre>
 */
public final class Login {
    /** How long a login waits for the user by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Flickr's code for a frob that is unknown, used, or not yet approved by the user. */
    private static final int INVALID_FROB = 108;

    private Login() {
    }

    /**
     * The OAuth 1.0a login: a request token whose callback is a one-shot listener on 127.0.0.1, the
     * authorize page in {@code browser}, and the verifier from the callback or, on a terminal, typed at
     * the prompt (for a browser on another machine).
     *
     * @param client the client that makes the calls
     * @param permission what the token may do: read, write or delete
     * @param browser opens the authorize page for the user
     * @param timeout how long to wait at most
     * @return the OAuth 1.0a login: a request token whose callback is a one-shot listener on 127.0.0.1, the authorize
     *         page in {@code browser}, and the verifier from the callback or, on a terminal, typed at the prompt
     */
    public static AccessToken oauth(FlickrClient client, Permission permission, Browser browser, Duration timeout) {
        OAuthFlow flow = client.oauth();
        try (LoopbackCallback callback = LoopbackCallback.open()) {
            OAuthFlow.RequestToken rt = flow.requestToken(callback.url());
            callback.expect(rt.token());
            open(browser, flow.authorizeUrl(rt, permission));
            Console console = System.console();
            if (console != null) {
                Thread prompt = new Thread(() -> {
                    String typed = console.readLine("...or paste the verifier here and press Enter: ");
                    if (typed != null && !typed.isBlank()) {
                        callback.complete(typed.strip());
                    }
                }, "flickr-login-prompt");
                prompt.setDaemon(true);
                prompt.start();
            }
            return flow.accessToken(rt, callback.awaitVerifier(timeout), permission);
        }
    }

    /**
     * The legacy frob login of the original auth API: a frob, the signed login page in {@code browser},
     * then {@code flickr.auth.getToken} until the user has allowed access (or {@code timeout} passes).
     *
     * @param client the client that makes the calls
     * @param permission what the token may do: read, write or delete
     * @param browser opens the authorize page for the user
     * @param timeout how long to wait at most
     * @return the legacy frob login of the original auth API
     */
    public static AccessToken legacy(FlickrClient client, Permission permission, Browser browser, Duration timeout) {
        if (client.apiKey() == null || client.secret() == null) {
            throw new FlickrArgumentException("login", java.util.List.of("logging in needs the API key and its secret:"
                    + " set both on the client, or in FLICKR_API_KEY and FLICKR_API_SECRET"),
                    java.util.Set.of(FlickrArgumentException.API_KEY, FlickrArgumentException.SECRET));
        }
        try (FlickrClient legacy = client.newBuilder().signing(Signing.LEGACY_MD5).token(null, null).build()) {
            String frob = legacy.call("flickr.auth.getFrob").elementText("frob");
            open(browser, loginUrl(client, frob, permission));
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                try {
                    return token(legacy.call("flickr.auth.getToken", "frob", frob).element("auth"));
                } catch (FlickrApiException e) {
                    if (e.code() != INVALID_FROB || Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                }
                try {
                    Thread.sleep(1000); // the user is still on the login page
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FlickrArgumentException("login", "interrupted while waiting for the login page");
                }
            }
        }
    }

    /**
     * The legacy login page for a frob, signed with {@code api_sig}.
     *
     * @param client the client that makes the calls
     * @param frob the frob of the legacy login
     * @param permission what the token may do: read, write or delete
     * @return the legacy login page for a frob, signed with {@code api_sig}
     */
    public static String loginUrl(FlickrClient client, String frob, Permission permission) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("api_key", client.apiKey());
        params.put("perms", permission.word());
        params.put("frob", frob);
        params.put("api_sig", LegacyMd5Signer.apiSig(client.secret(), params));
        StringBuilder url = new StringBuilder(legacyAuthBase(client.endpoints().oauth()));
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(Percent.encode(e.getValue()));
            sep = '&';
        }
        return url.toString();
    }

    /** The legacy login page sits beside the OAuth endpoints: {@code .../services/auth/}. */
    static String legacyAuthBase(String oauthBase) {
        String b = oauthBase.endsWith("/") ? oauthBase.substring(0, oauthBase.length() - 1) : oauthBase;
        return b.substring(0, b.lastIndexOf('/') + 1) + "auth/";
    }

    /**
     * Reads the {@code <auth>} element of getToken and checkToken.
     *
     * @param auth the {@code <auth>} element of the answer
     * @return the token, its secret, permission and user
     */
    public static AccessToken token(Element auth) {
        if (auth == null || auth.elementText("token") == null || auth.element("user") == null) {
            throw new FlickrArgumentException("login", "the answer carries no <auth> token");
        }
        Element user = auth.element("user");
        return new AccessToken(auth.elementText("token").strip(), null, user.attributeValue("nsid"),
                user.attributeValue("username", ""), user.attributeValue("fullname", ""),
                Permission.fromWord(auth.elementText("perms").strip()));
    }

    private static void open(Browser browser, String url) {
        try {
            browser.open(url);
        } catch (IOException e) {
            throw new FlickrArgumentException("login", "cannot show the login page: " + e.getMessage());
        }
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
