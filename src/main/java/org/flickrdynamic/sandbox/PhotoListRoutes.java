package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The photo-list methods over the data set: {@code photos.search}, {@code people.getPhotos} and
 * {@code people.getPublicPhotos}, filtered by {@link PhotoQuery}, paged by {@link PageWindow} (100 per
 * page unless asked) and written by {@link PhotoXml}. Private photos are seen only by their owner's
 * token, as on Flickr.
 */
final class PhotoListRoutes {
    private final LiveData live;
    private final PhotoXml xml;

    private PhotoListRoutes(LiveData live, PhotoXml xml) {
        this.live = live;
        this.xml = xml;
    }

    static void register(Map<String, Route> routes, LiveData live, PhotoXml xml) {
        PhotoListRoutes r = new PhotoListRoutes(live, xml);
        routes.put("flickr.photos.search", r::search);
        routes.put("flickr.people.getPhotos", r::userPhotos);
        routes.put("flickr.people.getPublicPhotos", (request, params) ->
                r.list(params, r.owner(request, params).and(Photo::isPublic), live.now().photos));
    }

    private String search(Gatekeeper.Admitted request, Map<String, String> params) {
        DataSet data = live.now();
        Predicate<Photo> filter = PhotoQuery.filter(params, request.viewer());
        if (params.containsKey("user_id")) {
            filter = filter.and(owner(request, params));
        }
        return list(params, filter, PhotoQuery.ordered(data, params.get("sort")));
    }

    private String userPhotos(Gatekeeper.Admitted request, Map<String, String> params) {
        Predicate<Photo> filter = owner(request, params).and(PhotoQuery.filter(params, request.viewer()));
        return list(params, filter, live.now().photos);
    }

    /**
     * A filter on the owner named by {@code user_id}: an nsid, or {@code me} for the caller. A user the
     * data set does not have is the method's documented error about users, else Flickr's 2 "Unknown user".
     */
    private Predicate<Photo> owner(Gatekeeper.Admitted request, Map<String, String> params) {
        String userId = params.get("user_id");
        String nsid = "me".equals(userId) ? request.viewer() : userId;
        if (nsid == null || live.now().user(nsid) == null) {
            throw DocumentedErrors.notFound(request.method(), "user_id", 2, "Unknown user");
        }
        return p -> p.owner().nsid().equals(nsid);
    }

    private String list(Map<String, String> params, Predicate<Photo> filter, List<Photo> ordered) {
        List<Photo> hits = new ArrayList<>();
        for (Photo p : ordered) {
            if (filter.test(p)) {
                hits.add(p);
            }
        }
        PageWindow window = PageWindow.of(params, 100, hits.size());
        PhotoXml.Extras extras = PhotoXml.extras(params.get("extras"));
        List<Photo> page = window.slice(hits);
        Xml x = new Xml(200 + (extras.isEmpty() ? 160 : 480) * page.size());
        window.attributes(x.open("photos")).body();
        for (Photo p : page) {
            xml.write(x, p, extras);
        }
        return x.close("photos").toString();
    }
}
