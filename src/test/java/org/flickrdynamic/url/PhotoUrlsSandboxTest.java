package org.flickrdynamic.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Photo URLs for real answers of the sandbox, and the one getSizes call the large sizes may need. */
class PhotoUrlsSandboxTest {
    private static Sandbox sandbox;
    private static FlickrClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @BeforeEach
    void forget() {
        sandbox.clearRequests();
    }

    private static Element firstPhoto(String extras) {
        return client.call("photos.search", "tags", "cat", "per_page", 1, "extras", extras)
                .element("photos").element("photo");
    }

    private static long getSizesCalls() {
        return sandbox.requests().stream().filter(r -> "flickr.photos.getSizes".equals(r.param("method"))).count();
    }

    @Test
    void builtUrlsAgreeWithTheUrlExtras() {
        Element withExtras = firstPhoto("url_sq,url_t,url_s,url_m,url_z,url_l,url_o,original_format");
        Element bare = firstPhoto("");
        for (PhotoSize s : new PhotoSize[] {PhotoSize.SQUARE_75, PhotoSize.THUMBNAIL_100, PhotoSize.SMALL_240,
            PhotoSize.MEDIUM_500, PhotoSize.MEDIUM_640, PhotoSize.LARGE_1024}) {
            assertEquals(withExtras.attributeValue(s.extra()), PhotoUrls.source(bare, s), s.toString());
        }
        assertEquals(withExtras.attributeValue("url_o"), PhotoUrls.source(firstPhoto("original_format"), "o"),
                "the original from originalsecret and originalformat");
    }

    @Test
    void aLargeSizeComesFromOneGetSizesCall() {
        Element photo = firstPhoto("");
        String k = PhotoUrls.source(photo, "k", client);
        assertEquals(1, getSizesCalls());
        assertTrue(k.startsWith("https://live.staticflickr.com/" + photo.attributeValue("server") + "/"
                + photo.attributeValue("id") + "_"), k);
        assertTrue(k.endsWith("_k.jpg"), k);
        assertFalse(k.contains(photo.attributeValue("secret")), "Large 2048 has a secret of its own: " + k);

        sandbox.clearRequests();
        assertEquals(PhotoUrls.source(photo, "z"), PhotoUrls.source(photo, "z", client));
        assertEquals(0, getSizesCalls(), "a size the element gives needs no call");
    }

    @Test
    void everySizeAtOnceFromOneCall() {
        Element photo = firstPhoto("url_o");
        Map<PhotoSize, String> all = PhotoUrls.sources(photo, client);
        assertEquals(1, getSizesCalls());
        assertEquals(14, all.size(), "a 4000 x 3000 photo has sizes up to 3K, and its original: " + all.keySet());
        assertEquals(photo.attributeValue("url_o"), all.get(PhotoSize.ORIGINAL));
        assertEquals(PhotoUrls.source(photo, "b"), all.get(PhotoSize.LARGE_1024));
        assertNotEquals(all.get(PhotoSize.LARGE_1600), all.get(PhotoSize.LARGE_2048).replace("_k.", "_h."),
                "each large size has its own secret");
    }

    @Test
    void aSizeThePhotoDoesNotHaveIsAClearError() {
        Element photo = firstPhoto("");
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> PhotoUrls.source(photo, "4k", client));
        assertTrue(e.getMessage().contains("has no size 4k; Flickr serves it in s q t m n w (none) z c b h k 3k o"),
                e.getMessage());
        assertEquals(1, getSizesCalls());
    }

    @Test
    void anUnknownPhotoIsFlickrsOwnError() {
        Element ghost = PhotoUrlsTest.parse("<photo id=\"1\" secret=\"s\" server=\"2\"/>");
        FlickrApiException e = assertThrows(FlickrApiException.class, () -> PhotoUrls.source(ghost, "k", client));
        assertEquals(1, e.code());
    }
}
