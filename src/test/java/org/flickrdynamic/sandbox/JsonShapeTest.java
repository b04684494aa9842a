package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's {@code format=json} answers have the shape of JSON answers recorded from Flickr
 * ({@code src/test/resources/flickr-json}, sources in its README): every key the sandbox writes is one
 * Flickr writes at the same place, arrays and objects where Flickr has them, {@code _content} where
 * Flickr has it, and numbers or strings as Flickr sends that key. Keys Flickr has and the sandbox does not
 * model are listed, so a change is seen.
 */
class JsonShapeTest {
    private static Sandbox sandbox;
    private static String photoId;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start();
        Map<?, ?> search = object(json("flickr.photos.search", "tags", "cat", "per_page", "2"));
        photoId = (String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) search.get("photos")).get("photo")).get(0)).get("id");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String json(String method, String... namesAndValues) throws Exception {
        StringBuilder url = new StringBuilder(sandbox.restUrl()).append("?method=").append(method).append("&api_key=")
                .append(sandbox.apiKey()).append("&format=json&nojsoncallback=1");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            url.append('&').append(namesAndValues[i]).append('=').append(namesAndValues[i + 1]);
        }
        HttpResponse<String> r = SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return r.body();
    }

    private static Map<?, ?> object(String json) {
        return (Map<?, ?>) Json.parse(json);
    }

    private static String fixture(String method) throws IOException {
        try (InputStream in = JsonShapeTest.class.getResourceAsStream("/flickr-json/" + method + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Each path ({@code photo.tags.tag[].raw}) with the JSON types seen there. */
    static Map<String, Set<String>> shape(Object value) {
        Map<String, Set<String>> out = new TreeMap<>();
        shape(value, "", out);
        return out;
    }

    private static void shape(Object value, String path, Map<String, Set<String>> out) {
        String kind = value instanceof Map ? "object" : value instanceof List ? "array" : value instanceof String ? "string"
                : value instanceof Number ? "number" : value instanceof Boolean ? "boolean" : "null";
        out.computeIfAbsent(path, k -> new TreeSet<>()).add(kind);
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> shape(v, path.isEmpty() ? (String) k : path + "." + k, out));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> shape(v, path + "[]", out));
        }
    }

    /** Asserts the sandbox writes nothing Flickr does not, and returns what Flickr writes that it does not. */
    private static Set<String> assertShapeOf(String method, String sandboxJson) throws IOException {
        Map<String, Set<String>> flickr = shape(Json.parse(fixture(method)));
        Map<String, Set<String>> ours = shape(Json.parse(sandboxJson));
        for (Map.Entry<String, Set<String>> e : ours.entrySet()) {
            Set<String> flickrKinds = flickr.get(e.getKey());
            assertTrue(flickrKinds != null, method + ": the sandbox writes " + e.getKey() + ", which Flickr's answer has not");
            assertTrue(flickrKinds.containsAll(e.getValue()),
                    method + ": " + e.getKey() + " is " + e.getValue() + " in the sandbox, " + flickrKinds + " in Flickr's answer");
        }
        Set<String> missing = new TreeSet<>(flickr.keySet());
        missing.removeAll(ours.keySet());
        return missing;
    }

    @Test
    void searchHasTheShapeOfFlickrsSearch() throws Exception {
        assertEquals(Set.of(), assertShapeOf("flickr.photos.search", json("flickr.photos.search", "tags", "cat", "per_page", "2")));
    }

    @Test
    void getSizesHasTheShapeOfFlickrsGetSizes() throws Exception {
        assertEquals(Set.of(), assertShapeOf("flickr.photos.getSizes", json("flickr.photos.getSizes", "photo_id", photoId)));
    }

    @Test
    void getInfoHasTheShapeOfFlickrsGetInfoLessWhatTheSandboxDoesNotModel() throws Exception {
        Set<String> unmodelled = assertShapeOf("flickr.photos.getInfo", json("flickr.photos.getInfo", "photo_id", photoId));
        assertEquals(new TreeSet<>(Set.of("photo.geoperms", "photo.geoperms.iscontact", "photo.geoperms.isfamily",
                "photo.geoperms.isfriend", "photo.geoperms.ispublic", "photo.location", "photo.location.accuracy",
                "photo.location.context", "photo.location.latitude", "photo.location.longitude",
                "photo.location.neighbourhood", "photo.location.neighbourhood._content",
                "photo.location.neighbourhood.woeid")), unmodelled, "the sandbox's photos have no geo data");
    }

    @Test
    void everyMethodsAnswerIsJsonWhenAskedForJson() throws Exception {
        SandboxHttp http = new SandboxHttp(sandbox);
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.DELETE);
        for (MethodSpec m : MethodTable.bundled().methods()) {
            List<String> args = new java.util.ArrayList<>(List.of("format", "json", "nojsoncallback", "1"));
            for (ArgumentSpec a : m.arguments()) {
                if (a.required()) {
                    args.add(a.name());
                    args.add(a.name().equals("user_id") ? sandbox.users().get(0).nsid()
                            : a.name().equals("oauth_token") ? token.token() : "1");
                }
            }
            HttpResponse<String> r = http.get(http.oauth(http.call(m.name(), args.toArray(String[]::new)), token));
            Object stat = object(r.body()).get("stat");
            assertTrue("ok".equals(stat) || "fail".equals(stat), m.name() + ": " + r.body());
        }
    }

    @Test
    void anEmptyListIsAnEmptyArrayAndAFailureIsFlickrsFailureObject() throws Exception {
        Map<?, ?> empty = object(json("flickr.photos.search", "tags", "no-photo-has-this-tag"));
        assertEquals(List.of(), ((Map<?, ?>) empty.get("photos")).get("photo"));
        Map<?, ?> fail = object(json("flickr.photos.getInfo", "photo_id", "1"));
        assertEquals(Set.of("stat", "code", "message"), fail.keySet());
        assertEquals("fail", fail.get("stat"));
        assertEquals(1, ((Number) fail.get("code")).intValue());
        assertEquals("Photo not found.", fail.get("message"));
    }
}
