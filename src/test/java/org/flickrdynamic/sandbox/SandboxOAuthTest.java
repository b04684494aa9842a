package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dom4j.Element;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OAuth 1.0a login against the sandbox, spoken by hand over the JDK's HTTP client. */
class SandboxOAuthTest {
    private static final String REQUEST = "services/oauth/request_token";
    private static final String AUTHORIZE = "services/oauth/authorize";
    private static final String ACCESS = "services/oauth/access_token";
    private static final String CALLBACK = "http://127.0.0.1:9/callback?state=abc";
    private static final Pattern VERIFIER = Pattern.compile("id=\"verifier\">([0-9a-f]+)<");

    private static Sandbox sandbox;
    private static AuthHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new AuthHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void reset() {
        sandbox.approveAs(sandbox.users().get(0).nsid());
        sandbox.refuseAuthorization(false);
        sandbox.clock(Clock.systemUTC());
    }

    /** Step 1: a request token and its secret, for a callback URL or {@code oob}. */
    private static Map<String, String> requestToken(String callback) throws Exception {
        HttpResponse<String> r = http.post(REQUEST, http.oauth("POST", REQUEST, Map.of("oauth_callback", callback), null, null));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("oauth_callback_confirmed=true&oauth_token="), r.body());
        return AuthHttp.parseForm(r.body());
    }

    /** Step 2 with a callback URL: the redirect's verifier. */
    private static String authorize(String token, String perms) throws Exception {
        HttpResponse<String> r = http.get(AUTHORIZE, perms == null ? Map.of("oauth_token", token)
                : Map.of("oauth_token", token, "perms", perms));
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "&oauth_token="), location);
        Map<String, String> q = AuthHttp.parseForm(location.substring(location.indexOf('?') + 1));
        assertEquals(token, q.get("oauth_token"));
        assertEquals("abc", q.get("state"));
        return q.get("oauth_verifier");
    }

    /** Step 3: the access token exchange. */
    private static HttpResponse<String> access(Map<String, String> rt, String verifier) throws Exception {
        return http.get(ACCESS, http.oauth("GET", ACCESS, Map.of("oauth_verifier", verifier),
                rt.get("oauth_token"), rt.get("oauth_token_secret")));
    }

    private static Map<String, String> login(String perms) throws Exception {
        Map<String, String> rt = requestToken(CALLBACK);
        HttpResponse<String> r = access(rt, authorize(rt.get("oauth_token"), perms));
        assertEquals(200, r.statusCode(), r.body());
        return AuthHttp.parseForm(r.body());
    }

    private static Element restAs(Map<String, String> at, String method, String... kv) throws Exception {
        return http.rest(http.oauth("GET", "services/rest/", http.call(method, kv), at.get("oauth_token"),
                at.get("oauth_token_secret")));
    }

    private static void assertFail(int code, Element rsp) {
        assertEquals("fail", rsp.attributeValue("stat"), rsp.asXML());
        assertEquals(Integer.toString(code), rsp.element("err").attributeValue("code"), rsp.asXML());
    }

    @Test
    void theWholeDanceWithACallbackUrl() throws Exception {
        Map<String, String> rt = requestToken(CALLBACK);
        String verifier = authorize(rt.get("oauth_token"), "write");
        HttpResponse<String> r = access(rt, verifier);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("fullname=Cal%20Henderson&oauth_token="), r.body());
        Map<String, String> at = AuthHttp.parseForm(r.body());
        SandboxUser first = sandbox.users().get(0);
        assertEquals(first.nsid(), at.get("user_nsid"));
        assertEquals(first.username(), at.get("username"));
        assertEquals(first.realname(), at.get("fullname"));
        assertTrue(at.get("oauth_token").startsWith("72157-"), at.get("oauth_token"));

        Element login = restAs(at, "flickr.test.login");
        assertEquals(first.nsid(), login.element("user").attributeValue("id"));
        assertFail(99, restAs(at, "flickr.photos.delete", "photo_id", "1"));
        Element check = restAs(at, "flickr.auth.oauth.checkToken", "oauth_token", at.get("oauth_token")).element("oauth");
        assertEquals("write", check.elementText("perms"));
        assertEquals(at.get("oauth_token"), check.elementText("token"));
        assertEquals(first.username(), check.element("user").attributeValue("username"));
        assertEquals(first.realname(), check.element("user").attributeValue("fullname"));
    }

    @Test
    void outOfBandShowsTheVerifierAndPermsDefaultToRead() throws Exception {
        Map<String, String> rt = requestToken("oob");
        HttpResponse<String> page = http.get(AUTHORIZE, Map.of("oauth_token", rt.get("oauth_token")));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Matcher m = VERIFIER.matcher(page.body());
        assertTrue(m.find(), page.body());
        HttpResponse<String> r = access(rt, m.group(1));
        assertEquals(200, r.statusCode(), r.body());
        Map<String, String> at = AuthHttp.parseForm(r.body());
        assertEquals("read", restAs(at, "flickr.auth.oauth.checkToken", "oauth_token", at.get("oauth_token"))
                .element("oauth").elementText("perms"));
        assertFail(99, restAs(at, "flickr.photos.addTags", "photo_id", "1", "tags", "x"));
    }

    @Test
    void aWrongVerifierIsRefusedAndTheRightOneStillWorks() throws Exception {
        Map<String, String> rt = requestToken(CALLBACK);
        String verifier = authorize(rt.get("oauth_token"), "read");
        HttpResponse<String> wrong = access(rt, "0000000000000000");
        assertEquals(401, wrong.statusCode());
        assertEquals("oauth_problem=verifier_invalid", wrong.body());
        assertEquals(200, access(rt, verifier).statusCode());
    }

    @Test
    void aRequestTokenIsUsedOnceAndOnlyOnceAuthorized() throws Exception {
        Map<String, String> rt = requestToken(CALLBACK);
        HttpResponse<String> early = access(rt, "whatever");
        assertEquals(401, early.statusCode());
        assertEquals("oauth_problem=token_rejected", early.body());
        String verifier = authorize(rt.get("oauth_token"), "read");
        assertEquals(200, access(rt, verifier).statusCode());
        HttpResponse<String> again = access(rt, verifier);
        assertEquals(401, again.statusCode());
        assertEquals("oauth_problem=token_rejected", again.body());
        assertEquals(400, http.get(AUTHORIZE, Map.of("oauth_token", rt.get("oauth_token"))).statusCode());
    }

    @Test
    void tamperedSignaturesAreRefusedOnEveryEndpoint() throws Exception {
        Map<String, String> p = http.oauth("POST", REQUEST, Map.of("oauth_callback", "oob"), null, null);
        p.put("oauth_callback", CALLBACK);
        HttpResponse<String> r = http.post(REQUEST, p);
        assertEquals(401, r.statusCode());
        assertTrue(r.body().startsWith("oauth_problem=signature_invalid&debug_sbs=POST&"), r.body());
        assertFalse(r.body().contains(sandbox.secret()));

        Map<String, String> rt = requestToken(CALLBACK);
        String verifier = authorize(rt.get("oauth_token"), "read");
        Map<String, String> a = http.oauth("GET", ACCESS, Map.of("oauth_verifier", verifier), rt.get("oauth_token"),
                "not-the-request-token-secret");
        HttpResponse<String> forged = http.get(ACCESS, a);
        assertEquals(401, forged.statusCode());
        assertTrue(forged.body().startsWith("oauth_problem=signature_invalid&debug_sbs="), forged.body());
        assertFalse(forged.body().contains(rt.get("oauth_token_secret")));
        assertEquals(200, access(rt, verifier).statusCode(), "the forgery did not use the token up");

        Map<String, String> at = login("read");
        Map<String, String> rest = http.oauth("GET", "services/rest/", http.call("flickr.test.login"), at.get("oauth_token"),
                at.get("oauth_token_secret"));
        rest.put("method", "flickr.test.echo");
        HttpResponse<String> restForged = http.get("services/rest/", rest);
        assertEquals(401, restForged.statusCode());
        assertTrue(restForged.body().startsWith("oauth_problem=signature_invalid"), restForged.body());
    }

    @Test
    void unknownConsumerAndMissingCallbackAreRefused() throws Exception {
        Map<String, String> p = http.oauth("POST", REQUEST, Map.of("oauth_callback", "oob"), null, null);
        p.put("oauth_consumer_key", "someone-else");
        HttpResponse<String> r = http.post(REQUEST, p);
        assertEquals(401, r.statusCode());
        assertEquals("oauth_problem=consumer_key_unknown", r.body());
        HttpResponse<String> noCallback = http.post(REQUEST, http.oauth("POST", REQUEST, Map.of(), null, null));
        assertEquals(400, noCallback.statusCode());
        assertEquals("oauth_problem=parameter_absent&oauth_parameters_absent=oauth_callback", noCallback.body());
        HttpResponse<String> viaGet = http.get(REQUEST, http.oauth("GET", REQUEST, Map.of("oauth_callback", "oob"), null, null));
        assertEquals(200, viaGet.statusCode(), viaGet.body());
    }

    @Test
    void aReplayedNonceIsRefused() throws Exception {
        Map<String, String> at = login("read");
        Map<String, String> p = http.oauth("GET", "services/rest/", http.call("flickr.test.login"), at.get("oauth_token"),
                at.get("oauth_token_secret"));
        assertEquals(200, http.get("services/rest/", p).statusCode());
        HttpResponse<String> replay = http.get("services/rest/", p);
        assertEquals(401, replay.statusCode());
        assertEquals("oauth_problem=nonce_used", replay.body());

        Map<String, String> rtRequest = http.oauth("POST", REQUEST, Map.of("oauth_callback", "oob"), null, null);
        assertEquals(200, http.post(REQUEST, rtRequest).statusCode());
        assertEquals("oauth_problem=nonce_used", http.post(REQUEST, rtRequest).body());
    }

    @Test
    void aTimestampOutsideTenMinutesIsRefused() throws Exception {
        long old = System.currentTimeMillis() / 1000 - 11 * 60;
        Map<String, String> p = http.oauth("GET", "services/rest/", http.call("flickr.test.echo"), null, null);
        p.put("oauth_timestamp", Long.toString(old));
        http.resign("GET", "services/rest/", p, null);
        HttpResponse<String> r = http.get("services/rest/", p);
        assertEquals(401, r.statusCode());
        assertTrue(r.body().startsWith("oauth_problem=timestamp_refused"), r.body());
        p.put("oauth_timestamp", Long.toString(old + 2 * 60));
        http.resign("GET", "services/rest/", p, null);
        assertEquals(200, http.get("services/rest/", p).statusCode(), "nine minutes old is still inside the window");
    }

    @Test
    void aRefusalShowsAPageAndNoVerifier() throws Exception {
        Map<String, String> rt = requestToken(CALLBACK);
        sandbox.refuseAuthorization(true);
        HttpResponse<String> r = http.get(AUTHORIZE, Map.of("oauth_token", rt.get("oauth_token"), "perms", "write"));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("declined"), r.body());
        assertFalse(r.body().contains("id=\"verifier\""), r.body());
        assertTrue(r.headers().firstValue("Location").isEmpty());
        assertEquals("oauth_problem=token_rejected", access(rt, "x").body());
        assertEquals(400, http.get(AUTHORIZE, Map.of("oauth_token", "72157-unknown")).statusCode());
    }

    @Test
    void approveAsAnotherUser() throws Exception {
        SandboxUser second = sandbox.users().get(1);
        sandbox.approveAs(second.nsid());
        Map<String, String> at = login("delete");
        assertEquals(second.nsid(), at.get("user_nsid"));
        assertEquals(second.username(), at.get("username"));
        assertEquals(second.nsid(), restAs(at, "flickr.test.login").element("user").attributeValue("id"));
    }

    @Test
    void aRevokedTokenIs98() throws Exception {
        Map<String, String> at = login("read");
        SandboxToken other = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        sandbox.revokeToken(at.get("oauth_token"));
        assertFail(98, restAs(at, "flickr.test.login"));
        assertFail(98, http.rest(http.legacy(http.call("flickr.test.login", "auth_token", at.get("oauth_token")))));
        assertEquals("ok", http.rest(http.oauth("GET", "services/rest/", http.call("flickr.test.login"), other.token(),
                other.tokenSecret())).attributeValue("stat"), "another token of the same user still works");
    }

    @Test
    void tokensSurviveARestart() throws Exception {
        Map<String, String> at = login("write");
        SandboxToken issued = sandbox.issueToken(sandbox.users().get(2).nsid(), Permission.DELETE);
        try (Sandbox later = Sandbox.start()) {
            AuthHttp laterHttp = new AuthHttp(later);
            Element a = laterHttp.rest(laterHttp.oauth("GET", "services/rest/", laterHttp.call("flickr.test.login"),
                    at.get("oauth_token"), at.get("oauth_token_secret")));
            assertEquals(at.get("user_nsid"), a.element("user").attributeValue("id"));
            Element b = laterHttp.rest(laterHttp.legacy(laterHttp.call("flickr.auth.checkToken", "auth_token", issued.token())));
            assertEquals("delete", b.element("auth").elementText("perms"));
            assertEquals(issued.userNsid(), b.element("auth").element("user").attributeValue("nsid"));
        }
    }

    @Test
    void forgedTokensAreUnknown() throws Exception {
        SandboxToken real = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        String forged = real.token().replace("-read-", "-delete-");
        assertFail(98, http.rest(http.legacy(http.call("flickr.test.login", "auth_token", forged))));
        assertFalse(real.toString().contains(real.tokenSecret()));
    }

    @Test
    void requestTokensExpireAfterTenMinutes() throws Exception {
        Map<String, String> rt = requestToken(CALLBACK);
        sandbox.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)));
        HttpResponse<String> r = http.get(AUTHORIZE, Map.of("oauth_token", rt.get("oauth_token")));
        assertEquals(400, r.statusCode());
        assertNotNull(r.body());
    }
}
