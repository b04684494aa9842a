package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.assertFail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.internal.sign.OAuth1Signer;
import org.flickrdynamic.internal.sign.Percent;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each of the sandbox's checks over HTTP, with Flickr's codes, wording and order, against the bundled table. */
class GatekeeperTest {
    private static Sandbox sandbox;
    private static SandboxHttp http;
    private static SandboxToken reader;
    private static SandboxToken writer;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new SandboxHttp(sandbox);
        reader = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        writer = sandbox.issueToken(sandbox.users().get(1).nsid(), Permission.WRITE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void unknownMissingOrShortMethodIs112WithFlickrsMessage() throws Exception {
        assertFail(112, "Method \"flickr.photos.serach\" not found", http.rsp(http.call("flickr.photos.serach")));
        // Flickr needs the full name on the wire; the short form is only the client's convenience.
        assertFail(112, "Method \"photos.search\" not found", http.rsp(http.call("photos.search")));
        Map<String, String> none = new LinkedHashMap<>();
        none.put("api_key", sandbox.apiKey());
        assertFail(112, "Method \"\" not found", http.rsp(none));
    }

    @Test
    void methodIsCheckedBeforeTheKey() throws Exception {
        Map<String, String> p = http.call("flickr.nope");
        p.put("api_key", "wrong");
        assertFail(112, http.rsp(p));
    }

    @Test
    void wrongOrMissingKeyIs100() throws Exception {
        Map<String, String> p = http.call("flickr.test.echo");
        p.put("api_key", "not-the-key");
        assertFail(100, "Invalid API Key (Key has invalid format)", http.rsp(p));
        p.remove("api_key");
        assertFail(100, http.rsp(p));
    }

    @Test
    void keyIsAcceptedAsOauthConsumerKeyAloneButBothMustBeRight() throws Exception {
        Map<String, String> p = http.call("flickr.test.echo");
        p.remove("api_key");
        assertEquals("ok", http.rsp(http.oauth(p, null)).attributeValue("stat"));
        Map<String, String> mixed = http.call("flickr.test.echo");
        mixed.put("oauth_consumer_key", "other-key");
        assertFail(100, http.rsp(mixed));
    }

    @Test
    void goodOauthSignaturesPassWithAndWithoutToken() throws Exception {
        assertEquals("ok", http.rsp(http.oauth(http.call("flickr.test.echo"), null)).attributeValue("stat"));
        Element login = http.ok(http.oauth(http.call("flickr.test.login"), reader));
        assertEquals(reader.userNsid(), login.element("user").attributeValue("id"));
    }

    @Test
    void oauthOverPostSignsThePostVerb() throws Exception {
        Map<String, String> p = http.oauth("POST", sandbox.restUrl(), http.call("flickr.test.login"), reader);
        HttpResponse<String> r = http.post(p);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ok", SandboxHttp.parse(r.body()).attributeValue("stat"));
        // The same parameters signed for GET but sent as POST do not verify.
        assertEquals(401, http.post(http.oauth(http.call("flickr.test.login"), reader)).statusCode());
    }

    @Test
    void badOauthSignatureIs401WithTheServersBaseStringAsFlickrSendsIt() throws Exception {
        Map<String, String> p = http.oauth(http.call("flickr.test.login", "text", "a b&c=d"), reader);
        p.put("oauth_signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        HttpResponse<String> r = http.get(p);
        assertEquals(401, r.statusCode());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        String prefix = "oauth_problem=signature_invalid&debug_sbs=";
        assertTrue(r.body().startsWith(prefix), r.body());
        String expected = "GET&" + Percent.encode(sandbox.restUrl()) + "&" + Percent.encode(
                normalized(p));
        assertEquals(expected, r.body().substring(prefix.length()));
    }

    @Test
    void signatureWithAnotherTokensSecretIs401() throws Exception {
        Map<String, String> p = http.call("flickr.test.login");
        p.put("oauth_consumer_key", sandbox.apiKey());
        p.put("oauth_nonce", "x");
        p.put("oauth_timestamp", "1");
        p.put("oauth_signature_method", "HMAC-SHA1");
        p.put("oauth_version", "1.0");
        p.put("oauth_token", reader.token());
        p.put("oauth_signature", OAuth1Signer.signature(OAuth1Signer.baseString("GET", sandbox.restUrl(), p),
                sandbox.secret(), writer.tokenSecret()));
        assertEquals(401, http.get(p).statusCode());
    }

    @Test
    void anotherSignatureMethodIsRejected() throws Exception {
        Map<String, String> p = http.oauth(http.call("flickr.test.echo"), null);
        p.put("oauth_signature_method", "PLAINTEXT");
        HttpResponse<String> r = http.get(p);
        assertEquals(401, r.statusCode());
        assertEquals("oauth_problem=signature_method_rejected", r.body());
    }

    @Test
    void oauthInTheAuthorizationHeaderIsAccepted() throws Exception {
        Map<String, String> signed = http.oauth(http.call("flickr.test.login"), reader);
        StringBuilder header = new StringBuilder("OAuth realm=\"Flickr\"");
        Map<String, String> query = new LinkedHashMap<>();
        signed.forEach((k, v) -> {
            if (k.startsWith("oauth_")) {
                header.append(", ").append(k).append("=\"").append(Percent.encode(v)).append('"');
            } else {
                query.put(k, v);
            }
        });
        HttpResponse<String> r = SandboxHttp.HTTP.send(HttpRequest.newBuilder(
                URI.create(sandbox.restUrl() + "?" + SandboxHttp.form(query))).header("Authorization", header.toString())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(reader.userNsid(), SandboxHttp.parse(r.body()).element("user").attributeValue("id"), r.body());
    }

    @Test
    void theBaseStringNamesTheHostTheClientAddressed() throws Exception {
        String localhost = sandbox.restUrl().replace("127.0.0.1", "localhost");
        Map<String, String> p = http.oauth("GET", localhost, http.call("flickr.test.login"), reader);
        HttpResponse<String> r = SandboxHttp.HTTP.send(HttpRequest.newBuilder(
                URI.create(localhost + "?" + SandboxHttp.form(p))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void legacySignatureIsCheckedAndABadOneIs96() throws Exception {
        assertEquals("ok", http.rsp(http.legacy(http.call("flickr.test.login"), reader)).attributeValue("stat"));
        Map<String, String> p = http.legacy(http.call("flickr.test.login"), reader);
        p.put("api_sig", "0123456789abcdef0123456789abcdef");
        assertFail(96, "Invalid signature", http.rsp(p));
        Map<String, String> tampered = http.legacy(http.call("flickr.test.echo", "a", "1"), null);
        tampered.put("a", "2");
        assertFail(96, http.rsp(tampered));
    }

    @Test
    void unknownOrRevokedTokenIs98() throws Exception {
        SandboxToken forged = new SandboxToken("72157-forged", "secret", reader.userNsid(), "x", Permission.DELETE);
        assertFail(98, "Invalid auth token", http.rsp(http.legacy(http.call("flickr.test.login"), forged)));
        assertFail(98, "Invalid auth token", http.rsp(http.oauth(http.call("flickr.test.login"), forged)));
        SandboxToken doomed = sandbox.issueToken(reader.userNsid(), Permission.READ);
        assertEquals("ok", http.rsp(http.legacy(http.call("flickr.test.null"), doomed)).attributeValue("stat"));
        sandbox.revokeToken(doomed);
        assertFail(98, http.rsp(http.legacy(http.call("flickr.test.null"), doomed)));
    }

    @Test
    void unsignedCallsThatMustBeSignedAre97() throws Exception {
        assertFail(97, "Missing signature", http.rsp(http.call("flickr.auth.getFrob")));
        // A token is only honoured on a signed call.
        assertFail(97, http.rsp(http.call("flickr.test.login", "auth_token", reader.token())));
        assertFail(97, http.rsp(http.call("flickr.test.echo", "oauth_token", reader.token())));
    }

    @Test
    void loginAndPermissionsAre99InFlickrsWords() throws Exception {
        assertFail(99, "Insufficient permissions. Method requires read privileges; none granted.",
                http.rsp(http.oauth(http.call("flickr.test.login"), null)));
        assertFail(99, "Insufficient permissions. Method requires write privileges; read granted.",
                http.rsp(http.oauth(http.call("flickr.photos.addTags", "photo_id", "1", "tags", "x"), reader)));
        assertFail(99, "Insufficient permissions. Method requires delete privileges; write granted.",
                http.rsp(http.legacy(http.call("flickr.photos.delete", "photo_id", "1"), writer)));
        // Past the checks, the edit itself: the writer's own photo takes the tag.
        String own = http.ok(http.call("flickr.people.getPublicPhotos", "user_id", writer.userNsid(), "per_page", "1"))
                .element("photos").element("photo").attributeValue("id");
        assertEquals("ok", http.rsp(http.oauth(http.call("flickr.photos.addTags", "photo_id", own, "tags", "x"),
                writer)).attributeValue("stat"));
    }

    @Test
    void signatureIsCheckedBeforeLoginAndArguments() throws Exception {
        Map<String, String> p = http.legacy(http.call("flickr.photos.delete"), null);
        p.put("api_sig", "0".repeat(32));
        assertFail(96, http.rsp(p));
        assertFail(99, http.rsp(http.legacy(http.call("flickr.photos.delete"), null)));
    }

    @Test
    void missingRequiredArgumentsOfTheBundledTable() throws Exception {
        // people.getPhotos documents "1 Required arguments missing".
        SandboxToken own = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        assertFail(1, "Required arguments missing", http.rsp(http.oauth(http.call("flickr.people.getPhotos"), own)));
        // photos.getAllContexts documents "1 Photo not found", which fits a missing photo_id.
        assertFail(1, "Photo not found", http.rsp(http.call("flickr.photos.getAllContexts")));
        // galleries.getListForPhoto documents no error of its own: the generic answer names the argument.
        assertFail(1, "Required argument missing: photo_id", http.rsp(http.call("flickr.galleries.getListForPhoto")));
        // favorites.remove's codes 1-3 ("Photo not in favorites", ...) do not fit, so the generic answer takes code 4.
        assertFail(4, "Required argument missing: photo_id",
                http.rsp(http.oauth(http.call("flickr.favorites.remove"), writer)));
    }

    /** The normalized parameters of RFC 5849 §3.4.1.3.2, written out here apart from the signer's code. */
    private static String normalized(Map<String, String> params) {
        List<String[]> pairs = new ArrayList<>();
        params.forEach((k, v) -> {
            if (!k.equals("oauth_signature")) {
                pairs.add(new String[] {Percent.encode(k), Percent.encode(v)});
            }
        });
        pairs.sort(Comparator.<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1]));
        List<String> joined = new ArrayList<>();
        pairs.forEach(a -> joined.add(a[0] + "=" + a[1]));
        return String.join("&", joined);
    }
}
