package org.flickrdynamic.auth;

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
 * Interactive logins: sends the user to Flickr's page, waits for the answer and returns the user's token.
 * {@code Flickr.authorize(perms)} uses it and stores the token; programs with their own web flow use
 * {@link OAuthFlow}'s steps instead.
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
}
