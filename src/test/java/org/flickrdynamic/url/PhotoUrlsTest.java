package org.flickrdynamic.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.junit.jupiter.api.Test;

/** Photo URLs built from elements alone, in every shape Flickr's methods give a photo. */
class PhotoUrlsTest {
    private static final String BASE = "https://live.staticflickr.com/65535/52345678901_abc123def0";

    static Element parse(String xml) {
        try {
            return DocumentHelper.parseText(xml).getRootElement();
        } catch (DocumentException e) {
            throw new AssertionError(e);
        }
    }

    private static Element searchPhoto(String extraAttributes) {
        return parse("<photo id=\"52345678901\" owner=\"12037949754@N01\" secret=\"abc123def0\" server=\"65535\""
                + " farm=\"66\" title=\"t\" ispublic=\"1\" isfriend=\"0\" isfamily=\"0\" " + extraAttributes + "/>");
    }

    @Test
    void everySizeSharingThePhotosSecret() {
        Element p = searchPhoto("");
        Map<String, String> expected = Map.of("s", BASE + "_s.jpg", "q", BASE + "_q.jpg", "t", BASE + "_t.jpg",
                "m", BASE + "_m.jpg", "n", BASE + "_n.jpg", "w", BASE + "_w.jpg", "", BASE + ".jpg",
                "z", BASE + "_z.jpg", "c", BASE + "_c.jpg", "b", BASE + "_b.jpg");
        expected.forEach((suffix, url) -> assertEquals(url, PhotoUrls.source(p, suffix), "size '" + suffix + "'"));
        assertEquals(BASE + ".jpg", PhotoUrls.source(p, PhotoSize.MEDIUM_500));
        assertEquals(BASE + "_z.jpg", PhotoUrls.source(p, "url_z"), "an extra's name works as well");
        assertEquals(10, PhotoUrls.sources(p).size(), "the element alone gives the ten shared-secret sizes");
        assertFalse(PhotoUrls.sources(p).containsKey(PhotoSize.LARGE_2048));
    }

    @Test
    void largeSizesAreNeverGuessedFromThePhotosSecret() {
        Element p = searchPhoto("");
        for (String size : new String[] {"h", "k", "3k", "4k", "f", "5k", "6k", "o"}) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> PhotoUrls.source(p, size));
            assertTrue(e.getMessage().contains(PhotoSize.of(size).extra() + " extra"), e.getMessage());
            assertTrue(e.getMessage().contains("flickr.photos.getSizes"), e.getMessage());
            assertFalse(e.getMessage().contains("abc123def0"), "no URL was made up: " + e.getMessage());
        }
    }

    @Test
    void largeSizesAndTheOriginalFromExtras() {
        Element p = searchPhoto("url_k=\"https://live.staticflickr.com/65535/52345678901_f00dfeed11_k.jpg\""
                + " originalsecret=\"0123abcdef\" originalformat=\"png\"");
        assertEquals("https://live.staticflickr.com/65535/52345678901_f00dfeed11_k.jpg", PhotoUrls.source(p, "k"));
        assertEquals("https://live.staticflickr.com/65535/52345678901_0123abcdef_o.png", PhotoUrls.source(p, "o"));
        Map<PhotoSize, String> all = PhotoUrls.sources(p);
        assertEquals(12, all.size());
        assertEquals(PhotoSize.ORIGINAL, all.keySet().stream().reduce((a, b) -> b).orElseThrow(), "smallest first");
    }

    @Test
    void pageUrlFromEachShapeOfPhoto() {
        assertEquals("https://www.flickr.com/photos/12037949754@N01/52345678901/", PhotoUrls.page(searchPhoto("")));
        assertEquals("https://www.flickr.com/photos/bees/52345678901/", PhotoUrls.page(searchPhoto("pathalias=\"bees\"")));
        assertEquals("https://www.flickr.com/photos/12037949754@N01/52345678901/",
                PhotoUrls.page(searchPhoto("pathalias=\"\"")), "an empty path alias falls back to the nsid");
        Element info = parse("<rsp stat=\"ok\"><photo id=\"7\" secret=\"s\" server=\"1\">"
                + "<owner nsid=\"35034347371@N01\" username=\"stewart\" path_alias=\"\"/></photo></rsp>");
        assertEquals("https://www.flickr.com/photos/35034347371@N01/7/", PhotoUrls.page(info), "getInfo's <rsp> unwrapped");
        Element set = parse("<photoset id=\"9\" owner=\"73509078@N00\"><photo id=\"8\" secret=\"s\" server=\"1\"/></photoset>");
        assertEquals("https://www.flickr.com/photos/73509078@N00/8/", PhotoUrls.page(set.element("photo")));
        assertEquals("https://www.flickr.com/photos/george/8/", PhotoUrls.page("george", "8"));
    }

    @Test
    void shortUrlsBothWays() {
        long p = 58;
        long id = 52_345_678_901L;
        String url = PhotoUrls.shortUrl(searchPhoto(""));
        assertTrue(url.startsWith("https://flic.kr/p/"), url);
        String code = url.substring("https://flic.kr/p/".length());
        long back = 0;
        for (char c : code.toCharArray()) {
            back = back * p + "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".indexOf(c);
        }
        assertEquals(id, back);
        assertEquals("52345678901", PhotoUrls.idOfShortUrl(url));
        assertEquals("52345678901", PhotoUrls.idOfShortUrl("flic.kr/p/" + code + "/"));
        assertEquals("52345678901", PhotoUrls.idOfShortUrl(code));
        assertEquals("https://flic.kr/p/21", PhotoUrls.shortUrl("58"));
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> PhotoUrls.idOfShortUrl("https://flic.kr/s/aHsk"));
        assertTrue(e.getMessage().contains("not a photo's short URL"), e.getMessage());
    }

    @Test
    void missingFactsAreNamed() {
        Element noSecret = parse("<photo id=\"5\" server=\"1\" owner=\"x@N01\"/>");
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> PhotoUrls.source(noSecret, "z"));
        assertTrue(e.getMessage().contains("it lacks secret"), e.getMessage());

        Element noOwner = parse("<photo id=\"5\" secret=\"s\" server=\"1\"/>");
        e = assertThrows(FlickrArgumentException.class, () -> PhotoUrls.page(noOwner));
        assertTrue(e.getMessage().contains("names no owner"), e.getMessage());

        Element noId = parse("<photo secret=\"s\" server=\"1\" owner=\"x@N01\"/>");
        e = assertThrows(FlickrArgumentException.class, () -> PhotoUrls.shortUrl(noId));
        assertTrue(e.getMessage().contains("has no id attribute"), e.getMessage());

        e = assertThrows(FlickrArgumentException.class, () -> PhotoUrls.source(searchPhoto(""), "xl"));
        assertTrue(e.getMessage().contains("photo size 'xl' is unknown; the sizes are s q t m n w \"\" z c b h k 3k"),
                e.getMessage());
        assertThrows(FlickrArgumentException.class, () -> PhotoUrls.page(null));
    }
}
