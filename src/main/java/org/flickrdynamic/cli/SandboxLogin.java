package org.flickrdynamic.cli;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;

/** The client {@code bin/flickr --sandbox} calls with: the sandbox's key and secret, logged in as its first user. */
final class SandboxLogin {
    private SandboxLogin() {
    }

    static FlickrClient client(Sandbox sandbox) {
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.DELETE);
        return FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(token.token(), token.tokenSecret()).build();
    }
}
