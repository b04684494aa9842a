package org.flickrdynamic.sandbox;

import java.util.Map;

/**
 * {@code flickr.photos.getSizes} over the data set, listing {@link PhotoXml#SIZES}. Every sandbox photo
 * is a 4000 x 3000 original, so it has the sizes up to X-Large 3K and the original, as Flickr would list
 * them; it has no 4K, 5K or 6K.
 * The sizes up to Large 1024 use the photo's secret; Large 1600, Large 2048 and X-Large 3K have secrets
 * of their own, derived from the photo's, and the original has the {@code originalsecret} the
 * {@code original_format} extra shows, so a client that guesses a secret gets a wrong URL.
 */
final class SizeRoutes {
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
        for (String[] s : PhotoXml.SIZES) {
            x.open("size").attr("label", s[0]).attr("width", s[3]).attr("height", s[4])
                    .attr("source", PhotoXml.sourceUrl(p, PhotoXml.sizeSecret(p, s), s[1]))
                    .attr("url", PhotoXml.pageUrl(p) + "sizes/" + s[2] + "/").attr("media", "photo").end();
        }
        return x.close("sizes").toString();
    }
}
