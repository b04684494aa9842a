package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The photo-list methods over the data set: {@code photos.search}, {@code photos.getRecent},
 * {@code people.getPhotos} and {@code people.getPublicPhotos}, filtered by {@link PhotoQuery}, paged by {@link PageWindow} (100 per
 * page unless asked) and written by {@link PhotoXml}. Private photos are seen only by their owner's
 * token, as on Flickr. A search must name one of {@link #FILTERS}, else it is Flickr's code 3
 * {@code Parameterless searches have been disabled}. Search, like Flickr's, gives at most {@value #SEARCH_CAP} results per query:
 * later pages repeat the last page within them, while {@code total} stays the true count.
 */
final class PhotoListRoutes {
    /** Flickr returns at most this many results for one search query, however many match. */
    static final int SEARCH_CAP = 4_000;
    /**
     * The arguments that narrow a search; one at least must be given, as Flickr refuses a search without
     * (code 3). Paging, order, extras and the media or safety switches do not count.
     */
    static final Set<String> FILTERS = Set.of("user_id", "tags", "text", "min_upload_date", "max_upload_date",
            "min_taken_date", "max_taken_date", "license", "bbox", "machine_tags", "group_id", "contacts", "woe_id",
            "place_id", "has_geo", "lat", "lon", "is_commons", "in_gallery", "is_getty");
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
        // What Flickr's refusal of an empty search points to: everyone's public photos, newest first.
        routes.put("flickr.photos.getRecent", (request, params) ->
                r.list(params, Photo::isPublic, r.live.now().photos, 0));
        routes.put("flickr.people.getPublicPhotos", (request, params) ->
                r.list(params, r.owner(request, params).and(Photo::isPublic), r.live.now().photos, 0));
    }

    private String search(Gatekeeper.Admitted request, Map<String, String> params) {
        if (FILTERS.stream().noneMatch(params::containsKey)) {
            throw new Fail(3, "Parameterless searches have been disabled. Please use flickr.photos.getRecent instead.");
        }
        DataSet data = live.now();
        Predicate<Photo> filter = PhotoQuery.filter(params, request.viewer());
        if (params.containsKey("user_id")) {
            filter = filter.and(owner(request, params));
        }
        List<Photo> ordered = PhotoQuery.ordered(data, params.get("sort"));
        return list(params, filter, PhotoQuery.narrowed(data, ordered, params), SEARCH_CAP);
    }

    private String userPhotos(Gatekeeper.Admitted request, Map<String, String> params) {
        Predicate<Photo> filter = owner(request, params).and(PhotoQuery.filter(params, request.viewer()));
        DataSet data = live.now();
        return list(params, filter, PhotoQuery.narrowed(data, data.photos, params), 0);
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

    /**
     * One page of the photos that pass the filter, in the given order. Only the page is kept while
     * counting the total, so a list over a large synthetic data set costs one page of heap. With a
     * {@code cap} (search's 4,000), pages starting past the cap answer the last page within it again,
     * with the true {@code total} and {@code pages}, as Flickr does; a page past 10,000 holds what page
     * 10,000 holds ({@link PageWindow#from}); otherwise a page past the end is empty.
     */
    private String list(Map<String, String> params, Predicate<Photo> filter, List<Photo> ordered, int cap) {
        PageWindow asked = PageWindow.of(params, 100, 0);
        int perPage = asked.perPage();
        long from = asked.from();
        boolean pastCap = cap > 0 && from >= cap;
        long keepFrom = pastCap ? (long) ((cap - 1) / perPage) * perPage : from;
        long keepTo = cap > 0 ? Math.min(keepFrom + perPage, cap) : keepFrom + perPage;
        List<Photo> page = new ArrayList<>(Math.min(perPage, 512));
        int total = 0;
        for (Photo p : ordered) {
            if (filter.test(p)) {
                if (total >= keepFrom && total < keepTo) {
                    page.add(p);
                }
                total++;
            }
        }
        if (pastCap && total <= cap) {
            page = List.of(); // not past the cap after all, only past the end
        }
        PageWindow window = new PageWindow(asked.page(), perPage, total);
        PhotoXml.Extras extras = PhotoXml.extras(params.get("extras"));
        Xml x = new Xml(200 + (extras.isEmpty() ? 160 : 480) * page.size());
        window.attributes(x.open("photos")).body();
        for (Photo p : page) {
            xml.write(x, p, extras);
        }
        return x.close("photos").toString();
    }
}
