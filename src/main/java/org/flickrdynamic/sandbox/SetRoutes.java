package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code flickr.photosets.getList} and {@code flickr.photosets.getPhotos} over the data set. */
final class SetRoutes {
    private SetRoutes() {
    }

    static void register(Map<String, Route> routes, DataSet data) {
        routes.put("flickr.photosets.getList", (request, params) -> {
            String nsid = params.getOrDefault("user_id", request.viewer());
            if (nsid == null || data.user(nsid) == null) {
                throw new Fail(1, "User not found");
            }
            List<Photoset> sets = data.sets.stream().filter(s -> s.owner().nsid().equals(nsid)).toList();
            PageWindow window = PageWindow.of(params, 500, sets.size());
            Xml x = new Xml(4096);
            window.attributes(x.open("photosets").attr("cancreate", 1)).body();
            for (Photoset s : window.slice(sets)) {
                Photo primary = s.primary();
                x.open("photoset").attr("id", s.id()).attr("owner", nsid).attr("username", s.owner().username())
                        .attr("primary", primary.id()).attr("secret", primary.secret())
                        .attr("server", primary.server()).attr("farm", primary.farm())
                        .attr("count_views", 0).attr("count_comments", 0).attr("count_photos", s.photos().size())
                        .attr("count_videos", 0).attr("photos", s.photos().size()).attr("videos", 0)
                        .attr("can_comment", 0).attr("date_create", s.created()).attr("date_update", s.created())
                        .body().element("title", s.title()).element("description", s.description())
                        .close("photoset");
            }
            return x.close("photosets").toString();
        });
        routes.put("flickr.photosets.getPhotos", (request, params) -> {
            Photoset set = data.setsById.get(params.get("photoset_id"));
            if (set == null) {
                throw new Fail(1, "Photoset not found");
            }
            List<Photo> visible = new ArrayList<>();
            for (Photo p : set.photos()) {
                if (p.visibleTo(request.viewer())) {
                    visible.add(p);
                }
            }
            PageWindow window = PageWindow.of(params, 500, visible.size());
            Set<String> extras = PhotoXml.extras(params.get("extras"));
            List<Photo> page = window.slice(visible);
            Xml x = new Xml(300 + 200 * page.size());
            x.open("photoset").attr("id", set.id()).attr("primary", set.primary().id())
                    .attr("owner", set.owner().nsid()).attr("ownername", set.owner().username());
            window.attributes(x).attr("per_page", window.perPage()).attr("title", set.title()).body();
            for (Photo p : page) {
                PhotoXml.writeInSet(x, p, extras, p == set.primary());
            }
            return x.close("photoset").toString();
        });
    }
}
