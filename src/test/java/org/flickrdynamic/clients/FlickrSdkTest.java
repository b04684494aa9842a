package org.flickrdynamic.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxUpload;
import org.flickrdynamic.testing.Outside;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flickr-sdk 7 (Flickr's own Node SDK, from npm, unmodified) against the sandbox: {@code flickr-sdk-steps.mjs}
 * takes the steps a user's application takes, with only the address changed through flickr-sdk's transport
 * option, and prints what it read; each reading is checked here against the sandbox and this project's
 * own client. Skips without Node.js or the package, unless {@code flickrdynamic.strict=true}.
 */
@Tag("clients")
class FlickrSdkTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    private static Sandbox sandbox;
    private static FlickrClient ours;
    private static Map<String, String> read;
    private static String missing;

    @BeforeAll
    static void run(@TempDir Path dir) throws Exception {
        missing = NodeClients.missing("flickr-sdk");
        if (missing != null) {
            return; // each test skips (or fails, strict) with the reason
        }
        sandbox = Sandbox.start();
        ours = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret()).build();
        Path photo = Files.write(dir.resolve("sdk.jpg"), JPEG);
        ProcessBuilder pb = new ProcessBuilder("node", "flickr-sdk-steps.mjs").directory(NodeClients.FOLDER.toFile());
        String base = sandbox.baseUrl();
        pb.environment().put("SANDBOX_ORIGIN", base.substring(0, base.length() - 1));
        pb.environment().put("API_KEY", sandbox.apiKey());
        pb.environment().put("API_SECRET", sandbox.secret());
        pb.environment().put("PHOTO_FILE", photo.toString());
        pb.environment().put("OTHER_USER", sandbox.users().get(1).nsid());
        Process node = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(node.getErrorStream()));
        String out = text(node.getInputStream());
        if (!node.waitFor(120, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("flickr-sdk-steps.mjs did not finish in 120 s; it printed:\n" + out);
        }
        assertEquals(0, node.exitValue(), "node failed:\n" + out + err.get());
        read = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                read.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        List<String> errors = read.keySet().stream().filter(k -> k.endsWith(".error")).map(k -> k + ": " + read.get(k)).toList();
        assertTrue(errors.isEmpty(), "steps that failed in flickr-sdk: " + errors);
    }

    private static String text(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @AfterAll
    static void stop() {
        if (ours != null) {
            ours.close();
            sandbox.close();
        }
    }

    @BeforeEach
    void requireNode() {
        Outside.requireOrSkip(missing == null, missing);
    }

    private static String get(String name) {
        String v = read.get(name);
        assertTrue(v != null, "flickr-sdk-steps.mjs printed no " + name + "; it printed " + read.keySet());
        return v;
    }

    private static List<String> list(String name) {
        String v = get(name);
        return v.isEmpty() ? List.of() : List.of(v.split(","));
    }

    @Test
    void unsignedJsonCallsReadWhatTheProjectsClientReads() {
        assertEquals("ok", get("echo.stat"));
        assertEquals("bar", get("echo.foo"));
        Element photos = ours.call("photos.search", "tags", "cat", "per_page", 20).element("photos");
        assertEquals(photos.attributeValue("total"), get("search.total"));
        assertEquals(photos.elements("photo").stream().map(p -> p.attributeValue("id")).toList(), list("search.ids"));
        assertEquals("true", get("search.everyTagged"));
        assertEquals("true", get("search.everyDated"));
        assertEquals("true", get("search.everyUrl"));

        String first = list("search.ids").get(0);
        Element info = ours.call("photos.getInfo", "photo_id", first).element("photo");
        assertEquals(first, get("info.id"));
        assertEquals(info.elementText("title"), get("info.title"));
        assertEquals(info.element("owner").attributeValue("nsid"), get("info.owner"));
        assertEquals("true", get("info.tagsIsArray"), "tags.tag is an array, as Flickr's JSON has it");
        assertEquals(ours.call("photos.getSizes", "photo_id", first).element("sizes").elements("size").stream()
                .map(s -> s.attributeValue("source")).toList(), list("sizes.sources"));
        assertEquals("true", get("sizes.widthsAreNumbers"));
    }

    @Test
    void oauthLoginSignedCallsAMultipartWriteAndUploads() {
        String nsid = sandbox.users().get(0).nsid();
        assertEquals(nsid, get("login.nsid"), "the sandbox approves as its first user");
        assertEquals(sandbox.users().get(0).username(), get("login.username"));
        assertEquals(nsid, get("signed.id"));
        assertTrue(list("signed.tags").contains("flickrsdk"), "the tag added by a multipart POST is read back");
        String photoId = get("signed.tagged");
        assertTrue(sandbox.requests().stream().anyMatch(r -> "flickr.photos.addTags".equals(r.param("method"))
                && "POST".equals(r.httpMethod()) && r.header("Content-Type").startsWith("multipart/form-data")
                && photoId.equals(r.param("photo_id"))), "flickr-sdk sent addTags as a multipart POST");

        String uploaded = get("upload.id");
        assertEquals("From flickr-sdk", get("upload.title"));
        assertEquals(nsid, get("upload.owner"));
        assertEquals(uploaded, get("replace.id"));
        assertEquals("true", get("replace.newSecret"));
        List<SandboxUpload> files = new ArrayList<>(sandbox.uploads());
        Collections.reverse(files);
        assertTrue(files.stream().filter(u -> uploaded.equals(u.photoId())).count() == 2, "an upload and a replace: " + files);
        assertTrue(sandbox.requests().stream().anyMatch(r -> r.path().equals("/services/upload")),
                "flickr-sdk uploads to the path without the trailing slash");
    }

    @Test
    void aBadSignatureIsRefusedAsFlickrRefusesIt() {
        assertEquals("true", get("badSignature.refused"));
        assertEquals("Unauthorized", get("badSignature.message"), "flickr-sdk's own error for an HTTP 401");
    }

    @Test
    void pagesFollowEachOtherAPagePastTheLastIsEmptyAndAnEmptySearchIsRefused() {
        List<String> one = list("paging.one");
        List<String> two = list("paging.two");
        assertEquals(50, one.size());
        assertTrue(two.stream().noneMatch(one::contains), "no photo on two pages");
        assertEquals(Integer.parseInt(get("paging.pages")) + 1, Integer.parseInt(get("paging.pastPage")));
        assertEquals("0", get("paging.pastCount"));
        assertEquals("3", get("refused.code"));
        assertEquals("Parameterless searches have been disabled. Please use flickr.photos.getRecent instead.",
                get("refused.message"));
    }
}
