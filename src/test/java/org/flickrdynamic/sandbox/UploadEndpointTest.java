package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.assertFail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.internal.sign.Percent;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upload endpoint over plain HTTP with hand-made multipart bodies (the JDK's client, not this
 * library's), for what the library's own client never sends: bodies that are not multipart, cut off,
 * signed over other fields, or without a file.
 */
class UploadEndpointTest {
    private static final String BOUNDARY = "b0undary-7e1";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 1, 2, 3, '\r', '\n', '-', '-'};

    private static Sandbox sandbox;
    private static SandboxHttp http;
    private static SandboxToken writer;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new SandboxHttp(sandbox);
        writer = sandbox.issueToken(sandbox.users().get(2).nsid(), Permission.WRITE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String uploadUrl() {
        return sandbox.baseUrl() + "services/upload/";
    }

    /** The fields, OAuth-signed for a POST to the upload URL with the writer's token. */
    private static Map<String, String> signed(String... namesAndValues) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("api_key", sandbox.apiKey());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return http.oauth("POST", uploadUrl(), p, writer);
    }

    /** A multipart body: the fields as text parts, then the file as {@code photo} (when given), then the end. */
    private static byte[] body(Map<String, String> fields, String filename, byte[] file, boolean close) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                    + filename + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (close) {
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(uploadUrl()))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload(Map<String, String> fields, byte[] file) throws Exception {
        return post("multipart/form-data; boundary=" + BOUNDARY, body(fields, "été.jpg", file, true));
    }

    private static Element rsp(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return SandboxHttp.parse(r.body());
    }

    @Test
    void aSignedMultipartUploadIsTakenWhateverTheFileHolds() throws Exception {
        // The file holds the boundary's own prefix and a CRLF: only a whole delimiter ends a part.
        Element ok = rsp(upload(signed("title", "Été", "tags", "x"), JPEG));
        assertEquals("ok", ok.attributeValue("stat"), ok.asXML());
        String id = ok.elementText("photoid");
        SandboxUpload received = sandbox.uploads().get(sandbox.uploads().size() - 1);
        assertEquals(id, received.photoId());
        assertEquals("été.jpg", received.filename());
        assertEquals(JPEG.length, received.size());
        Element info = http.ok(http.oauth(http.call("flickr.photos.getInfo", "photo_id", id), writer)).element("photo");
        assertEquals("Été", info.elementText("title"));
    }

    @Test
    void theSignatureCoversTheFieldsAndNotTheFile() throws Exception {
        Map<String, String> fields = signed("title", "Signed title");
        fields.put("title", "Changed after signing");
        HttpResponse<String> r = upload(fields, JPEG);
        assertEquals(401, r.statusCode());
        assertTrue(r.body().startsWith("oauth_problem=signature_invalid&debug_sbs=POST&"), r.body());
        assertTrue(r.body().contains(Percent.encode(Percent.encode("Changed after signing"))), r.body());
        assertFalse(r.body().contains("photo"), "the file is no part of the base string: " + r.body());

        // The same fields signed in an Authorization header instead are read too.
        Map<String, String> all = signed("title", "Header");
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, String> form = new LinkedHashMap<>();
        all.forEach((k, v) -> (k.startsWith("oauth_") ? header : form).put(k, v));
        StringBuilder auth = new StringBuilder("OAuth ");
        header.forEach((k, v) -> auth.append(k).append("=\"").append(Percent.encode(v)).append("\", "));
        HttpResponse<String> viaHeader = SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(uploadUrl()))
                .header("Content-Type", "multipart/form-data; boundary=\"" + BOUNDARY + "\"")
                .header("Authorization", auth.substring(0, auth.length() - 2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(form, "h.jpg", JPEG, true))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("ok", rsp(viaHeader).attributeValue("stat"), viaHeader.body());
    }

    @Test
    void theChecksComeInFlickrsOrderWithTheUploadCodes() throws Exception {
        Map<String, String> unsigned = new LinkedHashMap<>(Map.of("api_key", sandbox.apiKey()));
        assertFail(97, "Missing signature", rsp(upload(unsigned, JPEG)));
        Map<String, String> badKey = signed();
        badKey.put("api_key", "nope");
        assertFail(100, rsp(upload(badKey, JPEG)));
        assertFail(2, "No photo specified", rsp(upload(signed(), null)));
        assertFail(4, "Filesize was zero", rsp(upload(signed(), new byte[0])));
        assertFail(5, "Filetype was not recognised", rsp(upload(signed(), "GIF? no".getBytes(StandardCharsets.US_ASCII))));
        SandboxToken reader = sandbox.issueToken(writer.userNsid(), Permission.READ);
        Map<String, String> p = new LinkedHashMap<>(Map.of("api_key", sandbox.apiKey()));
        assertFail(99, rsp(upload(http.oauth("POST", uploadUrl(), p, reader), JPEG)));
    }

    @Test
    void bodiesThatAreNotWholeMultipartAreRefusedByName() throws Exception {
        HttpResponse<String> form = post("application/x-www-form-urlencoded", "api_key=x".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, form.statusCode());
        assertEquals("bad upload: an upload must be a multipart/form-data POST with a boundary, not "
                + "application/x-www-form-urlencoded", form.body());
        HttpResponse<String> cut = post("multipart/form-data; boundary=" + BOUNDARY, body(signed(), "a.jpg", JPEG, false));
        assertEquals(400, cut.statusCode());
        assertTrue(cut.body().contains("ends before its closing boundary"), cut.body());
        HttpResponse<String> noBoundary = post("multipart/form-data", body(signed(), "a.jpg", JPEG, true));
        assertEquals(400, noBoundary.statusCode());
    }

    @Test
    void checkTicketsReportsUnknownTicketsAsInvalid() throws Exception {
        Element uploader = http.ok(http.call("flickr.photos.upload.checkTickets", "tickets", "1, 2")).element("uploader");
        List<Element> tickets = uploader.elements("ticket");
        assertEquals(List.of("1", "2"), tickets.stream().map(t -> t.attributeValue("id")).toList());
        assertTrue(tickets.stream().allMatch(t -> "1".equals(t.attributeValue("invalid"))));
    }
}
