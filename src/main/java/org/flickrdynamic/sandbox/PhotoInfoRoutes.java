package org.flickrdynamic.sandbox;

import java.util.Map;

/**
 * {@code flickr.photos.getInfo} and {@code flickr.tags.getListPhoto} over the data set, in Flickr's
 * formats. A photo the caller may not see is "not found", unless the request gives the photo's
 * {@code secret}, which lets anyone see it, as on Flickr.
 */
final class PhotoInfoRoutes {
    private final LiveData live;

    private PhotoInfoRoutes(LiveData live) {
        this.live = live;
    }

    static void register(Map<String, Route> routes, LiveData live) {
        PhotoInfoRoutes r = new PhotoInfoRoutes(live);
        routes.put("flickr.photos.getInfo", r::info);
        routes.put("flickr.tags.getListPhoto", r::tags);
    }

    private Photo visiblePhoto(Gatekeeper.Admitted request, Map<String, String> params) {
        Photo p = live.now().photosById.get(params.get("photo_id"));
        if (p == null || !(p.visibleTo(request.viewer()) || p.secret().equals(params.get("secret")))) {
            throw DocumentedErrors.notFound(request.method(), "photo_id", 1, "Photo not found");
        }
        return p;
    }

    private String info(Gatekeeper.Admitted request, Map<String, String> params) {
        Photo p = visiblePhoto(request, params);
        boolean mine = p.owner().nsid().equals(request.viewer());
        Xml x = new Xml(2048);
        x.open("photo").attr("id", p.id()).attr("secret", p.secret()).attr("server", p.server())
                .attr("farm", p.farm()).attr("dateuploaded", p.uploaded()).attr("isfavorite", 0)
                .attr("license", 0).attr("safety_level", 0).attr("rotation", 0).attr("views", p.views())
                .attr("media", "photo").body();
        x.open("owner").attr("nsid", p.owner().nsid()).attr("username", p.owner().username())
                .attr("realname", p.owner().realname()).attr("location", "").attr("iconserver", 0)
                .attr("iconfarm", 0).attr("path_alias", "").end();
        x.element("title", p.title()).element("description", p.description());
        x.open("visibility").attr("ispublic", p.isPublic()).attr("isfriend", p.isFriend())
                .attr("isfamily", p.isFamily()).end();
        x.open("dates").attr("posted", p.uploaded()).attr("taken", p.taken()).attr("takengranularity", 0)
                .attr("takenunknown", 0).attr("lastupdate", p.lastUpdate()).end();
        if (mine) {
            // Flickr shows the permissions to the owner only.
            x.open("permissions").attr("permcomment", 3).attr("permaddmeta", 2).end();
        }
        x.open("editability").attr("cancomment", mine).attr("canaddmeta", mine).end();
        x.open("publiceditability").attr("cancomment", 1).attr("canaddmeta", 0).end();
        x.open("usage").attr("candownload", 1).attr("canblog", 0).attr("canprint", 0).attr("canshare", 1).end();
        x.element("comments", "0");
        x.open("notes").body().close("notes");
        x.open("people").attr("haspeople", 0).end();
        tagElements(x, p);
        x.open("urls").body().open("url").attr("type", "photopage").body().text(PhotoXml.pageUrl(p))
                .close("url").close("urls");
        return x.close("photo").toString();
    }

    private String tags(Gatekeeper.Admitted request, Map<String, String> params) {
        Photo p = visiblePhoto(request, params);
        Xml x = new Xml(1024).open("photo").attr("id", p.id()).body();
        tagElements(x, p);
        return x.close("photo").toString();
    }

    /**
     * The tags as getInfo and getListPhoto write them: an id unique per photo and tag, the author and the
     * author's name (Flickr's recorded getInfo answers have it too), the raw form.
     */
    private static void tagElements(Xml x, Photo p) {
        x.open("tags").body();
        for (int i = 0; i < p.tags().size(); i++) {
            x.open("tag").attr("id", p.tagIds().get(i))
                    .attr("author", p.owner().nsid()).attr("authorname", p.owner().username())
                    .attr("raw", p.rawTags().get(i)).attr("machine_tag", 0).body().text(p.tags().get(i)).close("tag");
        }
        x.close("tags");
    }
}
