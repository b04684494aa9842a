package org.flickrdynamic.sandbox;

import java.util.List;
import java.util.Map;

/**
 * {@code flickr.photosets.getList} and {@code flickr.photosets.getPhotos} over the data set. Counts are
 * of the photos the caller may see, so a set's {@code photos} in the list always equals the
 * {@code total} its getPhotos pages add up to.
 */
final class SetRoutes {
    private final LiveData live;
    private final PhotoXml xml;

    private SetRoutes(LiveData live, PhotoXml xml) {
        this.live = live;
        this.xml = xml;
    }

    static void register(Map<String, Route> routes, LiveData live, PhotoXml xml) {
        SetRoutes r = new SetRoutes(live, xml);
        routes.put("flickr.photosets.getList", r::list);
        routes.put("flickr.photosets.getPhotos", r::photos);
    }

    private String list(Gatekeeper.Admitted request, Map<String, String> params) {
        DataSet data = live.now();
        // Without user_id, the caller's own sets, as Flickr documents.
        String nsid = params.getOrDefault("user_id", request.viewer());
        if (nsid == null || data.user(nsid) == null) {
            throw DocumentedErrors.notFound(request.method(), "user_id", 1, "User not found");
        }
        List<Photoset> sets = data.sets.stream().filter(s -> s.owner().nsid().equals(nsid)).toList();
        PageWindow window = PageWindow.of(params, PageWindow.MAX_PER_PAGE, sets.size());
        Xml x = new Xml(4096);
        window.attributes(x.open("photosets").attr("cancreate", nsid.equals(request.viewer()))).body();
        for (Photoset s : window.slice(sets)) {
            Photo primary = s.primary();
            int count = s.visibleTo(request.viewer()).size();
            x.open("photoset").attr("id", s.id()).attr("owner", nsid).attr("username", s.owner().username())
                    .attr("primary", primary.id()).attr("secret", primary.secret())
                    .attr("server", primary.server()).attr("farm", primary.farm())
                    .attr("count_views", 0).attr("count_comments", 0).attr("count_photos", count)
                    .attr("count_videos", 0).attr("photos", count).attr("videos", 0)
                    .attr("can_comment", 0).attr("date_create", s.created()).attr("date_update", s.updated())
                    .body().element("title", s.title()).element("description", s.description())
                    .close("photoset");
        }
        return x.close("photosets").toString();
    }

    private String photos(Gatekeeper.Admitted request, Map<String, String> params) {
        DataSet data = live.now();
        Photoset set = data.setsById.get(params.get("photoset_id"));
        String userId = params.get("user_id");
        if (userId != null && data.user(userId) == null) {
            throw DocumentedErrors.notFound(request.method(), "user_id", 2, "User not found");
        }
        if (set == null || (userId != null && !userId.equals(set.owner().nsid()))) {
            throw DocumentedErrors.notFound(request.method(), "photoset_id", 1, "Photoset not found");
        }
        List<Photo> visible = set.visibleTo(request.viewer());
        if (params.containsKey("privacy_filter")) {
            visible = visible.stream().filter(PhotoQuery.privacy(params)).toList();
        }
        PageWindow window = PageWindow.of(params, PageWindow.MAX_PER_PAGE, visible.size());
        PhotoXml.Extras extras = PhotoXml.extras(params.get("extras"));
        List<Photo> page = window.slice(visible);
        Xml x = new Xml(300 + (extras.isEmpty() ? 160 : 480) * page.size());
        x.open("photoset").attr("id", set.id()).attr("primary", set.primary().id())
                .attr("owner", set.owner().nsid()).attr("ownername", set.owner().username());
        window.attributes(x).attr("per_page", window.perPage()).attr("title", set.title()).body();
        for (Photo p : page) {
            xml.writeInSet(x, p, extras, p == set.primary());
        }
        return x.close("photoset").toString();
    }
}
