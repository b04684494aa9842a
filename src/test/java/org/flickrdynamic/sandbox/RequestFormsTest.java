package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.assertFail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dom4j.Element;
import org.flickrdynamic.internal.sign.OAuth1Signer;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every path, request form, answer format and connection rule Flickr's front end has, as any client may
 * use them: checked with the JDK's HTTP client and a raw socket, signed with the {@code sign} package.
 */
class RequestFormsTest {
    private static Sandbox sandbox;
    private static SandboxHttp http;
    private static SandboxToken writer;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new SandboxHttp(sandbox);
        writer = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.WRITE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return sandbox.baseUrl().substring(0, sandbox.baseUrl().length() - 1);
    }

    @Test
    void restAndOauthPathsAnswerWithAndWithoutTheTrailingSlash() throws Exception {
        String query = "?" + SandboxHttp.form(http.call("flickr.test.echo", "foo", "bar"));
        for (String path : List.of("/services/rest", "/services/rest/")) {
            HttpResponse<String> r = get(base() + path + query);
            assertEquals(200, r.statusCode(), path);
            assertEquals("bar", SandboxHttp.parse(r.body()).elementText("foo"), path);
        }
        for (String path : List.of("/services/oauth/request_token", "/services/oauth/request_token/")) {
            Map<String, String> signed = http.oauth("GET", base() + path, Map.of("oauth_callback", "oob"), null);
            HttpResponse<String> r = get(base() + path + "?" + SandboxHttp.form(signed));
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().startsWith("oauth_callback_confirmed=true&oauth_token="), r.body());
        }
        assertEquals(404, get(base() + "/services/nothing").statusCode());
    }

    @Test
    void aMultipartPostIsReadAndItsSignatureCheckedLikeAForm() throws Exception {
        String photo = sandbox.photoIds().stream().filter(id -> owner(id).equals(writer.userNsid())).findFirst().orElseThrow();
        Map<String, String> signed = http.oauth("POST", sandbox.restUrl(),
                http.call("flickr.photos.addTags", "photo_id", photo, "tags", "multipart"), writer);
        HttpResponse<String> r = postMultipart(sandbox.restUrl(), signed);
        assertEquals("ok", SandboxHttp.parse(r.body()).attributeValue("stat"), r.body());
        assertTrue(http.ok(http.oauth(http.call("flickr.photos.getInfo", "photo_id", photo), writer)).element("photo")
                .element("tags").elements("tag").stream().anyMatch(t -> t.getText().equals("multipart")));

        Map<String, String> forged = new LinkedHashMap<>(signed);
        forged.put("tags", "changed-after-signing");
        HttpResponse<String> refused = postMultipart(sandbox.restUrl(), forged);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().startsWith("oauth_problem=signature_invalid"), refused.body());
    }

    private static String owner(String photoId) {
        try {
            return http.ok(http.call("flickr.photos.getInfo", "photo_id", photoId)).element("photo").element("owner")
                    .attributeValue("nsid");
        } catch (Exception | AssertionError e) {
            return ""; // private to another user
        }
    }

    @Test
    void uploadAndReplaceAnswerWithoutTheTrailingSlash() throws Exception {
        Map<String, String> fields = http.oauth("POST", base() + "/services/upload", Map.of("title", "No slash"), writer);
        Element rsp = SandboxHttp.parse(postMultipart(base() + "/services/upload", fields, "photo").body());
        String id = rsp.elementText("photoid");
        assertEquals("No slash", http.ok(http.oauth(http.call("flickr.photos.getInfo", "photo_id", id), writer))
                .element("photo").elementText("title"));
        Map<String, String> replace = http.oauth("POST", base() + "/services/replace", Map.of("photo_id", id), writer);
        assertEquals(id, SandboxHttp.parse(postMultipart(base() + "/services/replace", replace, "photo").body())
                .elementText("photoid"));
    }

    private static HttpResponse<String> postMultipart(String url, Map<String, String> fields) throws Exception {
        return postMultipart(url, fields, null);
    }

    /** A multipart POST of the fields, and a small JPEG in the part {@code filePart} when not {@code null}. */
    private static HttpResponse<String> postMultipart(String url, Map<String, String> fields, String filePart)
            throws Exception {
        String boundary = "b" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        if (filePart != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(filePart)
                    .append("\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .append("\u00ff\u00d8\u00ff\u00e0JFIF").append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.ISO_8859_1)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oauthParametersAreReadFromTheQueryTheBodyOrTheAuthorizationHeader() throws Exception {
        Map<String, String> signed = http.oauth("POST", sandbox.restUrl(), http.call("flickr.test.login"), writer);
        assertEquals(writer.userNsid(), SandboxHttp.parse(http.post(signed).body()).element("user").attributeValue("id"),
                "in a form body");
        signed = http.oauth("GET", sandbox.restUrl(), http.call("flickr.test.login"), writer);
        StringBuilder header = new StringBuilder("OAuth realm=\"\"");
        Map<String, String> query = new LinkedHashMap<>();
        signed.forEach((k, v) -> {
            if (k.startsWith("oauth_")) {
                header.append(", ").append(k).append("=\"").append(org.flickrdynamic.internal.sign.Percent.encode(v)).append('"');
            } else {
                query.put(k, v);
            }
        });
        HttpResponse<String> r = SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.restUrl() + "?"
                + SandboxHttp.form(query))).header("Authorization", header.toString()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(writer.userNsid(), SandboxHttp.parse(r.body()).element("user").attributeValue("id"), "in the header");
    }

    @Test
    void aSignatureMadeForFlickrsOwnUrlIsAcceptedAndOneForAnotherHostIsNot() throws Exception {
        Map<String, String> forFlickr = http.oauth("GET", "https://api.flickr.com/services/rest",
                http.call("flickr.test.login"), writer);
        HttpResponse<String> r = get(base() + "/services/rest?" + SandboxHttp.form(forFlickr));
        assertEquals(writer.userNsid(), SandboxHttp.parse(r.body()).element("user").attributeValue("id"), r.body());
        Map<String, String> elsewhere = http.oauth("GET", "https://example.com/services/rest", http.call("flickr.test.login"), writer);
        HttpResponse<String> refused = get(base() + "/services/rest?" + SandboxHttp.form(elsewhere));
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("debug_sbs=GET&http%3A%2F%2F127.0.0.1"), "the base string the sandbox expected");
    }

    @Test
    void oauthVersionIsOptional() throws Exception {
        for (String version : new String[] {null, "1.0", "1.0a"}) {
            Map<String, String> p = http.call("flickr.test.login");
            Map<String, String> signed = new LinkedHashMap<>(p);
            signed.put("oauth_consumer_key", sandbox.apiKey());
            signed.put("oauth_nonce", "v" + version + System.nanoTime());
            signed.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
            signed.put("oauth_signature_method", "HMAC-SHA1");
            if (version != null) {
                signed.put("oauth_version", version);
            }
            signed.put("oauth_token", writer.token());
            signed.put("oauth_signature", OAuth1Signer.signature(OAuth1Signer.baseString("GET", sandbox.restUrl(), signed),
                    sandbox.secret(), writer.tokenSecret()));
            assertEquals(writer.userNsid(), http.ok(signed).element("user").attributeValue("id"), "oauth_version " + version);
        }
    }

    @Test
    void answersAreXmlJsonOrJsonpAsAskedAndErrorsToo() throws Exception {
        String echo = sandbox.restUrl() + "?" + SandboxHttp.form(http.call("flickr.test.echo", "foo", "bar"));
        HttpResponse<String> xml = get(echo + "&format=rest");
        assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertEquals("bar", SandboxHttp.parse(xml.body()).elementText("foo"));

        HttpResponse<String> json = get(echo + "&format=json&nojsoncallback=1");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json.body().startsWith("{") && json.body().contains("\"foo\":{\"_content\":\"bar\"}")
                && json.body().endsWith("\"stat\":\"ok\"}"), json.body());

        HttpResponse<String> jsonp = get(echo + "&format=json");
        assertTrue(jsonp.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(jsonp.body().startsWith("jsonFlickrApi({") && jsonp.body().endsWith("})"), jsonp.body());
        assertTrue(get(echo + "&format=json&jsoncallback=foobar").body().startsWith("foobar({"),
                "a named callback, as flickrapi's tests ask for it");
        assertTrue(get(echo + "&format=json&jsoncallback=alert(1)").body().startsWith("jsonFlickrApi({"),
                "a callback that is not a plain name is not written back");

        String bad = sandbox.restUrl() + "?method=flickr.test.echo&api_key=wrong";
        assertEquals("{\"stat\":\"fail\",\"code\":100,\"message\":\"Invalid API Key (Key has invalid format)\"}",
                get(bad + "&format=json&nojsoncallback=1").body());
        assertEquals("jsonFlickrApi({\"stat\":\"fail\",\"code\":100,\"message\":\"Invalid API Key (Key has invalid format)\"})",
                get(bad + "&format=json").body());
        assertFail(100, SandboxHttp.parse(get(bad).body()));
    }

    @Test
    void unknownArgumentsAreIgnoredAndAnEmptySearchRefused() throws Exception {
        Element rsp = http.ok(http.call("flickr.photos.getRecent", "per_page", "3", "no_such_argument", "x"));
        assertEquals(3, rsp.element("photos").elements("photo").size());
        assertFail(3, "Parameterless searches have been disabled. Please use flickr.photos.getRecent instead.",
                http.rsp(http.call("flickr.photos.search", "extras", "tags", "per_page", "5", "sort", "date-posted-asc")));
        assertEquals(5, http.list("photos", http.call("flickr.photos.search", "text", "cat", "per_page", "5"))
                .elements("photo").size(), "one filter is enough");
    }

    @Test
    void aClientAskingToCloseIsToldTheConnectionClosesAndOthersAreKeptAlive() throws Exception {
        String target = "/services/rest?" + SandboxHttp.form(http.call("flickr.test.echo", "foo", "bar"));
        try (Socket s = new Socket("127.0.0.1", sandbox.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            List<String> first = readAnswer(in);
            assertTrue(first.get(0).startsWith("HTTP/1.1 200"), first.toString());
            assertFalse(first.stream().anyMatch(h -> h.equalsIgnoreCase("Connection: close")), "kept alive: " + first);

            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            List<String> second = readAnswer(in);
            assertTrue(second.get(0).startsWith("HTTP/1.1 200"), "the same connection served a second request");
            assertTrue(second.stream().anyMatch(h -> h.equalsIgnoreCase("Connection: close")), second.toString());
            assertEquals(-1, in.read(), "and then it is closed");
        }
    }

    /** Reads one answer's status line and headers, and skips its body (Content-Length). */
    private static List<String> readAnswer(BufferedReader in) throws Exception {
        List<String> lines = new ArrayList<>();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
        return lines;
    }
}
