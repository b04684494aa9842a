package org.flickrdynamic.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * The people and profile methods over the data set's users: {@code people.getInfo},
 * {@code people.findByUsername}, {@code people.findByEmail} (a user's address is
 * {@code username@example.com}), {@code urls.lookupUser}, {@code urls.getUserProfile},
 * {@code urls.getUserPhotos}, {@code people.getPublicGroups}, {@code galleries.getList} and
 * {@code collections.getTree}. The data set has no groups, galleries or collections, so those lists are
 * empty for every user, as Flickr's are for a user who has none. A user the data set does not have is
 * Flickr's {@code 1 User not found} (or the method's own documented error about users).
 */
final class PeopleRoutes {
    private static final String WEB = "https://www.flickr.com/";
    private final LiveData live;

    private PeopleRoutes(LiveData live) {
        this.live = live;
    }

    static void register(Map<String, Route> routes, LiveData live) {
        PeopleRoutes r = new PeopleRoutes(live);
        routes.put("flickr.people.getInfo", r::info);
        routes.put("flickr.people.findByUsername", (request, params) ->
                found(r.byName(request, params.get("username"))));
        routes.put("flickr.people.findByEmail", (request, params) -> found(r.byEmail(request, params.get("find_email"))));
        routes.put("flickr.urls.lookupUser", (request, params) -> found(r.byUrl(request, params.get("url"))));
        routes.put("flickr.urls.getUserProfile", (request, params) ->
                userUrl(r.subject(request, params), WEB + "people/"));
        routes.put("flickr.urls.getUserPhotos", (request, params) ->
                userUrl(r.subject(request, params), WEB + "photos/"));
        routes.put("flickr.people.getPublicGroups", (request, params) -> {
            r.subject(request, params);
            return "<groups />";
        });
        routes.put("flickr.galleries.getList", (request, params) -> {
            SandboxUser user = r.subject(request, params);
            PageWindow window = PageWindow.of(params, 100, 0);
            return new Xml(128).open("galleries").attr("total", 0).attr("page", window.page())
                    .attr("pages", 0).attr("per_page", window.perPage()).attr("user_id", user.nsid()).end().toString();
        });
        routes.put("flickr.collections.getTree", (request, params) -> {
            r.subject(request, params);
            if (params.containsKey("collection_id") && !params.get("collection_id").equals("0")) {
                throw DocumentedErrors.notFound(request.method(), "collection_id", 2, "Collection not found");
            }
            return "<collections />";
        });
    }

    /** {@code <person>}: names, profile URLs and the photos the caller may see. */
    private String info(Gatekeeper.Admitted request, Map<String, String> params) {
        SandboxUser user = subject(request, params);
        String viewer = request.viewer();
        int count = 0;
        long firstUpload = Long.MAX_VALUE;
        String firstTaken = null;
        for (Photo p : live.now().photos) {
            if (p.owner().nsid().equals(user.nsid()) && p.visibleTo(viewer)) {
                count++;
                firstUpload = Math.min(firstUpload, p.uploaded());
                if (firstTaken == null || p.taken().compareTo(firstTaken) < 0) {
                    firstTaken = p.taken();
                }
            }
        }
        Xml x = new Xml(640).open("person").attr("id", user.nsid()).attr("nsid", user.nsid()).attr("ispro", 0)
                .attr("is_deleted", 0).attr("iconserver", 0).attr("iconfarm", 0).attr("path_alias", "").body()
                .element("username", user.username()).element("realname", user.realname())
                .element("location", "").element("description", "")
                .element("photosurl", WEB + "photos/" + user.nsid() + "/")
                .element("profileurl", WEB + "people/" + user.nsid() + "/")
                .element("mobileurl", "https://m.flickr.com/photostream.gne?id=" + user.nsid())
                .open("photos").body();
        if (count > 0) {
            x.element("firstdatetaken", firstTaken).element("firstdate", Long.toString(firstUpload));
        }
        return x.element("count", Integer.toString(count)).close("photos").close("person").toString();
    }

    /** The user {@code user_id} names, else the caller; {@code 1 User not found} when neither is a user. */
    private SandboxUser subject(Gatekeeper.Admitted request, Map<String, String> params) {
        String nsid = params.getOrDefault("user_id", request.viewer());
        SandboxUser user = nsid == null ? null : live.now().user(nsid);
        if (user == null) {
            throw notFound(request);
        }
        return user;
    }

    private SandboxUser byName(Gatekeeper.Admitted request, String username) {
        for (SandboxUser u : live.now().users) {
            if (u.username().equalsIgnoreCase(username.strip())) {
                return u;
            }
        }
        throw notFound(request);
    }

    private SandboxUser byEmail(Gatekeeper.Admitted request, String email) {
        for (SandboxUser u : live.now().users) {
            if (email(u).equalsIgnoreCase(email.strip())) {
                return u;
            }
        }
        throw notFound(request);
    }

    /** The user of a photostream or profile URL: {@code /photos/NAME-OR-NSID/...} or {@code /people/...}. */
    private SandboxUser byUrl(Gatekeeper.Admitted request, String url) {
        String path;
        try {
            path = new URI(url.strip()).getPath();
        } catch (URISyntaxException e) {
            throw notFound(request);
        }
        String[] parts = path == null ? new String[0] : path.split("/");
        if (parts.length >= 3 && (parts[1].equals("photos") || parts[1].equals("people"))) {
            SandboxUser byNsid = live.now().user(parts[2]);
            return byNsid != null ? byNsid : byName(request, parts[2]);
        }
        throw notFound(request);
    }

    /** The e-mail address of a data set user, for {@code people.findByEmail}. */
    static String email(SandboxUser user) {
        return user.username().toLowerCase(Locale.ROOT) + "@example.com";
    }

    private static Fail notFound(Gatekeeper.Admitted request) {
        return DocumentedErrors.notFound(request.method(), "user_id", 1, "User not found");
    }

    private static String found(SandboxUser u) {
        return new Xml(160).open("user").attr("id", u.nsid()).attr("nsid", u.nsid()).body()
                .element("username", u.username()).close("user").toString();
    }

    private static String userUrl(SandboxUser u, String base) {
        return new Xml(160).open("user").attr("nsid", u.nsid()).attr("url", base + u.nsid() + "/").end().toString();
    }
}
