package org.flickrdynamic.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.sign.Credentials;
import org.flickrdynamic.sign.OAuth1Signer;
import org.flickrdynamic.sign.Percent;
import org.flickrdynamic.sign.SecretMask;
import org.flickrdynamic.sign.Signer;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.transport.HttpAnswer;
import org.flickrdynamic.transport.HttpTransport;

/**
 * Flickr's OAuth 1.0a login, one plain method per step, for programs that run their own web flow:
 * get a request token, send the user to the authorize URL, exchange the verifier for an access token.
 * {@code Flickr.authorize(perms)} runs all three interactively. Obtain one with
 * {@code FlickrClient.oauth()}.
 */
public final class OAuthFlow {
    /** Form answers larger than this are not OAuth answers. */
    private static final int MAX_ANSWER = 64 * 1024;

    /**
     * A request token, good for one login.
     *
     * @param token    the request token
     * @param secret   its secret (never shown by {@link #toString()})
     * @param callback where the authorize page sends the user back, or {@code oob}
     */
    public record RequestToken(String token, String secret, String callback) {
        @Override
        public String toString() {
            return "RequestToken[" + token + ", callback=" + callback + "]";
        }
    }

    private final Credentials consumer;
    private final String oauthBase;
    private final HttpTransport transport;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final Signer signer;

    /**
     * @param apiKey      the API key (OAuth consumer key)
     * @param secret      the API secret (consumer secret)
     * @param oauthBase   the prefix of Flickr's {@code request_token}, {@code authorize} and {@code access_token}
     * @param transport   the connection pool to send through
     * @param readTimeout how long to wait for each answer and each of its next bytes
     * @param callTimeout how long one step may take as a whole, so a server trickling its answer cannot hold a login
     * @param signer      the OAuth signer
     */
    public OAuthFlow(String apiKey, String secret, String oauthBase, HttpTransport transport, Duration readTimeout,
                     Duration callTimeout, Signer signer) {
        if (apiKey == null || secret == null) {
            throw new FlickrArgumentException("login", "logging in needs the API key and its secret: set them with"
                    + " Flickr.currentApiKey(...) and Flickr.currentSecKey(...), or FLICKR_API_KEY and FLICKR_API_SECRET");
        }
        this.consumer = new Credentials(apiKey, secret, null, null);
        this.oauthBase = oauthBase.endsWith("/") ? oauthBase : oauthBase + "/";
        this.transport = transport;
        this.readTimeout = readTimeout;
        this.callTimeout = callTimeout;
        this.signer = signer;
    }

    /**
     * Step 1: asks Flickr for a request token.
     *
     * @param callback the URL the authorize page sends the user back to, or {@code oob} to have Flickr show
     *                 the verifier for the user to type
     * @throws FlickrArgumentException when there is no callback (nothing is sent)
     */
    public RequestToken requestToken(String callback) {
        if (callback == null || callback.isBlank()) {
            throw new FlickrArgumentException("login", "no callback: give the URL the authorize page sends the user"
                    + " back to, or \"oob\" to have Flickr show the verifier");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_callback", callback);
        Map<String, String> answer = exchange("request_token", params, consumer);
        String token = answer.get("oauth_token");
        String secret = answer.get("oauth_token_secret");
        if (token == null || secret == null) {
            throw new FlickrTransportException("The request_token answer from " + oauthBase
                    + " has no oauth_token or oauth_token_secret", 200, true, null);
        }
        return new RequestToken(token, secret, callback);
    }

    /** Step 2: the page where the user allows the access; send them there (a browser, a link). */
    public String authorizeUrl(RequestToken requestToken, Permission permission) {
        if (permission == Permission.NONE) {
            throw new FlickrArgumentException("login", "ask for read, write or delete permission, not none");
        }
        return oauthBase + "authorize?oauth_token=" + Percent.encode(requestToken.token()) + "&perms=" + permission.word();
    }

    /**
     * Step 3: exchanges the verifier the authorize page handed back for the user's access token.
     *
     * @param permission the permission asked for in step 2 (Flickr's answer does not repeat it)
     */
    public AccessToken accessToken(RequestToken requestToken, String verifier, Permission permission) {
        if (verifier == null || verifier.isBlank()) {
            throw new FlickrArgumentException("login", "no verifier given: it comes back from the authorize page");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_verifier", verifier.strip());
        Map<String, String> answer = exchange("access_token", params,
                new Credentials(consumer.apiKey(), consumer.secret(), requestToken.token(), requestToken.secret()));
        String token = answer.get("oauth_token");
        String secret = answer.get("oauth_token_secret");
        String nsid = answer.get("user_nsid");
        if (token == null || secret == null || nsid == null) {
            throw new FlickrTransportException("The access_token answer from " + oauthBase
                    + " lacks oauth_token, oauth_token_secret or user_nsid", 200, true, null);
        }
        return new AccessToken(token, secret, nsid, answer.getOrDefault("username", nsid),
                answer.getOrDefault("fullname", ""), permission);
    }

    private Map<String, String> exchange(String step, Map<String, String> params, Credentials credentials) {
        String url = oauthBase + step;
        Map<String, String> signed = signer.sign("GET", url, params, credentials);
        String label = "the OAuth " + step + " step";
        return transport.send(label, "GET", url, signed, readTimeout, callTimeout, HttpTransport.DEFAULT_MAX_BYTES,
                new FormReader(label, OAuth1Signer.baseString("GET", url, signed), SecretMask.of(credentials, signed)));
    }

    /**
     * Reads a login step's form answer. Text quoted from it into a message has the step's signature,
     * tokens and secrets hidden.
     */
    private static final class FormReader implements HttpAnswer.Reader<Map<String, String>> {
        private final String label;
        private final String ourBase;
        private final SecretMask mask;

        FormReader(String label, String ourBase, SecretMask mask) {
            this.label = label;
            this.ourBase = ourBase;
            this.mask = mask;
        }

        @Override
        public Map<String, String> read(HttpAnswer answer) throws IOException {
            String body = new String(answer.body().readNBytes(MAX_ANSWER), StandardCharsets.UTF_8).strip();
            if (body.contains("oauth_problem=")) {
                throw org.flickrdynamic.response.OAuthProblem.explain(label, answer.status(), body, ourBase, mask);
            }
            if (answer.status() != 200) {
                String shown = mask.hide(body);
                throw new FlickrTransportException("HTTP " + answer.status() + " in " + label + "; the body starts: "
                        + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown), answer.status(),
                        answer.status() >= 500, null);
            }
            return form(label, body);
        }

        @Override
        public String hide(String quoted) {
            return mask.hide(quoted);
        }
    }

    /**
     * Decodes {@code a=b&c=d}. A bad percent-escape makes the answer unusable; the message names the field
     * but never quotes it, as the answer carries a token secret.
     */
    static Map<String, String> form(String label, String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = decode(label, pair.substring(0, eq), "a field name");
                out.put(name, decode(label, pair.substring(eq + 1), "the value of " + name));
            }
        }
        return out;
    }

    private static String decode(String label, String encoded, String what) {
        try {
            return Percent.decode(encoded.replace('+', ' '));
        } catch (IllegalArgumentException e) {
            throw new FlickrTransportException("The answer to " + label + " is malformed: " + what
                    + " holds a bad percent-escape (" + e.getMessage() + "); its text is not shown, as it may hold"
                    + " a secret", 200, true, null);
        }
    }
}
