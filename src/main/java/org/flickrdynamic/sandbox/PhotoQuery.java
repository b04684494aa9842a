package org.flickrdynamic.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The criteria of the photo-list methods, read from a request's parameters, as one filter over the data
 * set: who may see a photo, {@code user_id}, {@code tags} with {@code tag_mode} ({@code any} by default,
 * or {@code all}; a tag written {@code -cat} excludes), {@code text} in title, description or tags,
 * {@code min/max_upload_date} and {@code min/max_taken_date} (Unix seconds, a MySQL datetime or a date),
 * {@code privacy_filter} (1 public ... 5 private; it narrows only what the caller may see anyway) and
 * {@code media} (every sandbox photo is a photo, so {@code videos} finds none). Criteria a method does
 * not take are simply never given to it.
 */
final class PhotoQuery {
    private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PhotoQuery() {
    }

    /** Every photo the viewer may see that meets the request's criteria, minus the owner (given apart). */
    static Predicate<Photo> filter(Map<String, String> params, String viewer) {
        Predicate<Photo> filter = p -> p.visibleTo(viewer);
        filter = filter.and(tags(params.get("tags"), "all".equalsIgnoreCase(params.get("tag_mode"))));
        String text = params.get("text");
        if (text != null && !text.isBlank()) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            boolean exclude = t.startsWith("-");
            String word = exclude ? t.substring(1) : t;
            Predicate<Photo> hit = p -> p.title().toLowerCase(Locale.ROOT).contains(word)
                    || p.description().toLowerCase(Locale.ROOT).contains(word) || p.tags().contains(word);
            filter = filter.and(exclude ? hit.negate() : hit);
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
        filter = filter.and(privacy(params));
        if ("videos".equalsIgnoreCase(params.get("media"))) {
            filter = filter.and(p -> false);
        }
        return filter;
    }

    /** {@code privacy_filter}: only the photos of that level (1 public ... 5 private); all when absent or unreadable. */
    static Predicate<Photo> privacy(Map<String, String> params) {
        String privacy = params.get("privacy_filter");
        if (privacy == null || !privacy.strip().matches("[1-5]")) {
            return p -> true;
        }
        int level = Integer.parseInt(privacy.strip());
        return p -> p.privacyLevel() == level;
    }

    private static Predicate<Photo> tags(String tags, boolean all) {
        List<String> wanted = new ArrayList<>();
        List<String> unwanted = new ArrayList<>();
        if (tags != null) {
            for (String t : tags.split(",")) {
                // Flickr compares tags normalised: lower case, without spaces ("Black and White" is blackandwhite).
                String norm = t.strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (norm.startsWith("-") && norm.length() > 1) {
                    unwanted.add(norm.substring(1));
                } else if (!norm.isEmpty()) {
                    wanted.add(norm);
                }
            }
        }
        Predicate<Photo> hit = wanted.isEmpty() ? p -> true
                : all ? p -> p.tags().containsAll(wanted) : p -> wanted.stream().anyMatch(p.tags()::contains);
        return unwanted.isEmpty() ? hit : hit.and(p -> unwanted.stream().noneMatch(p.tags()::contains));
    }

    /** The data set in the order {@code sort} asks for; {@code date-posted-desc}, Flickr's default, otherwise. */
    static List<Photo> ordered(DataSet data, String sort) {
        return switch (sort == null ? "" : sort.strip()) {
            case "date-posted-asc" -> data.postedAsc;
            case "date-taken-asc" -> data.takenAsc;
            case "date-taken-desc" -> data.takenDesc;
            default -> data.photos;
        };
    }

    /**
     * The part of an order that can hold photos within the request's date bounds, found by binary search
     * when the order is by the date bounded ({@code min/max_upload_date} for the upload orders,
     * {@code min/max_taken_date} for the taken ones); the whole order otherwise. The filter still checks
     * every bound: this only spares reading photos that cannot match, which for a large synthetic data
     * set is most of them.
     */
    static List<Photo> narrowed(DataSet data, List<Photo> ordered, Map<String, String> params) {
        boolean upload = ordered == data.photos || ordered == data.postedAsc;
        boolean taken = ordered == data.takenAsc || ordered == data.takenDesc;
        // A synthetic data set's taken orders are its upload orders, so identity alone cannot say which.
        if (upload && (!taken || params.containsKey("min_upload_date") || params.containsKey("max_upload_date"))) {
            return narrowed(ordered, ordered == data.photos, Photo::uploaded,
                    unixSeconds(params.get("min_upload_date")), unixSeconds(params.get("max_upload_date")));
        }
        if (taken) {
            return narrowed(ordered, ordered == data.takenDesc, p -> unixSeconds(p.taken()),
                    unixSeconds(params.get("min_taken_date")), unixSeconds(params.get("max_taken_date")));
        }
        return ordered;
    }

    private static List<Photo> narrowed(List<Photo> ordered, boolean descending, ToLongFunction<Photo> key,
                                        Long min, Long max) {
        long lo = min == null ? Long.MIN_VALUE : min;
        long hi = max == null ? Long.MAX_VALUE : max;
        int from = descending ? first(ordered, p -> key.applyAsLong(p) <= hi) : first(ordered, p -> key.applyAsLong(p) >= lo);
        int to = descending ? first(ordered, p -> key.applyAsLong(p) < lo) : first(ordered, p -> key.applyAsLong(p) > hi);
        return to <= from ? List.of() : ordered.subList(from, to);
    }

    /** The first index where {@code past} holds, for a {@code past} false then true along the list. */
    private static int first(List<Photo> ordered, Predicate<Photo> past) {
        int lo = 0;
        int hi = ordered.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (past.test(ordered.get(mid))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Unix seconds, or a MySQL datetime or date read as UTC; {@code null} when absent or unreadable. */
    static Long unixSeconds(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.chars().allMatch(Character::isDigit)) {
            return t.length() > 12 ? null : Long.parseLong(t); // 12 digits reach past the year 30000
        }
        LocalDateTime dt = dateTime(t);
        return dt == null ? null : dt.toEpochSecond(ZoneOffset.UTC);
    }

    /** A taken-date bound as a MySQL datetime, so it compares as text with the photos' own; Unix seconds are converted. */
    static String mysql(String s) {
        Long seconds = unixSeconds(s);
        return seconds == null ? null : MYSQL.format(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
    }

    private static LocalDateTime dateTime(String t) {
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t, MYSQL);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
