package org.flickrdynamic.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.flickrdynamic.internal.sign.Percent;
import org.flickrdynamic.table.Permission;

/**
 * Flickr's OAuth 1.0a login at its own paths: {@code request_token}, {@code authorize} (approved at once
 * by the {@link BrowserUser}) and {@code access_token}, answered with Flickr's form-encoded bodies and
 * {@code oauth_problem} errors. Request tokens and their verifiers live in this instance, are used once,
 * and expire after {@link #LIFETIME_SECONDS}; the access tokens are {@link TokenMint}'s stateless ones.
 */
final class OAuthEndpoints {
    static final String REQUEST_TOKEN = "/services/oauth/request_token";
    static final String AUTHORIZE = "/services/oauth/authorize";
    static final String ACCESS_TOKEN = "/services/oauth/access_token";
    /** How long a request token may wait for its exchange: 10 minutes. */
    static final long LIFETIME_SECONDS = 600;

    /** A request token on its way: issued, perhaps approved (user, perms, verifier set), not yet exchanged. */
    private static final class Pending {
        final String secret;
        final String callback;
        final long issued;
        SandboxUser user;
        Permission perms;
        String verifier;

        Pending(String secret, String callback, long issued) {
            this.secret = secret;
            this.callback = callback;
            this.issued = issued;
        }
    }

    private final String apiKey;
    private final OAuthCheck check;
    private final TokenMint mint;
    private final BrowserUser browser;
    private final LongSupplier now;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    OAuthEndpoints(String apiKey, OAuthCheck check, TokenMint mint, BrowserUser browser, LongSupplier nowSeconds) {
        this.apiKey = apiKey;
        this.check = check;
        this.mint = mint;
        this.browser = browser;
        this.now = nowSeconds;
    }

    Reply requestToken(String verb, String url, Map<String, String> params) {
        requireConsumer(params);
        check.verify(verb, url, params, "");
        String callback = params.get("oauth_callback");
        if (callback == null || callback.isEmpty()) {
            throw new OAuthProblem(400, "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_callback");
        }
        if (!callback.equals("oob") && !isWebUrl(callback)) {
            throw new OAuthProblem(400, "oauth_problem=parameter_rejected&oauth_parameters_rejected=oauth_callback");
        }
        long t = now.getAsLong();
        pending.values().removeIf(p -> expired(p, t)); // keeps the map to one lifetime's worth of logins
        String token = TokenMint.PREFIX + BrowserUser.randomHex(6) + "-" + BrowserUser.randomHex(8);
        Pending p = new Pending(BrowserUser.randomHex(8), callback, t);
        pending.put(token, p);
        return Reply.text(200, "oauth_callback_confirmed=true&oauth_token=" + Percent.encode(token)
                + "&oauth_token_secret=" + Percent.encode(p.secret));
    }

    Reply authorize(Map<String, String> params) {
        String token = params.get("oauth_token");
        Pending p = token == null ? null : live(token);
        if (p == null) {
            return Reply.html(400, BrowserUser.page("Oops! Invalid request token",
                    "<p>This request token is unknown, already used, or expired. Ask the application to start again.</p>"));
        }
        Permission perms = BrowserUser.perms(params.get("perms"));
        if (perms == null) {
            return Reply.html(400, BrowserUser.page("Oops! Invalid permissions",
                    "<p>perms must be read, write or delete.</p>"));
        }
        SandboxUser user = browser.approver();
        if (user == null) {
            return Reply.html(403, BrowserUser.page("Authorization declined",
                    "<p>The user declined to let this application use their account. No verifier was issued.</p>"));
        }
        String verifier = BrowserUser.randomHex(8);
        synchronized (p) {
            p.user = user;
            p.perms = perms;
            p.verifier = verifier;
        }
        if (p.callback.equals("oob")) {
            return Reply.html(200, BrowserUser.page("You have authorized the application",
                    "<p>" + BrowserUser.escape(user.username()) + " granted " + perms.word()
                    + " permission. Type this code into the application:</p>\n<p><code id=\"verifier\">"
                    + verifier + "</code></p>"));
        }
        return Reply.redirect(p.callback + (p.callback.indexOf('?') >= 0 ? "&" : "?") + "oauth_token="
                + Percent.encode(token) + "&oauth_verifier=" + verifier);
    }

    Reply accessToken(String verb, String url, Map<String, String> params) {
        requireConsumer(params);
        String token = params.get("oauth_token");
        if (token == null) {
            throw OAuthProblem.absent("oauth_token");
        }
        Pending p = live(token);
        if (p == null) {
            throw OAuthProblem.of("token_rejected");
        }
        check.verify(verb, url, params, p.secret);
        String verifier = params.get("oauth_verifier");
        if (verifier == null) {
            throw OAuthProblem.absent("oauth_verifier");
        }
        SandboxUser user;
        Permission perms;
        synchronized (p) {
            if (p.verifier == null) {
                throw OAuthProblem.of("token_rejected");
            }
            if (!p.verifier.equals(verifier)) {
                throw OAuthProblem.of("verifier_invalid");
            }
            user = p.user;
            perms = p.perms;
        }
        if (!pending.remove(token, p)) {
            throw OAuthProblem.of("token_rejected"); // exchanged by a concurrent request
        }
        SandboxToken access = mint.issue(user, perms);
        return Reply.text(200, "fullname=" + Percent.encode(user.realname())
                + "&oauth_token=" + Percent.encode(access.token())
                + "&oauth_token_secret=" + Percent.encode(access.tokenSecret())
                + "&user_nsid=" + Percent.encode(user.nsid())
                + "&username=" + Percent.encode(user.username()));
    }

    private void requireConsumer(Map<String, String> params) {
        String key = params.get("oauth_consumer_key");
        if (key == null) {
            throw OAuthProblem.absent("oauth_consumer_key");
        }
        if (!apiKey.equals(key)) {
            throw OAuthProblem.of("consumer_key_unknown");
        }
    }

    /** The request token's state, or {@code null} when unknown, exchanged or expired. */
    private Pending live(String token) {
        Pending p = pending.get(token);
        if (p != null && expired(p, now.getAsLong())) {
            pending.remove(token, p);
            return null;
        }
        return p;
    }

    private static boolean expired(Pending p, long now) {
        return now - p.issued > LIFETIME_SECONDS;
    }

    private static boolean isWebUrl(String s) {
        try {
            URI u = new URI(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
