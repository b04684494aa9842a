package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dom4j.Element;
import org.flickrdynamic.internal.cli.FlickrCommand;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client holding a user's token makes every call as that user, in both signing schemes; anonymity is asked for. */
class ActingAsUserTest {
    private Sandbox sandbox;
    private SandboxToken token;
    private String owner;
    private String privatePhoto;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        owner = sandbox.users().get(0).nsid();
        token = sandbox.issueToken(owner, Permission.READ);
        try (FlickrClient me = user(Signing.OAUTH1)) {
            // privacy_filter=5: completely private; only the owner's signed call lists them.
            Element photos = me.call("people.getPhotos", "user_id", owner, "privacy_filter", 5, "per_page", 1)
                    .element("photos");
            privatePhoto = photos.element("photo").attributeValue("id");
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private FlickrClient user(Signing signing) {
        return FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .signing(signing).token(token.token(), signing == Signing.OAUTH1 ? token.tokenSecret() : null).build();
    }

    private RecordedRequest last() {
        var all = sandbox.requests();
        return all.get(all.size() - 1);
    }

    @Test
    void oauthClientWithATokenSignsAReadTheTableLetsGoUnsigned() {
        try (FlickrClient me = user(Signing.OAUTH1)) {
            Element info = me.call("photos.getInfo", "photo_id", privatePhoto).element("photo");
            assertEquals("0", info.element("visibility").attributeValue("ispublic"));
            assertEquals(token.token(), last().param("oauth_token"));
            assertNotNull(last().param("oauth_signature"));
        }
    }

    @Test
    void legacyClientWithATokenSendsItsAuthTokenAndSignature() {
        try (FlickrClient me = user(Signing.LEGACY_MD5)) {
            me.call("photos.getInfo", "photo_id", privatePhoto);
            assertEquals(token.token(), last().param("auth_token"));
            assertNotNull(last().param("api_sig"));
        }
    }

    @Test
    void ownerSeesEveryPhotoThatAnonymousCallsMiss() {
        try (FlickrClient me = user(Signing.OAUTH1);
             FlickrClient anonymous = me.newBuilder().anonymous().build()) {
            int mine = total(me.call("people.getPhotos", "user_id", owner, "per_page", 1));
            int everyone = total(anonymous.call("people.getPhotos", "user_id", owner, "per_page", 1));
            assertNull(last().param("oauth_signature"), "an anonymous client sends nothing of the user's");
            assertTrue(mine > everyone, mine + " photos for the owner, " + everyone + " for everyone");
            FlickrApiException hidden = assertThrows(FlickrApiException.class,
                    () -> anonymous.call("photos.getInfo", "photo_id", privatePhoto));
            assertEquals(1, hidden.code());
        }
    }

    @Test
    void signedOnAClientWithoutATokenStillSignsEveryCall() {
        try (FlickrClient signer = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                .secret(sandbox.secret()).signed(true).build()) {
            signer.call("photos.search", "tags", "cat");
            assertNotNull(last().param("oauth_signature"));
            assertNull(last().param("oauth_token"));
        }
    }

    @Test
    void commandLineAnonymousOptionLeavesTheSandboxLoginOut(@TempDir Path home) throws Exception {
        String before = System.getProperty("flickrdynamic.home");
        System.setProperty("flickrdynamic.home", home.toString());
        try {
            Files.createDirectories(home);
            assertEquals(FlickrCommand.OK, run("--sandbox", "photos.search", "user_id=me", "per_page=1").code);
            Result anonymous = run("--sandbox", "--anonymous", "photos.search", "user_id=me", "per_page=1");
            assertEquals(FlickrCommand.FLICKR_ERROR, anonymous.code, anonymous.err);
        } finally {
            if (before == null) {
                System.clearProperty("flickrdynamic.home");
            } else {
                System.setProperty("flickrdynamic.home", before);
            }
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int total(Element rsp) {
        return Integer.parseInt(rsp.element("photos").attributeValue("total"));
    }
}
