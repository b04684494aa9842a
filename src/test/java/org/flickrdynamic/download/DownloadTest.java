package org.flickrdynamic.download;

import org.flickrdynamic.download.Downloader.DownloadedFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads through real HTTP from the sandbox's stand-in for Flickr's static-file host. */
class DownloadTest {
    @TempDir
    Path dir;
    private Sandbox sandbox;
    private FlickrClient flickr;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.WRITE);
        flickr = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(token.token(), token.tokenSecret()).build();
    }

    @AfterEach
    void stop() {
        flickr.close();
        sandbox.close();
    }

    /** A file Flickr's upload endpoint takes: JPEG's first bytes, then random ones. */
    private Path jpegLike(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        Path f = Files.createTempFile(name, ".jpg");
        Files.write(f, bytes);
        return f;
    }

    @Test
    void uploadedOriginalComesBackByteForByte() throws IOException {
        Path file = jpegLike("upload", 300_000, 1);
        String id = flickr.upload(file, Map.of("is_public", 0));
        Path got = flickr.download(id, "o", dir);
        assertEquals(dir.resolve(id + "_o.jpg"), got);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(got));
        assertEquals(List.of(got), files(), "no temporary file is left beside it");
    }

    @Test
    void replacedPhotosOriginalIsTheNewFile() throws IOException {
        String id = flickr.upload(jpegLike("first", 10_000, 2), null);
        Path second = jpegLike("second", 20_000, 3);
        flickr.replace(second, id, null);
        assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(flickr.download(id, "o", dir)));
    }

    @Test
    void generatedPhotosAreRealImagesTheSameOnEveryRun() throws IOException {
        String id = flickr.call("photos.getRecent", "per_page", 1).element("photos").element("photo").attributeValue("id");
        Path medium = flickr.download(id, "z", dir);
        assertEquals(id + "_z.jpg", medium.getFileName().toString());
        assertEquals(640, ImageIO.read(medium.toFile()).getWidth());
        byte[] first = Files.readAllBytes(medium);
        try (Sandbox again = Sandbox.start();
             FlickrClient other = FlickrClient.builder().baseUrl(again.baseUrl()).apiKey(again.apiKey()).build()) {
            Path elsewhere = Files.createDirectory(dir.resolve("again"));
            assertArrayEquals(first, Files.readAllBytes(other.download(id, "z", elsewhere)));
        }
        assertEquals(id + ".jpg", flickr.download(id, "-", dir).getFileName().toString(), "the 500 size has no suffix");
    }

    @Test
    void aCompleteFileIsKeptAndAChangedOneFetchedAgain() throws IOException {
        String id = flickr.upload(jpegLike("keep", 50_000, 4), null);
        DownloadedFile first = flickr.downloader().download(id, "o", dir);
        assertFalse(first.skipped());
        sandbox.clearRequests();
        DownloadedFile second = flickr.downloader().download(id, "o", dir);
        assertTrue(second.skipped(), "the same size is there: not written again");
        Files.write(first.path(), new byte[] {1, 2, 3}); // cut short, as by a copy that failed
        DownloadedFile third = flickr.downloader().download(id, "o", dir);
        assertFalse(third.skipped());
        assertEquals(first.sha256(), third.sha256());
        assertEquals(first.sha256(), flickr.downloader().download(id, "o", dir, "00" + first.sha256().substring(2))
                .sha256(), "a checksum that differs has it fetched again");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws IOException {
        sandbox.clearRequests();
        FlickrArgumentException size = assertThrows(FlickrArgumentException.class,
                () -> flickr.download("123", "huge", dir));
        assertTrue(size.getMessage().contains("size 'huge' is unknown"), size.getMessage());
        FlickrArgumentException missing = assertThrows(FlickrArgumentException.class,
                () -> flickr.download("123", "o", dir.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("there is no such folder"), missing.getMessage());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThrows(FlickrArgumentException.class, () -> flickr.download("123", "o", file));
        assertThrows(FlickrArgumentException.class, () -> flickr.download("12a", "o", dir));
        assertEquals(List.of(), sandbox.requests());
    }

    @Test
    void failuresAreTheCallsOwn() {
        FlickrApiException unknown = assertThrows(FlickrApiException.class, () -> flickr.download("1", "o", dir));
        assertEquals(1, unknown.code());
        String id = sandbox.photoIds().get(0);
        FlickrArgumentException noVideo = assertThrows(FlickrArgumentException.class,
                () -> flickr.download(id, "Site MP4", dir));
        assertTrue(noVideo.getMessage().contains("has no size Site MP4"), noVideo.getMessage());
    }

    @Test
    void aFileReadThatFailsInPassingIsRetried() throws IOException {
        try (FlickrClient cached = flickr.newBuilder().anonymous().cache(Duration.ofMinutes(1), 10).build()) {
            String id = cached.call("photos.getRecent", "per_page", 1).element("photos").element("photo")
                    .attributeValue("id");
            Files.delete(cached.download(id, "b", dir)); // getSizes is cached now: the next requests are the file's
            sandbox.clearRequests();
            sandbox.faults().httpStatusNext(2, 503);
            assertTrue(Files.exists(cached.download(id, "b", dir)));
            List<RecordedRequest> sent = sandbox.requests();
            assertEquals(3, sent.size(), sent.toString());
            assertTrue(sent.stream().allMatch(r -> r.path().startsWith("/static/")), sent.toString());
        }
    }

    @Test
    void aFileUrlWithAnotherSecretIsNotFound() throws Exception {
        String source = flickr.call("photos.getSizes", "photo_id", sandbox.photoIds().get(1)).element("sizes")
                .element("size").attributeValue("source");
        String wrong = flickr.endpoints().file(source.replaceFirst("_([0-9a-f])", "_x$1"));
        String right = flickr.endpoints().file(source);
        assertTrue(right.startsWith(sandbox.baseUrl() + "static/"), right);
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(right)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(wrong)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
