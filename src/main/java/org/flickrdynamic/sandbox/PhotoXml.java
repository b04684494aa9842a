package org.flickrdynamic.sandbox;

import java.util.LinkedHashSet;
import java.util.Set;

/** Writes photos as Flickr's lists do: the standard attributes, then the extras asked for. */
final class PhotoXml {
    private static final String[][] SIZES = {
        {"sq", "_s", "75", "75"}, {"q", "_q", "150", "150"}, {"t", "_t", "100", "75"}, {"s", "_m", "240", "180"},
        {"n", "_n", "320", "240"}, {"m", "", "500", "375"}, {"z", "_z", "640", "480"}, {"c", "_c", "800", "600"},
        {"l", "_b", "1024", "768"}};

    private PhotoXml() {
    }

    static Set<String> extras(String param) {
        Set<String> out = new LinkedHashSet<>();
        if (param != null) {
            for (String e : param.split(",")) {
                if (!e.isBlank()) {
                    out.add(e.strip());
                }
            }
        }
        return out;
    }

    /** {@code <photo id owner secret server farm title ispublic isfriend isfamily .../>}, as search lists it. */
    static void write(Xml x, Photo p, Set<String> extras) {
        write(x, p, extras, null);
    }

    /**
     * A photo as a set lists it: no owner attribute (the set has one), and {@code isprimary}.
     */
    static void writeInSet(Xml x, Photo p, Set<String> extras, boolean primary) {
        write(x, p, extras, primary);
    }

    private static void write(Xml x, Photo p, Set<String> extras, Boolean primaryInSet) {
        x.open("photo").attr("id", p.id());
        if (primaryInSet == null) {
            x.attr("owner", p.owner().nsid());
        }
        x.attr("secret", p.secret()).attr("server", p.server()).attr("farm", p.farm()).attr("title", p.title());
        if (primaryInSet != null) {
            x.attr("isprimary", primaryInSet);
        }
        x.attr("ispublic", p.isPublic()).attr("isfriend", p.isFriend()).attr("isfamily", p.isFamily());
        if (extras.contains("license")) {
            x.attr("license", 0);
        }
        if (extras.contains("date_upload")) {
            x.attr("dateupload", p.uploaded());
        }
        if (extras.contains("date_taken")) {
            x.attr("datetaken", p.taken()).attr("datetakengranularity", 0).attr("datetakenunknown", 0);
        }
        if (extras.contains("owner_name")) {
            x.attr("ownername", p.owner().username());
        }
        if (extras.contains("last_update")) {
            x.attr("lastupdate", p.uploaded());
        }
        if (extras.contains("tags")) {
            x.attr("tags", String.join(" ", p.tags()));
        }
        if (extras.contains("views")) {
            x.attr("views", p.views());
        }
        if (extras.contains("media")) {
            x.attr("media", "photo").attr("media_status", "ready");
        }
        if (extras.contains("path_alias")) {
            x.attr("pathalias", "");
        }
        for (String[] size : SIZES) {
            if (extras.contains("url_" + size[0])) {
                x.attr("url_" + size[0], sourceUrl(p, size[1])).attr("height_" + size[0], size[3])
                        .attr("width_" + size[0], size[2]);
            }
        }
        if (extras.contains("description")) {
            x.body().open("description").body().text(p.description()).close("description").close("photo");
        } else {
            x.end();
        }
    }

    static String sourceUrl(Photo p, String suffix) {
        return "https://live.staticflickr.com/" + p.server() + "/" + p.id() + "_" + p.secret() + suffix + ".jpg";
    }

    static String pageUrl(Photo p) {
        return "https://www.flickr.com/photos/" + p.owner().nsid() + "/" + p.id() + "/";
    }
}
