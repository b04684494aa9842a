package org.flickrdynamic.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video's files, found in {@code getSizes} by their labels. The answer is laid out as Flickr's
 * documentation of {@code flickr.photos.getSizes} shows a video's (photo sizes, then {@code media="video"}
 * entries whose {@code source} is a player URL with no file suffix), served with its file over real HTTP.
 */
class VideoDownloadTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private FlickrClient flickr;
    private final byte[] video = new byte[300_000];

    @BeforeEach
    void start() throws IOException {
        new Random(9).nextBytes(video);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String sizes = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\">\n"
                + "<sizes canblog=\"0\" canprint=\"0\" candownload=\"1\">\n"
                + "<size label=\"Medium\" width=\"500\" height=\"281\" source=\"https://live.staticflickr.com/"
                + "65535/5645318632_abcdef0123.jpg\" url=\"https://www.flickr.com/photos/x/5645318632/sizes/m/\""
                + " media=\"photo\" />\n"
                + "<size label=\"Site MP4\" width=\"640\" height=\"360\" source=\"" + base
                + "photos/x/5645318632/play/site/abcdef0123/\" url=\"https://www.flickr.com/photos/x/5645318632/\""
                + " media=\"video\" />\n"
                + "<size label=\"Video Original\" width=\"1280\" height=\"720\" source=\"" + base
                + "photos/x/5645318632/play/orig/fedcba9876/\" url=\"https://www.flickr.com/photos/x/5645318632/\""
                + " media=\"video\" />\n</sizes>\n</rsp>\n";
        server.createContext("/services/rest/", e -> send(e, "text/xml; charset=utf-8",
                sizes.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/photos/", e -> send(e, "video/mp4", video));
        server.start();
        flickr = FlickrClient.builder().apiKey("key").endpoint(base + "services/rest/").build();
    }

    @AfterEach
    void stop() {
        flickr.close();
        server.stop(0);
    }

    private static void send(HttpExchange e, String type, byte[] body) throws IOException {
        try (e) {
            e.getResponseHeaders().set("Content-Type", type);
            e.sendResponseHeaders(200, body.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Test
    void aVideoFileByItsLabelIsNamedFromItsContentType() throws IOException {
        Path got = flickr.download("5645318632", "site-mp4", dir);
        assertEquals(dir.resolve("5645318632_site-mp4.mp4"), got);
        assertArrayEquals(video, Files.readAllBytes(got));
        assertEquals(dir.resolve("5645318632_video-original.mp4"), flickr.download("5645318632", "Video Original", dir));
    }

    @Test
    void aSizeTheVideoLacksNamesThoseItHas() {
        FlickrArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(FlickrArgumentException.class,
                () -> flickr.download("5645318632", "HD MP4", dir));
        assertTrue(e.getMessage().contains("has no size HD MP4; Flickr serves it in - Site MP4 Video Original"),
                e.getMessage());
    }
}
