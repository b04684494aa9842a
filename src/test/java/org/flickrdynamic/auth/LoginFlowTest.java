package org.flickrdynamic.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.Signing;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole logins against the sandbox through the real stack, OAuth and legacy. */
class LoginFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private Sandbox sandbox;
    private FlickrClient app;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        app = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret()).build();
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    private FlickrClient as(AccessToken t) {
        return app.newBuilder().token(t).signing(t.isLegacy() ? Signing.LEGACY_MD5 : Signing.OAUTH1).build();
    }

    @Test
    void oauthLoginWithTheLoopbackCallback() {
        AccessToken t = Login.oauth(app, Permission.WRITE, Browser.sandbox(), WAIT);
        assertEquals(sandbox.users().get(0).nsid(), t.userNsid());
        assertEquals(sandbox.users().get(0).username(), t.username());
        assertEquals(Permission.WRITE, t.permission());
        assertFalse(t.isLegacy());
        try (FlickrClient user = as(t)) {
            Element rsp = user.call("flickr.test.login");
            assertEquals(t.userNsid(), rsp.element("user").attributeValue("id"));
            Element check = user.call("flickr.auth.oauth.checkToken", "oauth_token", t.token());
            assertEquals("write", check.element("oauth").elementText("perms"));
            assertEquals(t.userNsid(), check.element("oauth").element("user").attributeValue("nsid"));
            FlickrArgumentException tooWeak = assertThrows(FlickrArgumentException.class,
                    () -> user.call("photos.delete", "photo_id", 1));
            assertTrue(tooWeak.getMessage().contains("needs delete permission, but the token of " + t.username()
                    + " has only write"), tooWeak.getMessage());
        }
        try (FlickrClient unknownPerms = app.newBuilder().token(t.token(), t.tokenSecret()).build()) {
            FlickrApiException e = assertThrows(FlickrApiException.class,
                    () -> unknownPerms.call("photos.delete", "photo_id", 1));
            assertEquals(99, e.code(), "the sandbox enforces the permission too");
        }
    }

    @Test
    void oauthStepByStepWithOob() throws Exception {
        OAuthFlow flow = app.oauth();
        OAuthFlow.RequestToken rt = flow.requestToken("oob");
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                flow.authorizeUrl(rt, Permission.READ))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("id=\"verifier\"[^>]*>\\s*([^<\\s]+)").matcher(page);
        assertTrue(m.find(), page);
        AccessToken t = flow.accessToken(rt, m.group(1), Permission.READ);
        try (FlickrClient user = as(t)) {
            assertEquals(t.userNsid(), user.call("test.login").element("user").attributeValue("id"));
        }
        assertFalse(rt.toString().contains(rt.secret()));
    }

    @Test
    void wrongVerifierIsRefusedWithAHint() throws Exception {
        OAuthFlow flow = app.oauth();
        OAuthFlow.RequestToken rt = flow.requestToken("oob");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(flow.authorizeUrl(rt, Permission.READ))).build(),
                HttpResponse.BodyHandlers.discarding());
        FlickrTransportException e = assertThrows(FlickrTransportException.class,
                () -> flow.accessToken(rt, "not-the-verifier", Permission.READ));
        assertTrue(e.getMessage().contains("oauth_problem=verifier_invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("start the login again"), e.getMessage());
        assertFalse(e.getMessage().contains(rt.secret()) || e.getMessage().contains(sandbox.secret()));
    }

    @Test
    void aWrongSecretExplainsItselfWithBothBaseStrings() {
        try (FlickrClient wrong = app.newBuilder().secret("not-the-secret").build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> wrong.oauth().requestToken("oob"));
            assertTrue(e.getMessage().contains("signature_invalid"), e.getMessage());
            assertTrue(e.getMessage().contains("the base strings are equal: the keys or secrets differ"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-secret"));
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aMalformedTokenAnswerIsATransportErrorThatQuotesNothing() throws Exception {
        try (org.flickrdynamic.testing.ScriptedServer server = new org.flickrdynamic.testing.ScriptedServer(
                org.flickrdynamic.testing.ScriptedServer.answer(200, "application/x-www-form-urlencoded",
                        "oauth_callback_confirmed=true&oauth_token=abc%zz&oauth_token_secret=TOKEN-SECRET-9"));
             FlickrClient client = FlickrClient.builder().baseUrl(server.restUrl().replace("services/rest/", ""))
                     .apiKey("k").secret("s").build()) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class,
                    () -> client.oauth().requestToken("oob"));
            assertTrue(e.getMessage().startsWith("The answer to the OAuth request_token step is malformed: the value"
                    + " of oauth_token holds a bad percent-escape"), e.getMessage());
            assertFalse(e.getMessage().contains("abc") || e.getMessage().contains("TOKEN-SECRET-9"), e.getMessage());
            // Asking for a request token is a read: a malformed answer is retried as any read's is (3 retries).
            assertEquals(4, server.received().size());
            assertEquals(FlickrTransportException.Kind.NOT_FLICKR, e.kind());
        }
    }

    @Test
    void aBadCallbackIsRefusedWithTheStatusTheServerGave() {
        FlickrTransportException e = assertThrows(FlickrTransportException.class,
                () -> app.oauth().requestToken("ftp://nowhere"));
        assertEquals(400, e.httpStatus(), e.getMessage());
        assertTrue(e.getMessage().contains("(HTTP 400, oauth_problem="), e.getMessage());
        int sent = sandbox.requests().size();
        FlickrArgumentException none = assertThrows(FlickrArgumentException.class, () -> app.oauth().requestToken(null));
        assertTrue(none.getMessage().contains("no callback"), none.getMessage());
        assertEquals(sent, sandbox.requests().size(), "nothing sent");
    }

    @Test
    void refusalAndAnotherUser() {
        sandbox.refuseAuthorization(true);
        FlickrArgumentException refused = assertThrows(FlickrArgumentException.class,
                () -> Login.oauth(app, Permission.READ, Browser.sandbox(), Duration.ofSeconds(3)));
        assertTrue(refused.getMessage().contains("403"), refused.getMessage());
        sandbox.refuseAuthorization(false);
        sandbox.approveAs(sandbox.users().get(2).nsid());
        assertEquals(sandbox.users().get(2).nsid(), Login.oauth(app, Permission.READ, Browser.sandbox(), WAIT).userNsid());
    }

    @Test
    void twoUsersAndTwoClientsNeverMixTokens() throws Exception {
        AccessToken alice = Login.oauth(app, Permission.READ, Browser.sandbox(), WAIT);
        sandbox.approveAs(sandbox.users().get(1).nsid());
        AccessToken bob = Login.oauth(app, Permission.READ, Browser.sandbox(), WAIT);
        assertNotEquals(alice.userNsid(), bob.userNsid());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (FlickrClient a = as(alice); FlickrClient b = as(bob)) {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean useA = i % 2 == 0;
                checks.add(pool.submit(() -> (useA ? a : b).call("test.login").element("user").attributeValue("id")
                        .equals(useA ? alice.userNsid() : bob.userNsid())));
            }
            for (Future<Boolean> f : checks) {
                assertTrue(f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRevokedTokenSaysToLogInAgain() {
        AccessToken t = Login.oauth(app, Permission.READ, Browser.sandbox(), WAIT);
        sandbox.revokeToken(t.token());
        try (FlickrClient user = as(t)) {
            FlickrApiException e = assertThrows(FlickrApiException.class, () -> user.call("test.login"));
            assertEquals(98, e.code());
            assertTrue(e.getMessage().contains("Log in again"), e.getMessage());
        }
    }

    @Test
    void aTokenOutlivesTheSandboxThatIssuedIt() {
        AccessToken t = Login.oauth(app, Permission.READ, Browser.sandbox(), WAIT);
        try (Sandbox restarted = Sandbox.start();
             FlickrClient user = FlickrClient.builder().baseUrl(restarted.baseUrl()).apiKey(restarted.apiKey())
                     .secret(restarted.secret()).token(t).build()) {
            assertEquals(t.userNsid(), user.call("test.login").element("user").attributeValue("id"));
        }
    }

    @Test
    void legacyFrobLogin() {
        AccessToken t = Login.legacy(app, Permission.DELETE, Browser.sandbox(), WAIT);
        assertTrue(t.isLegacy());
        assertEquals(Permission.DELETE, t.permission());
        try (FlickrClient user = as(t)) {
            assertEquals(t.userNsid(), user.call("test.login").element("user").attributeValue("id"));
            Element auth = user.call("flickr.auth.checkToken").element("auth");
            assertEquals("delete", auth.elementText("perms"));
            assertEquals(t, Login.token(auth));
        }
    }

    @Test
    void legacyLoginUrlIsSignedAndBesideTheOauthEndpoints() {
        String url = Login.loginUrl(app, "frob-1", Permission.WRITE);
        assertTrue(url.startsWith(sandbox.baseUrl() + "services/auth/?api_key=" + sandbox.apiKey()
                + "&perms=write&frob=frob-1&api_sig="), url);
        assertEquals("https://www.flickr.com/services/auth/", Login.legacyAuthBase("https://www.flickr.com/services/oauth/"));
    }

    @Test
    void facadeLoginIsStoredAndSurvivesARestart(@TempDir Path home) {
        String before = System.getProperty("flickrdynamic.home");
        System.setProperty("flickrdynamic.home", home.toString());
        FlickrClient previous = org.flickrdynamic.Flickr.client();
        try {
            org.flickrdynamic.Flickr.baseUrl(sandbox.baseUrl());
            org.flickrdynamic.Flickr.currentApiKey(sandbox.apiKey());
            org.flickrdynamic.Flickr.currentSecKey(sandbox.secret());
            AccessToken t = org.flickrdynamic.Flickr.authorize("write", Browser.sandbox());
            assertEquals(t.userNsid(), org.flickrdynamic.Flickr.call("test.login").element("user").attributeValue("id"));
            assertEquals(t, TokenStore.standard().current(sandbox.apiKey()).orElseThrow(), "stored on disk");
            org.flickrdynamic.Flickr.currentToken(null, null);
            org.flickrdynamic.Flickr.currentApiKey(sandbox.apiKey()); // as a new JVM would: the key loads the login
            assertEquals(t.token(), org.flickrdynamic.Flickr.currentToken());
            assertEquals(List.of(t), org.flickrdynamic.Flickr.users());
            org.flickrdynamic.Flickr.logout();
            assertEquals(null, org.flickrdynamic.Flickr.currentToken());
            assertTrue(TokenStore.standard().current(sandbox.apiKey()).isEmpty());
            assertThrows(FlickrArgumentException.class, () -> org.flickrdynamic.Flickr.authorize("admin"));
        } finally {
            org.flickrdynamic.Flickr.endpoints(previous.endpoints());
            org.flickrdynamic.Flickr.currentApiKey(previous.apiKey());
            org.flickrdynamic.Flickr.currentSecKey(previous.secret());
            org.flickrdynamic.Flickr.currentToken(null, null);
            if (before == null) {
                System.clearProperty("flickrdynamic.home");
            } else {
                System.setProperty("flickrdynamic.home", before);
            }
        }
    }

    @Test
    void aClientsLoginsAreKeptAndChosenWithoutTheFacade(@TempDir Path home) {
        String before = System.getProperty("flickrdynamic.home");
        System.setProperty("flickrdynamic.home", home.toString());
        try {
            AccessToken t = Login.authorize(app, "write", Browser.sandbox());
            try (FlickrClient asUser = app.newBuilder().token(t).build()) {
                assertEquals(t.userNsid(), asUser.call("test.login").element("user").attributeValue("id"));
            }
            assertEquals(List.of(t), Login.users(app));
            assertEquals(t, Login.useUser(app, t.username()));
            FlickrArgumentException nobody = assertThrows(FlickrArgumentException.class, () -> Login.useUser(app, "carol"));
            assertTrue(nobody.getMessage().contains("no user carol is logged in with API key " + sandbox.apiKey()),
                    nobody.getMessage());
            Login.logout(app);
            assertTrue(Login.users(app).isEmpty());
            FlickrArgumentException admin = assertThrows(FlickrArgumentException.class,
                    () -> Login.authorize(app, "admin", Browser.sandbox()));
            assertTrue(admin.getMessage().contains("permission 'admin' is not read, write or delete"), admin.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("flickrdynamic.home");
            } else {
                System.setProperty("flickrdynamic.home", before);
            }
        }
    }
}
