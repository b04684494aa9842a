package org.flickrdynamic.sandbox;

import java.util.Map;

/**
 * {@code flickr.photos.getSizes} over the data set. Every sandbox photo is a 4000 x 3000 original, so
 * it has the sizes up to X-Large 3K and the original, as Flickr would list them; it has no 4K, 5K or 6K.
 * The sizes up to Large 1024 use the photo's secret; Large 1600, Large 2048 and X-Large 3K have secrets
 * of their own, derived from the photo's, and the original has the {@code originalsecret} the
 * {@code original_format} extra shows, so a client that guesses a secret gets a wrong URL.
 */
final class SizeRoutes {
    /** Label, URL suffix, page slug, width, height, secret kind: 0 the photo's, 1-3 a derived one, 4 the original's. */
    private static final String[][] SIZES = {
        {"Square", "_s", "sq", "75", "75", "0"}, {"Large Square", "_q", "q", "150", "150", "0"},
        {"Thumbnail", "_t", "t", "100", "75", "0"}, {"Small", "_m", "s", "240", "180", "0"},
        {"Small 320", "_n", "n", "320", "240", "0"}, {"Small 400", "_w", "w", "400", "300", "0"},
        {"Medium", "", "m", "500", "375", "0"}, {"Medium 640", "_z", "z", "640", "480", "0"},
        {"Medium 800", "_c", "c", "800", "600", "0"}, {"Large", "_b", "l", "1024", "768", "0"},
        {"Large 1600", "_h", "h", "1600", "1200", "1"}, {"Large 2048", "_k", "k", "2048", "1536", "2"},
        {"X-Large 3K", "_3k", "3k", "3072", "2304", "3"}, {"Original", "_o", "o", "4000", "3000", "4"}};

    private final LiveData live;

    private SizeRoutes(LiveData live) {
        this.live = live;
    }

    static void register(Map<String, Route> routes, LiveData live) {
        routes.put("flickr.photos.getSizes", new SizeRoutes(live)::sizes);
    }

    private String sizes(Gatekeeper.Admitted request, Map<String, String> params) {
        Photo p = live.now().photosById.get(params.get("photo_id"));
        if (p == null || !p.visibleTo(request.viewer())) {
            throw DocumentedErrors.notFound(request.method(), "photo_id", 1, "Photo not found");
        }
        Xml x = new Xml(4096).open("sizes").attr("canblog", 0).attr("canprint", 0).attr("candownload", 1).body();
        for (String[] s : SIZES) {
            x.open("size").attr("label", s[0]).attr("width", s[3]).attr("height", s[4])
                    .attr("source", PhotoXml.sourceUrl(p, secret(p, Integer.parseInt(s[5])), s[1]))
                    .attr("url", PhotoXml.pageUrl(p) + "sizes/" + s[2] + "/").attr("media", "photo").end();
        }
        return x.close("sizes").toString();
    }

    /** The secret of a size: the photo's (0), one derived by rotating it (1-3), or the original's (4). */
    static String secret(Photo p, int kind) {
        String s = p.secret();
        if (kind == 4) {
            return PhotoXml.originalSecret(p);
        }
        return s.substring(kind) + s.substring(0, kind);
    }
}
