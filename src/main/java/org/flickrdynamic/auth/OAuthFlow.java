package org.flickrdynamic.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException.Kind;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.ClientAccess;
import org.flickrdynamic.internal.pipeline.Pipeline;
import org.flickrdynamic.internal.sign.Credentials;
import org.flickrdynamic.internal.sign.Percent;
import org.flickrdynamic.table.Permission;

/**
 * Flickr's OAuth 1.0a login, one plain method per step, for programs that run their own web flow:
 * get a request token, send the user to the authorize URL, exchange the verifier for an access token.
 * {@code Flickr.authorize(perms)} runs all three interactively. Obtain one with
 * {@code FlickrClient.oauth()}.
 */
public final class OAuthFlow {
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
    private final Pipeline pipeline;

    /**
     * The steps of a client's login, signed with its key and secret and sent through its request path (its
     * pool, timeouts, size cap, retries and rate limit) to its OAuth endpoints. {@code FlickrClient.oauth()}
     * makes one the same way.
     *
     * @param client the client whose key and secret log in
     * @throws FlickrArgumentException when the key or the secret is missing
     */
    public OAuthFlow(FlickrClient client) {
        this(client.apiKey(), client.secret(), client.endpoints().oauth(), ClientAccess.get().pipeline(client));
    }

    private OAuthFlow(String apiKey, String secret, String oauthBase, Pipeline pipeline) {
        if (apiKey == null || secret == null) {
            throw new FlickrArgumentException("login", java.util.List.of("logging in needs the API key and its secret:"
                    + " set both on the client, or in FLICKR_API_KEY and FLICKR_API_SECRET"),
                    java.util.Set.of(FlickrArgumentException.API_KEY, FlickrArgumentException.SECRET));
        }
        this.consumer = new Credentials(apiKey, secret, null, null);
        this.oauthBase = oauthBase.endsWith("/") ? oauthBase : oauthBase + "/";
        this.pipeline = pipeline;
    }

    /**
     * Step 1: asks Flickr for a request token.
     *
     * @param callback the URL the authorize page sends the user back to, or {@code oob} to have Flickr show
     *                 the verifier for the user to type
     * @return the request token
     * @throws FlickrArgumentException when there is no callback (nothing is sent)
     */
    public RequestToken requestToken(String callback) {
        if (callback == null || callback.isBlank()) {
            throw new FlickrArgumentException("login", "no callback: give the URL the authorize page sends the user"
                    + " back to, or \"oob\" to have Flickr show the verifier");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_callback", callback);
        // Asking again only makes another request token, which expires unused: a read.
        Map<String, String> answer = exchange("request_token", params, consumer, true);
        String token = answer.get("oauth_token");
        String secret = answer.get("oauth_token_secret");
        if (token == null || secret == null) {
            throw new FlickrTransportException("The request_token answer from " + oauthBase
                    + " has no oauth_token or oauth_token_secret", Kind.NOT_FLICKR, 200, null);
        }
        return new RequestToken(token, secret, callback);
    }

    /**
     * Step 2: the page where the user allows the access; send them there (a browser, a link).
     *
     * @param requestToken the request token of step 1
     * @param permission the permission asked for in step 2 (Flickr's answer does not repeat it)
     * @return the page's URL
     */
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
     * @param requestToken the request token of step 1
     * @param verifier the verifier Flickr gave the user (or the callback)
     * @return the user's access token
     */
    public AccessToken accessToken(RequestToken requestToken, String verifier, Permission permission) {
        if (verifier == null || verifier.isBlank()) {
            throw new FlickrArgumentException("login", "no verifier given: it comes back from the authorize page");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_verifier", verifier.strip());
        // The verifier is used up by the first exchange that arrives: a write.
        Map<String, String> answer = exchange("access_token", params,
                new Credentials(consumer.apiKey(), consumer.secret(), requestToken.token(), requestToken.secret()), false);
        String token = answer.get("oauth_token");
        String secret = answer.get("oauth_token_secret");
        String nsid = answer.get("user_nsid");
        if (token == null || secret == null || nsid == null) {
            throw new FlickrTransportException("The access_token answer from " + oauthBase
                    + " lacks oauth_token, oauth_token_secret or user_nsid", Kind.NOT_FLICKR, 200, null);
        }
        return new AccessToken(token, secret, nsid, answer.getOrDefault("username", nsid),
                answer.getOrDefault("fullname", ""), permission);
    }

    private Map<String, String> exchange(String step, Map<String, String> params, Credentials credentials,
                                         boolean read) {
        return pipeline.execute(pipeline.prepareLoginStep("the OAuth " + step + " step", oauthBase + step, params,
                credentials, read));
    }
}
