package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.sign.LegacyMd5Signer;
import org.flickrdynamic.sign.OAuth1Signer;
import org.flickrdynamic.sign.Percent;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox spoken to over plain HTTP with the JDK's own client, not this library's. */
class SandboxTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Sandbox sandbox;
    private static SandboxToken reader;
    private static SandboxToken writer;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        reader = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        writer = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.WRITE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(Percent.encode(k)).append('=')
                .append(Percent.encode(v)));
        return sb.toString();
    }

    private static HttpResponse<String> get(Map<String, String> params) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.restUrl() + "?" + form(params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Element rsp(Map<String, String> params) throws Exception {
        HttpResponse<String> r = get(params);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        return parse(r.body());
    }

    private static Element parse(String xml) throws DocumentException {
        Document d = new SAXReader().read(new StringReader(xml));
        return d.getRootElement();
    }

    private static Map<String, String> call(String method, String... kv) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", method);
        p.put("api_key", sandbox.apiKey());
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static Map<String, String> oauth(Map<String, String> p, SandboxToken token) {
        Map<String, String> s = new LinkedHashMap<>(p);
        s.put("oauth_consumer_key", sandbox.apiKey());
        s.put("oauth_nonce", "n" + System.nanoTime());
        s.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        s.put("oauth_signature_method", "HMAC-SHA1");
        s.put("oauth_version", "1.0");
        if (token != null) {
            s.put("oauth_token", token.token());
        }
        s.put("oauth_signature", OAuth1Signer.signature(OAuth1Signer.baseString("GET", sandbox.restUrl(), s),
                sandbox.secret(), token == null ? "" : token.tokenSecret()));
        return s;
    }

    private static Map<String, String> legacy(Map<String, String> p, SandboxToken token) {
        Map<String, String> s = new LinkedHashMap<>(p);
        if (token != null) {
            s.put("auth_token", token.token());
        }
        s.put("api_sig", LegacyMd5Signer.apiSig(sandbox.secret(), s));
        return s;
    }

    private static void assertFail(int code, Element rsp) {
        assertEquals("fail", rsp.attributeValue("stat"), rsp.asXML());
        assertEquals(Integer.toString(code), rsp.element("err").attributeValue("code"), rsp.asXML());
    }

    @Test
    void echoReturnsEveryParameterButSignatures() throws Exception {
        Element rsp = rsp(oauth(call("flickr.test.echo", "foo", "bar & <baz>", "emoji", "😀"), null));
        assertEquals("ok", rsp.attributeValue("stat"));
        assertEquals("bar & <baz>", rsp.elementText("foo"));
        assertEquals("😀", rsp.elementText("emoji"));
        assertEquals("flickr.test.echo", rsp.elementText("method"));
        assertEquals(null, rsp.element("oauth_signature"));
        assertNotNull(rsp.element("oauth_nonce"));
        Element legacy = rsp(legacy(call("flickr.test.echo", "a", "1"), null));
        assertEquals(null, legacy.element("api_sig"));
    }

    @Test
    void unknownOrShortMethodIs112() throws Exception {
        assertFail(112, rsp(call("flickr.photos.serach")));
        assertFail(112, rsp(call("photos.search")));
        Map<String, String> none = new LinkedHashMap<>();
        none.put("api_key", sandbox.apiKey());
        assertFail(112, rsp(none));
    }

    @Test
    void wrongOrMissingKeyIs100() throws Exception {
        Map<String, String> p = call("flickr.test.echo");
        p.put("api_key", "not-the-key");
        assertFail(100, rsp(p));
        p.remove("api_key");
        assertFail(100, rsp(p));
    }

    @Test
    void goodOauthSignaturesAreAcceptedWithAndWithoutToken() throws Exception {
        assertEquals("ok", rsp(oauth(call("flickr.test.echo"), null)).attributeValue("stat"));
        Element login = rsp(oauth(call("flickr.test.login"), reader));
        assertEquals(sandbox.users().get(0).nsid(), login.element("user").attributeValue("id"));
        assertEquals(sandbox.users().get(0).username(), login.element("user").elementText("username"));
    }

    @Test
    void badOauthSignatureIs401WithTheBaseString() throws Exception {
        Map<String, String> p = oauth(call("flickr.test.login"), reader);
        p.put("oauth_signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        HttpResponse<String> r = get(p);
        assertEquals(401, r.statusCode());
        assertTrue(r.body().startsWith("oauth_problem=signature_invalid&debug_sbs=GET&"), r.body());
        String sbs = r.body().substring(r.body().indexOf("debug_sbs=") + 10);
        assertEquals(OAuth1Signer.baseString("GET", sandbox.restUrl(), p), sbs);
        assertFalse(r.body().contains(reader.tokenSecret()) || r.body().contains(sandbox.secret()));
    }

    @Test
    void signatureWithTheWrongTokenSecretIsRejected() throws Exception {
        Map<String, String> p = call("flickr.test.login");
        p.put("oauth_consumer_key", sandbox.apiKey());
        p.put("oauth_nonce", "x");
        p.put("oauth_timestamp", "1");
        p.put("oauth_signature_method", "HMAC-SHA1");
        p.put("oauth_version", "1.0");
        p.put("oauth_token", reader.token());
        p.put("oauth_signature", OAuth1Signer.signature(OAuth1Signer.baseString("GET", sandbox.restUrl(), p),
                sandbox.secret(), writer.tokenSecret()));
        assertEquals(401, get(p).statusCode());
    }

    @Test
    void legacySignatureIsCheckedAndBadOneIs96() throws Exception {
        Element ok = rsp(legacy(call("flickr.test.login"), reader));
        assertEquals("ok", ok.attributeValue("stat"));
        Map<String, String> p = legacy(call("flickr.test.login"), reader);
        p.put("api_sig", "0123456789abcdef0123456789abcdef");
        assertFail(96, rsp(p));
    }

    @Test
    void unknownTokenIs98() throws Exception {
        SandboxToken forged = new SandboxToken("72157-forged", "secret", reader.userNsid(), "x", Permission.DELETE);
        assertFail(98, rsp(legacy(call("flickr.test.login"), forged)));
    }

    @Test
    void unsignedCallToASigningMethodIs97() throws Exception {
        assertFail(97, rsp(call("flickr.auth.getFrob")));
        assertFail(97, rsp(call("flickr.test.login", "auth_token", reader.token())));
    }

    @Test
    void loginAndPermissionsAre99() throws Exception {
        Element none = rsp(oauth(call("flickr.test.login"), null));
        assertFail(99, none);
        assertEquals("Insufficient permissions. Method requires read privileges; none granted.",
                none.element("err").attributeValue("msg"));
        Element tooWeak = rsp(oauth(call("flickr.photos.delete", "photo_id", "1"), writer));
        assertFail(99, tooWeak);
        assertEquals("Insufficient permissions. Method requires delete privileges; write granted.",
                tooWeak.element("err").attributeValue("msg"));
    }

    @Test
    void missingRequiredArgumentAnswersTheMethodsOwnError() throws Exception {
        Element rsp = rsp(call("flickr.photos.getAllContexts"));
        assertFail(1, rsp);
        assertEquals("Photo not found", rsp.element("err").attributeValue("msg"));
    }

    @Test
    void searchPagesAddUpToTheTotalWithoutRepeats() throws Exception {
        Element first = rsp(call("flickr.photos.search", "tags", "cat", "per_page", "37"));
        Element photos = first.element("photos");
        int total = Integer.parseInt(photos.attributeValue("total"));
        int pages = Integer.parseInt(photos.attributeValue("pages"));
        assertEquals((total + 36) / 37, pages);
        assertTrue(total > 37, "enough cats for several pages");
        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= pages; page++) {
            Element p = rsp(call("flickr.photos.search", "tags", "cat", "per_page", "37", "page", Integer.toString(page)))
                    .element("photos");
            assertEquals(Integer.toString(page), p.attributeValue("page"));
            List<Element> items = p.elements("photo");
            assertEquals(page < pages ? 37 : total - 37 * (pages - 1), items.size());
            for (Element e : items) {
                assertTrue(seen.add(e.attributeValue("id")), "no photo twice");
            }
        }
        assertEquals(total, seen.size());
        Element past = rsp(call("flickr.photos.search", "tags", "cat", "per_page", "37", "page", Integer.toString(pages + 1)));
        assertTrue(past.element("photos").elements().isEmpty(), "a page past the end is empty");
    }

    @Test
    void perPageIsCappedAt500AndDefaultsTo100() throws Exception {
        assertEquals("500", rsp(call("flickr.photos.search", "per_page", "900")).element("photos").attributeValue("perpage"));
        assertEquals(500, rsp(call("flickr.photos.search", "per_page", "900")).element("photos").elements().size());
        assertEquals("100", rsp(call("flickr.photos.search")).element("photos").attributeValue("perpage"));
    }

    @Test
    void tagModeAllAndAnyDiffer() throws Exception {
        int any = total(rsp(call("flickr.photos.search", "tags", "cat,dog")));
        int all = total(rsp(call("flickr.photos.search", "tags", "cat,dog", "tag_mode", "all")));
        int cats = total(rsp(call("flickr.photos.search", "tags", "cat")));
        int dogs = total(rsp(call("flickr.photos.search", "tags", "dog")));
        assertEquals(cats + dogs - all, any, "inclusion-exclusion holds");
        assertTrue(all < Math.min(cats, dogs));
        Element both = rsp(call("flickr.photos.search", "tags", "cat,dog", "tag_mode", "all", "extras", "tags"));
        for (Element p : both.element("photos").elements("photo")) {
            List<String> tags = List.of(p.attributeValue("tags").split(" "));
            assertTrue(tags.contains("cat") && tags.contains("dog"), p.asXML());
        }
    }

    @Test
    void dateAndUserFiltersHold() throws Exception {
        String nsid = sandbox.users().get(1).nsid();
        Element rsp = rsp(call("flickr.photos.search", "user_id", nsid, "min_upload_date", "1577836800",
                "max_upload_date", "1609459199", "extras", "date_upload,date_taken", "per_page", "500",
                "sort", "date-posted-asc"));
        long previous = 0;
        for (Element p : rsp.element("photos").elements("photo")) {
            assertEquals(nsid, p.attributeValue("owner"));
            long up = Long.parseLong(p.attributeValue("dateupload"));
            assertTrue(up >= 1577836800 && up <= 1609459199, "2020 only: " + up);
            assertTrue(up >= previous, "ascending");
            previous = up;
        }
        assertTrue(previous > 0, "some photos in 2020");
        Element taken = rsp(call("flickr.photos.search", "min_taken_date", "2021-06-01 00:00:00",
                "max_taken_date", "2021-06-30 23:59:59", "extras", "date_taken"));
        for (Element p : taken.element("photos").elements("photo")) {
            assertTrue(p.attributeValue("datetaken").startsWith("2021-06"), p.asXML());
        }
        assertFail(2, rsp(call("flickr.photos.search", "user_id", "0@N00")));
    }

    @Test
    void privatePhotosAreSeenOnlyByTheirOwner() throws Exception {
        String nsid = reader.userNsid();
        int publicOnly = total(rsp(call("flickr.people.getPhotos", "user_id", nsid)));
        int asOwner = total(rsp(oauth(call("flickr.people.getPhotos", "user_id", nsid), reader)));
        int published = total(rsp(call("flickr.people.getPublicPhotos", "user_id", nsid)));
        assertEquals(publicOnly, published);
        assertTrue(asOwner > publicOnly, "the owner also sees private photos");
    }

    @Test
    void everyPhotoOfASetIsFoundAndGetInfoAgrees() throws Exception {
        String nsid = sandbox.users().get(2).nsid();
        Element list = rsp(call("flickr.photosets.getList", "user_id", nsid)).element("photosets");
        assertFalse(list.elements("photoset").isEmpty());
        Element set = list.elements("photoset").get(0);
        Element photos = rsp(call("flickr.photosets.getPhotos", "photoset_id", set.attributeValue("id"),
                "user_id", nsid)).element("photoset");
        assertEquals(set.attributeValue("primary"), photos.attributeValue("primary"));
        long primaries = photos.elements("photo").stream().filter(p -> "1".equals(p.attributeValue("isprimary"))).count();
        assertEquals(1, primaries);
        assertTrue(Integer.parseInt(set.attributeValue("photos")) >= Integer.parseInt(photos.attributeValue("total")));
        Element one = photos.elements("photo").get(0);
        Element info = rsp(call("flickr.photos.getInfo", "photo_id", one.attributeValue("id"))).element("photo");
        assertEquals(one.attributeValue("secret"), info.attributeValue("secret"));
        assertEquals(nsid, info.element("owner").attributeValue("nsid"));
        assertEquals(one.attributeValue("title"), info.elementText("title"));
        for (Node tag : info.selectNodes("tags/tag")) {
            Element hit = rsp(call("flickr.photos.search", "tags", tag.getText(), "user_id", nsid, "per_page", "500"));
            assertNotNull(hit.selectSingleNode("photos/photo[@id='" + one.attributeValue("id") + "']"),
                    "search by each of its tags finds it");
        }
        Element tags = rsp(call("flickr.tags.getListPhoto", "photo_id", one.attributeValue("id"))).element("photo");
        assertEquals(info.selectNodes("tags/tag").size(), tags.selectNodes("tags/tag").size());
        assertFail(1, rsp(call("flickr.photos.getInfo", "photo_id", "123")));
        assertFail(1, rsp(call("flickr.photosets.getPhotos", "photoset_id", "123", "user_id", nsid)));
    }

    @Test
    void reflectionCarriesTheTablesFacts() throws Exception {
        Element methods = rsp(call("flickr.reflection.getMethods")).element("methods");
        assertEquals(org.flickrdynamic.table.MethodTable.bundled().names().size(), methods.elements("method").size());
        Element rsp = rsp(call("flickr.reflection.getMethodInfo", "method_name", "flickr.photos.addTags"));
        Element m = rsp.element("method");
        assertEquals("1", m.attributeValue("needslogin"));
        assertEquals("1", m.attributeValue("needssigning"));
        assertEquals("2", m.attributeValue("requiredperms"), "write");
        Map<String, String> optional = new TreeMap<>();
        for (Element a : rsp.element("arguments").elements("argument")) {
            optional.put(a.attributeValue("name"), a.attributeValue("optional"));
        }
        assertEquals(Map.of("api_key", "0", "photo_id", "0", "tags", "0"), optional);
        assertNotNull(rsp.selectSingleNode("errors/error[@code='100']"));
        Element withExample = rsp(call("flickr.reflection.getMethodInfo", "method_name", "flickr.photos.getAllContexts"));
        assertTrue(withExample.element("method").elementText("response").contains("记忆群组"));
        assertFail(1, rsp(call("flickr.reflection.getMethodInfo", "method_name", "flickr.nope")));
    }

    @Test
    void unmodelledMethodsAnswerTheirDocumentedExample() throws Exception {
        Element rsp = rsp(call("flickr.photos.getAllContexts", "photo_id", "1"));
        assertEquals("记忆群组", rsp.element("set").attributeValue("title"));
    }

    @Test
    void requestsAreRecordedDecoded() throws Exception {
        sandbox.clearRequests();
        rsp(call("flickr.test.echo", "q", "a b+c"));
        List<RecordedRequest> r = sandbox.requests();
        assertEquals(1, r.size());
        assertEquals("GET", r.get(0).httpMethod());
        assertEquals("/services/rest/", r.get(0).path());
        assertEquals("a b+c", r.get(0).params().get("q"));
    }

    @Test
    void formPostsAreAccepted() throws Exception {
        String body = form(call("flickr.test.echo", "x", "1"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.restUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("1", parse(r.body()).elementText("x"));
        assertEquals("x=a%20b", form(Map.of("x", "a b")));
        assertEquals("a b", URLDecoder.decode("a%20b", StandardCharsets.UTF_8));
    }

    @Test
    void closeFreesThePortAndOnlyLoopbackIsBound() throws IOException {
        Sandbox s = Sandbox.start();
        int port = s.port();
        assertTrue(s.boundAddress().getAddress().isLoopbackAddress(), s.boundAddress().toString());
        assertTrue(s.restUrl().startsWith("http://127.0.0.1:"));
        s.close();
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        });
        try (Sandbox again = Sandbox.start(port)) {
            assertEquals(port, again.port(), "the port is free again");
        }
    }

    @Test
    void tokensNeverShowTheirSecret() {
        assertFalse(reader.toString().contains(reader.tokenSecret()));
        assertThrows(IllegalArgumentException.class, () -> sandbox.issueToken("nobody@N00", Permission.READ));
    }

    private static int total(Element rsp) {
        return Integer.parseInt(rsp.element("photos").attributeValue("total"));
    }
}
