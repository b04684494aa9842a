package org.flickrdynamic.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.flickrdynamic.internal.sign.LegacyMd5Signer;
import org.flickrdynamic.table.Permission;

/**
 * Flickr's retired frob login, as its old Authentication API ran it: {@code flickr.auth.getFrob}, the
 * login page {@code /services/auth/?api_key&perms&frob&api_sig} (approved at once by the
 * {@link BrowserUser}), then {@code flickr.auth.getToken} trading the approved frob for a token. Frobs
 * live in this instance, are used once, and expire after {@link #LIFETIME_SECONDS}; the tokens are
 * {@link TokenMint}'s stateless ones, sent later as {@code auth_token}.
 */
final class LegacyAuth {
    static final String LOGIN_PATH = "/services/auth/";
    /** The login page's path without its trailing slash (both forms are answered). */
    static final String LOGIN_ROUTE = "/services/auth";
    /** How long a frob waits for its login and exchange: 10 minutes. */
    static final long LIFETIME_SECONDS = 600;

    /** A frob: when it was made, and whom the login page approved it for (unset until then). */
    private static final class Frob {
        final long issued;
        volatile SandboxUser user;
        volatile Permission perms;

        Frob(long issued) {
            this.issued = issued;
        }
    }

    private final String apiKey;
    private final String secret;
    private final TokenMint mint;
    private final BrowserUser browser;
    private final LongSupplier now;
    private final Map<String, Frob> frobs = new ConcurrentHashMap<>();

    LegacyAuth(String apiKey, String secret, TokenMint mint, BrowserUser browser, LongSupplier nowSeconds) {
        this.apiKey = apiKey;
        this.secret = secret;
        this.mint = mint;
        this.browser = browser;
        this.now = nowSeconds;
    }

    void register(Map<String, Route> routes) {
        // The gatekeeper has already required these to be signed (the method table says so).
        routes.put("flickr.auth.getFrob", (request, params) -> {
            long t = now.getAsLong();
            frobs.values().removeIf(f -> t - f.issued > LIFETIME_SECONDS);
            String frob = TokenMint.PREFIX + BrowserUser.randomHex(6) + "-" + BrowserUser.randomHex(8);
            frobs.put(frob, new Frob(t));
            return new Xml(64).element("frob", frob).toString();
        });
        routes.put("flickr.auth.getToken", (request, params) -> {
            String name = params.get("frob");
            Frob f = frobs.get(name);
            if (f == null || f.user == null || now.getAsLong() - f.issued > LIFETIME_SECONDS || !frobs.remove(name, f)) {
                throw new Fail(108, "Invalid frob");
            }
            return TokenRoutes.describe("auth", mint.issue(f.user, f.perms), f.user);
        });
    }

    /** The login page a desktop application opens in the user's browser. */
    Reply login(Map<String, String> params) {
        if (!apiKey.equals(params.get("api_key"))) {
            return Reply.html(400, BrowserUser.page("Oops! Invalid API key", "<p>The application's API key is not valid.</p>"));
        }
        String sig = params.get("api_sig");
        if (sig == null || !LegacyMd5Signer.apiSig(secret, params).equals(sig)) {
            return Reply.html(400, BrowserUser.page("Oops! Invalid API signature",
                    "<p>The login link is not signed correctly. Ask the application to start again.</p>"));
        }
        String name = params.get("frob");
        Frob f = name == null ? null : frobs.get(name);
        if (f == null || now.getAsLong() - f.issued > LIFETIME_SECONDS) {
            return Reply.html(400, BrowserUser.page("Oops! Invalid frob",
                    "<p>This login link is unknown, already used, or expired. Ask the application to start again.</p>"));
        }
        Permission perms = BrowserUser.perms(params.get("perms"));
        if (perms == null) {
            return Reply.html(400, BrowserUser.page("Oops! Invalid permissions", "<p>perms must be read, write or delete.</p>"));
        }
        SandboxUser user = browser.approver();
        if (user == null) {
            return Reply.html(403, BrowserUser.page("Authorization declined",
                    "<p>The user declined to let this application use their account.</p>"));
        }
        f.perms = perms;
        f.user = user; // written last: getToken reads user first and then relies on perms
        return Reply.html(200, BrowserUser.page("Success!", "<p>" + BrowserUser.escape(user.username()) + " granted "
                + perms.word() + " permission. You may close this window and return to the application.</p>"));
    }
}
