package org.flickrdynamic.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The photo-list methods over the data set: {@code photos.search}, {@code people.getPhotos},
 * {@code people.getPublicPhotos}, plus {@code photos.getInfo} and {@code tags.getListPhoto}.
 * Private photos are seen only by their owner's token, as on Flickr.
 */
final class PhotoRoutes {
    private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DataSet data;

    private PhotoRoutes(DataSet data) {
        this.data = data;
    }

    static void register(Map<String, Route> routes, DataSet data) {
        PhotoRoutes r = new PhotoRoutes(data);
        routes.put("flickr.photos.search", r::search);
        routes.put("flickr.people.getPhotos", (request, params) ->
                r.list(params, 100, r.owner(params.get("user_id"), request).and(p -> p.visibleTo(request.viewer()))));
        routes.put("flickr.people.getPublicPhotos", (request, params) ->
                r.list(params, 100, r.owner(params.get("user_id"), request).and(Photo::isPublic)));
        routes.put("flickr.photos.getInfo", r::info);
        routes.put("flickr.tags.getListPhoto", r::tags);
    }

    private String search(Gatekeeper.Admitted request, Map<String, String> params) {
        Predicate<Photo> filter = p -> p.visibleTo(request.viewer());
        if (params.containsKey("user_id")) {
            filter = filter.and(owner(params.get("user_id"), request));
        }
        String tags = params.get("tags");
        if (tags != null && !tags.isBlank()) {
            List<String> wanted = new ArrayList<>();
            for (String t : tags.split(",")) {
                if (!t.isBlank()) {
                    wanted.add(t.strip().toLowerCase(Locale.ROOT));
                }
            }
            boolean all = "all".equals(params.get("tag_mode"));
            filter = filter.and(p -> all ? p.tags().containsAll(wanted) : wanted.stream().anyMatch(p.tags()::contains));
        }
        String text = params.get("text");
        if (text != null && !text.isBlank()) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            filter = filter.and(p -> p.title().toLowerCase(Locale.ROOT).contains(t)
                    || p.description().toLowerCase(Locale.ROOT).contains(t) || p.tags().contains(t));
        }
        Long minUpload = unixSeconds(params.get("min_upload_date"));
        Long maxUpload = unixSeconds(params.get("max_upload_date"));
        if (minUpload != null) {
            filter = filter.and(p -> p.uploaded() >= minUpload);
        }
        if (maxUpload != null) {
            filter = filter.and(p -> p.uploaded() <= maxUpload);
        }
        String minTaken = mysql(params.get("min_taken_date"));
        String maxTaken = mysql(params.get("max_taken_date"));
        if (minTaken != null) {
            filter = filter.and(p -> p.taken().compareTo(minTaken) >= 0);
        }
        if (maxTaken != null) {
            filter = filter.and(p -> p.taken().compareTo(maxTaken) <= 0);
        }
        return list(params, 100, filter);
    }

    /** A filter on the owner: an nsid, or {@code me} for the caller; an unknown user is Flickr's error 2. */
    private Predicate<Photo> owner(String userId, Gatekeeper.Admitted request) {
        String nsid = "me".equals(userId) ? request.viewer() : userId;
        if (nsid == null || data.user(nsid) == null) {
            throw new Fail(2, "Unknown user");
        }
        return p -> p.owner().nsid().equals(nsid);
    }

    private String list(Map<String, String> params, int defaultPerPage, Predicate<Photo> filter) {
        List<Photo> hits = new ArrayList<>();
        for (Photo p : data.photos) {
            if (filter.test(p)) {
                hits.add(p);
            }
        }
        hits.sort(order(params.get("sort")));
        PageWindow window = PageWindow.of(params, defaultPerPage, hits.size());
        Set<String> extras = PhotoXml.extras(params.get("extras"));
        List<Photo> page = window.slice(hits);
        Xml x = new Xml(200 + 220 * page.size());
        window.attributes(x.open("photos")).body();
        for (Photo p : page) {
            PhotoXml.write(x, p, extras);
        }
        return x.close("photos").toString();
    }

    private static Comparator<Photo> order(String sort) {
        Comparator<Photo> posted = Comparator.comparingLong(Photo::uploaded);
        Comparator<Photo> taken = Comparator.comparing(Photo::taken);
        Comparator<Photo> byId = Comparator.comparing(Photo::id);
        return switch (sort == null ? "" : sort) {
            case "date-posted-asc" -> posted.thenComparing(byId);
            case "date-taken-asc" -> taken.thenComparing(byId);
            case "date-taken-desc" -> taken.reversed().thenComparing(byId);
            default -> posted.reversed().thenComparing(byId); // date-posted-desc, Flickr's default
        };
    }

    private Photo visiblePhoto(Gatekeeper.Admitted request, String id) {
        Photo p = id == null ? null : data.photosById.get(id);
        if (p == null || !p.visibleTo(request.viewer())) {
            throw new Fail(1, "Photo not found");
        }
        return p;
    }

    private String info(Gatekeeper.Admitted request, Map<String, String> params) {
        Photo p = visiblePhoto(request, params.get("photo_id"));
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
                .attr("takenunknown", 0).attr("lastupdate", p.uploaded()).end();
        if (mine) {
            x.open("permissions").attr("permcomment", 3).attr("permaddmeta", 2).end();
        }
        x.open("editability").attr("cancomment", mine).attr("canaddmeta", mine).end();
        x.open("usage").attr("candownload", 1).attr("canblog", 0).attr("canprint", 0).attr("canshare", 1).end();
        x.element("comments", "0");
        x.open("notes").end();
        x.open("people").attr("haspeople", 0).end();
        tagElements(x, p, false);
        x.open("urls").body().open("url").attr("type", "photopage").body().text(PhotoXml.pageUrl(p))
                .close("url").close("urls");
        return x.close("photo").toString();
    }

    private String tags(Gatekeeper.Admitted request, Map<String, String> params) {
        Photo p = visiblePhoto(request, params.get("photo_id"));
        Xml x = new Xml(1024).open("photo").attr("id", p.id()).body();
        tagElements(x, p, true);
        return x.close("photo").toString();
    }

    private static void tagElements(Xml x, Photo p, boolean withAuthorName) {
        x.open("tags").body();
        for (int i = 0; i < p.tags().size(); i++) {
            String tag = p.tags().get(i);
            x.open("tag").attr("id", p.owner().nsid().replace("@", "") + "-" + p.id() + "-" + i)
                    .attr("author", p.owner().nsid());
            if (withAuthorName) {
                x.attr("authorname", p.owner().username());
            }
            x.attr("raw", tag).attr("machine_tag", 0).body().text(tag).close("tag");
        }
        x.close("tags");
    }

    /** Unix seconds, or a MySQL datetime or date, as Flickr accepts for upload dates; {@code null} if unreadable. */
    static Long unixSeconds(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(t);
        }
        LocalDateTime dt = dateTime(t);
        return dt == null ? null : dt.toEpochSecond(ZoneOffset.UTC);
    }

    /** A taken-date bound in Flickr's MySQL form; Unix seconds are converted. */
    static String mysql(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.chars().allMatch(Character::isDigit)) {
            return MYSQL.format(LocalDateTime.ofEpochSecond(Long.parseLong(t), 0, ZoneOffset.UTC));
        }
        LocalDateTime dt = dateTime(t);
        return dt == null ? null : MYSQL.format(dt);
    }

    private static LocalDateTime dateTime(String t) {
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t, MYSQL);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
