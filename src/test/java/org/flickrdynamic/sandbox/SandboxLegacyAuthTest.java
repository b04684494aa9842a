package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dom4j.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The retired frob login against the sandbox: getFrob, the login page, getToken, checkToken. */
class SandboxLegacyAuthTest {
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
        sandbox.refuseAuthorization(false);
        sandbox.approveAs(sandbox.users().get(0).nsid());
    }

    private static String frob() throws Exception {
        Element rsp = http.rest(http.legacy(http.call("flickr.auth.getFrob")));
        assertEquals("ok", rsp.attributeValue("stat"), rsp.asXML());
        return rsp.elementText("frob");
    }

    /** The login page's URL parameters, signed as the legacy spec asks. */
    private static Map<String, String> loginLink(String frob, String perms) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("api_key", sandbox.apiKey());
        p.put("perms", perms);
        p.put("frob", frob);
        return http.legacy(p);
    }

    private static Element getToken(String frob) throws Exception {
        return http.rest(http.legacy(http.call("flickr.auth.getToken", "frob", frob)));
    }

    private static void assertFail(int code, Element rsp) {
        assertEquals("fail", rsp.attributeValue("stat"), rsp.asXML());
        assertEquals(Integer.toString(code), rsp.element("err").attributeValue("code"), rsp.asXML());
    }

    @Test
    void theWholeFrobFlow() throws Exception {
        assertFail(97, http.rest(http.call("flickr.auth.getFrob")));
        String frob = frob();
        assertFail(108, getToken(frob));

        Map<String, String> bad = loginLink(frob, "write");
        bad.put("api_sig", "0123456789abcdef0123456789abcdef");
        HttpResponse<String> refused = http.get("services/auth/", bad);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("signature"), refused.body());

        HttpResponse<String> page = http.get("services/auth/", loginLink(frob, "write"));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("close this window"), page.body());

        Element auth = getToken(frob).element("auth");
        SandboxUser first = sandbox.users().get(0);
        String token = auth.elementText("token");
        assertEquals("write", auth.elementText("perms"));
        assertEquals(first.nsid(), auth.element("user").attributeValue("nsid"));
        assertEquals(first.username(), auth.element("user").attributeValue("username"));
        assertEquals(first.realname(), auth.element("user").attributeValue("fullname"));
        assertFail(108, getToken(frob));

        Element check = http.rest(http.legacy(http.call("flickr.auth.checkToken", "auth_token", token))).element("auth");
        assertEquals(token, check.elementText("token"));
        assertEquals("write", check.elementText("perms"));
        assertEquals(first.nsid(), check.element("user").attributeValue("nsid"));
        assertEquals(first.nsid(), http.rest(http.legacy(http.call("flickr.test.login", "auth_token", token)))
                .element("user").attributeValue("id"));
        assertFail(99, http.rest(http.legacy(http.call("flickr.photos.delete", "photo_id", "1", "auth_token", token))));
        assertFail(97, http.rest(http.call("flickr.auth.checkToken", "auth_token", token)));
    }

    @Test
    void unknownFrobsAndTokensAreRefused() throws Exception {
        assertFail(108, getToken("72157-never-issued"));
        assertEquals(400, http.get("services/auth/", loginLink("72157-never-issued", "read")).statusCode());
        assertFail(98, http.rest(http.legacy(http.call("flickr.auth.checkToken", "auth_token", "72157-forged"))));
        Map<String, String> wrongKey = loginLink(frob(), "read");
        wrongKey.put("api_key", "someone-else");
        assertEquals(400, http.get("services/auth/", http.legacy(wrongKey)).statusCode());
    }

    @Test
    void refusalAndAnotherUser() throws Exception {
        String frob = frob();
        sandbox.refuseAuthorization(true);
        HttpResponse<String> declined = http.get("services/auth/", loginLink(frob, "read"));
        assertEquals(403, declined.statusCode());
        assertTrue(declined.body().contains("declined"), declined.body());
        assertFail(108, getToken(frob));

        sandbox.refuseAuthorization(false);
        SandboxUser third = sandbox.users().get(2);
        sandbox.approveAs(third.nsid());
        assertEquals(200, http.get("services/auth/", loginLink(frob, "delete")).statusCode());
        Element auth = getToken(frob).element("auth");
        assertEquals(third.nsid(), auth.element("user").attributeValue("nsid"));
        assertEquals("delete", auth.elementText("perms"));
        sandbox.revokeToken(auth.elementText("token"));
        assertFail(98, http.rest(http.legacy(http.call("flickr.auth.checkToken", "auth_token", auth.elementText("token")))));
    }
}
