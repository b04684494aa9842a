package org.flickrdynamic.sandbox;

import java.util.Map;

/**
 * {@code flickr.auth.checkToken} (legacy, {@code auth_token}) and {@code flickr.auth.oauth.checkToken}
 * ({@code oauth_token}, or the legacy token of a call signed the old way): the user and permission behind a token, in Flickr's format. A token the sandbox
 * did not mint, or revoked, is 98.
 */
final class TokenRoutes {
    private TokenRoutes() {
    }

    static void register(Map<String, Route> routes, DataSet data, TokenMint mint) {
        routes.put("flickr.auth.checkToken", (request, params) -> {
            // Signed with api_sig, the gatekeeper has read auth_token already; signed with OAuth, the
            // token checked is the one named as auth_token if any, else the request's OAuth token.
            String named = params.get("auth_token");
            SandboxToken token = named != null ? mint.open(named) : request.token();
            return describe("auth", known(token), data.user(known(token).userNsid()));
        });
        routes.put("flickr.auth.oauth.checkToken", (request, params) -> {
            // The OAuth token the call is signed with; a legacy-signed call is answered for its auth_token.
            String named = params.get("oauth_token");
            SandboxToken token = known(named != null ? mint.open(named) : request.token());
            return describe("oauth", token, data.user(token.userNsid()));
        });
    }

    private static SandboxToken known(SandboxToken token) {
        if (token == null) {
            throw new Fail(98, "Invalid auth token");
        }
        return token;
    }

    /** {@code <auth>} or {@code <oauth>}: token, perms and user, as checkToken and getToken answer. */
    static String describe(String element, SandboxToken token, SandboxUser user) {
        return new Xml(256).open(element).body()
                .element("token", token.token())
                .element("perms", token.permission().word())
                .open("user").attr("nsid", user.nsid()).attr("username", user.username())
                .attr("fullname", user.realname()).end()
                .close(element).toString();
    }
}
