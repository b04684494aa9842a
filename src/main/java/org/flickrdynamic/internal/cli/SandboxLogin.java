package org.flickrdynamic.internal.cli;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.internal.EnvironmentRateLimit;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;

/**
 * The client {@code bin/flickr --sandbox} calls with: the sandbox's key and secret, and the login stored
 * for the sandbox ({@code flickr --sandbox auth login}); without one, a token of the first sandbox user
 * with delete permission, so that every method works with no set-up; anonymous, no token at all.
 * {@code FLICKR_RATE_LIMIT} holds here too, so a script's limit can be tried on the sandbox.
 */
final class SandboxLogin {
    private SandboxLogin() {
    }

    static FlickrClient client(Sandbox sandbox, boolean anonymous) {
        FlickrClientBuilder b = EnvironmentRateLimit.apply(FlickrClient.builder().baseUrl(sandbox.baseUrl())
                .apiKey(sandbox.apiKey()).secret(sandbox.secret()));
        if (anonymous) {
            return b.build();
        }
        AccessToken stored = TokenStore.standard().current(sandbox.apiKey()).orElse(null);
        if (stored != null) {
            return Clients.withLogin(b, stored).build();
        }
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.DELETE);
        return b.token(token.token(), token.tokenSecret()).build();
    }
}
