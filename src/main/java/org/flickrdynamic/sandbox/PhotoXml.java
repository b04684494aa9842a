package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Writes photos as Flickr's lists do: {@code <photo id owner secret server farm title ispublic isfriend
 * isfamily .../>} (in a set: no {@code owner}, and {@code isprimary}), then the attributes of the
 * {@code extras} asked for, and a {@code <description>} child for the {@code description} extra.
 *
 * <p>Every piece of a photo is escaped once, the first time the photo is written, and a photo as a list
 * last wrote it is kept whole, so writing a 500-photo page is joining 500 strings, and a sandbox that
 * never lists photos (a one-off command) never pays for it. Thread-safe.
 */
final class PhotoXml {
    /** The extras written as attributes, in the order they are written; each extra's fragment index. */
    private static final List<String> EXTRAS = List.of("license", "date_upload", "date_taken", "owner_name",
            "icon_server", "original_format", "last_update", "geo", "tags", "machine_tags", "o_dims", "views",
            "media", "path_alias", "url_sq", "url_q", "url_t", "url_s", "url_n", "url_m", "url_z", "url_c",
            "url_l", "url_o");
    /**
     * The sizes of every sandbox photo, a 4:3 original of 4000 x 3000, as {@code flickr.photos.getSizes}
     * lists them: label, file suffix, name (of the sizes page, and of the {@code url_*} extra for those
     * in {@link #EXTRAS}), width, height, and whose secret the file has ({@link #sizeSecret}).
     */
    static final String[][] SIZES = {
        {"Square", "_s", "sq", "75", "75", "0"}, {"Large Square", "_q", "q", "150", "150", "0"},
        {"Thumbnail", "_t", "t", "100", "75", "0"}, {"Small", "_m", "s", "240", "180", "0"},
        {"Small 320", "_n", "n", "320", "240", "0"}, {"Small 400", "_w", "w", "400", "300", "0"},
        {"Medium", "", "m", "500", "375", "0"}, {"Medium 640", "_z", "z", "640", "480", "0"},
        {"Medium 800", "_c", "c", "800", "600", "0"}, {"Large", "_b", "l", "1024", "768", "0"},
        {"Large 1600", "_h", "h", "1600", "1200", "1"}, {"Large 2048", "_k", "k", "2048", "1536", "2"},
        {"X-Large 3K", "_3k", "3k", "3072", "2304", "3"}, {"Original", "_o", "o", "4000", "3000", "4"}};

    /** One photo's escaped pieces. */
    private record Pieces(String id, String owner, String core, String visibility, String[] extras, String description) {
    }

    /**
     * The extras a request asked for: which attribute fragments to write, and whether a description;
     * {@code key} tells two sets of extras apart.
     */
    record Extras(int[] attributes, boolean description, long key) {
        boolean isEmpty() {
            return attributes.length == 0 && !description;
        }
    }

    /** A photo's pieces, kept with the photo they were made from, and its last listing as a whole. */
    private static final class Made {
        final Photo photo;
        final Pieces pieces;
        /** The photo as a list last wrote it: lists ask for the same extras page after page. */
        volatile Listed listed;

        Made(Photo photo, Pieces pieces) {
            this.photo = photo;
            this.pieces = pieces;
        }
    }

    private record Listed(long extras, String xml) {
    }

    /**
     * By photo id; an entry made from another {@link Photo} object than the one written (an edited photo)
     * is made anew.
     */
    private final ConcurrentHashMap<String, Made> made = new ConcurrentHashMap<>();
    /** Whether photos are made when read: then their pieces are made each time too, never held. */
    private final boolean onDemand;

    /** @param onDemand whether the data set makes its photos when read ({@link DataSet#onDemand}) */
    PhotoXml(boolean onDemand) {
        this.onDemand = onDemand;
    }

    private Made made(Photo p) {
        Made m = made.get(p.id());
        if (m == null || m.photo != p) {
            m = new Made(p, pieces(p));
            if (!onDemand) {
                // Holding every photo made on demand is what a synthetic data set exists to avoid.
                made.put(p.id(), m);
            }
        }
        return m;
    }

    /** Reads {@code extras}: a comma-separated list; names it does not know are ignored, as Flickr ignores them. */
    static Extras extras(String param) {
        boolean[] wanted = new boolean[EXTRAS.size()];
        boolean description = false;
        if (param != null) {
            for (String e : param.split(",")) {
                String name = e.strip();
                int i = EXTRAS.indexOf(name);
                if (i >= 0) {
                    wanted[i] = true;
                }
                description |= name.equals("description");
            }
        }
        List<Integer> on = new ArrayList<>();
        long key = description ? 1L << EXTRAS.size() : 0;
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i]) {
                on.add(i);
                key |= 1L << i;
            }
        }
        return new Extras(on.stream().mapToInt(Integer::intValue).toArray(), description, key);
    }

    /** A photo as search and the people methods list it. */
    void write(Xml out, Photo p, Extras extras) {
        Made m = made(p);
        Listed listed = m.listed;
        if (listed == null || listed.extras != extras.key) {
            Pieces x = m.pieces;
            Xml one = new Xml(512).raw("<photo").raw(x.id).raw(x.owner).raw(x.core).raw(x.visibility);
            finish(one, x, extras);
            listed = new Listed(extras.key, one.toString());
            m.listed = listed;
        }
        out.raw(listed.xml);
    }

    /** A photo as a set lists it: no owner attribute (the set has one), and {@code isprimary}. */
    void writeInSet(Xml out, Photo p, Extras extras, boolean primary) {
        Pieces x = made(p).pieces;
        out.raw("<photo").raw(x.id).raw(x.core).raw(primary ? " isprimary=\"1\"" : " isprimary=\"0\"")
                .raw(x.visibility);
        finish(out, x, extras);
    }

    private static void finish(Xml out, Pieces x, Extras extras) {
        for (int i : extras.attributes) {
            out.raw(x.extras[i]);
        }
        if (extras.description) {
            out.raw(">").raw(x.description).raw("</photo>");
        } else {
            out.raw(" />");
        }
    }

    private static Pieces pieces(Photo p) {
        String[] extras = new String[EXTRAS.size()];
        extras[EXTRAS.indexOf("license")] = attrs(x -> x.attr("license", 0));
        extras[EXTRAS.indexOf("date_upload")] = attrs(x -> x.attr("dateupload", p.uploaded()));
        extras[EXTRAS.indexOf("date_taken")] = attrs(x -> x.attr("datetaken", p.taken())
                .attr("datetakengranularity", 0).attr("datetakenunknown", 0));
        extras[EXTRAS.indexOf("owner_name")] = attrs(x -> x.attr("ownername", p.owner().username()));
        extras[EXTRAS.indexOf("icon_server")] = attrs(x -> x.attr("iconserver", 0).attr("iconfarm", 0));
        extras[EXTRAS.indexOf("original_format")] = attrs(x -> x.attr("originalsecret", originalSecret(p))
                .attr("originalformat", "jpg"));
        extras[EXTRAS.indexOf("last_update")] = attrs(x -> x.attr("lastupdate", p.lastUpdate()));
        extras[EXTRAS.indexOf("geo")] = attrs(x -> x.attr("latitude", 0).attr("longitude", 0).attr("accuracy", 0)
                .attr("context", 0));
        extras[EXTRAS.indexOf("tags")] = attrs(x -> x.attr("tags", String.join(" ", p.tags())));
        extras[EXTRAS.indexOf("machine_tags")] = attrs(x -> x.attr("machine_tags", ""));
        extras[EXTRAS.indexOf("o_dims")] = attrs(x -> x.attr("o_width", 4000).attr("o_height", 3000));
        extras[EXTRAS.indexOf("views")] = attrs(x -> x.attr("views", p.views()));
        extras[EXTRAS.indexOf("media")] = attrs(x -> x.attr("media", "photo").attr("media_status", "ready"));
        extras[EXTRAS.indexOf("path_alias")] = attrs(x -> x.attr("pathalias", ""));
        for (String[] size : SIZES) {
            int at = EXTRAS.indexOf("url_" + size[2]);
            if (at >= 0) {
                String secret = sizeSecret(p, size);
                extras[at] = attrs(x -> x.attr("url_" + size[2], sourceUrl(p, secret, size[1]))
                        .attr("height_" + size[2], size[4]).attr("width_" + size[2], size[3]));
            }
        }
        return new Pieces(attrs(x -> x.attr("id", p.id())), attrs(x -> x.attr("owner", p.owner().nsid())),
                attrs(x -> x.attr("secret", p.secret()).attr("server", p.server()).attr("farm", p.farm())
                        .attr("title", p.title())),
                attrs(x -> x.attr("ispublic", p.isPublic()).attr("isfriend", p.isFriend()).attr("isfamily", p.isFamily())),
                extras, new Xml(256).element("description", p.description()).toString());
    }

    private static String attrs(UnaryOperator<Xml> writer) {
        return writer.apply(new Xml(64)).toString();
    }

    /** Flickr gives originals a secret of their own; the sandbox derives it from the photo's. */
    static String originalSecret(Photo p) {
        return new StringBuilder(p.secret()).reverse().toString();
    }

    /**
     * The secret of one of {@link #SIZES}: the photo's (kind 0), one derived by rotating it (1 to 3, the
     * large sizes, which have secrets of their own on Flickr), or the original's (4).
     */
    static String sizeSecret(Photo p, String[] size) {
        int kind = Integer.parseInt(size[5]);
        if (kind == 4) {
            return originalSecret(p);
        }
        String s = p.secret();
        return s.substring(kind) + s.substring(0, kind);
    }

    static String sourceUrl(Photo p, String secret, String suffix) {
        return "https://live.staticflickr.com/" + p.server() + "/" + p.id() + "_" + secret + suffix + ".jpg";
    }

    static String pageUrl(Photo p) {
        return "https://www.flickr.com/photos/" + p.owner().nsid() + "/" + p.id() + "/";
    }
}
