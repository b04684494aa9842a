package org.flickrdynamic.internal.walk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of a query Flickr caps (search gives at most 4,000 results, however many match): the date
 * range of the query is cut in halves, and halves again, until each part has no more results than the
 * cap, and the parts are walked one after the other in the order of the sort. Parts are half-open
 * ({@code [from, to)}, sent as {@code min_*_date = from} and {@code max_*_date = to - 1}, Flickr's bounds
 * being inclusive), so each photo falls in exactly one; within a part the sort is by that same date, so
 * paging through it is stable.
 *
 * <p>The upload date is split, or the taken date when the query sorts by it. A query sorted otherwise
 * (relevance, interestingness) is walked by upload date, newest first, once it has to be split: no
 * other order can be cut into parts that lose nothing.
 */
final class DateSplit {
    private static final Logger LOG = LoggerFactory.getLogger(DateSplit.class);
    private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The date a query is split by, with its two bounds and the earliest value worth asking about. */
    enum DateKey {
        /** Nothing was uploaded to Flickr before 2004. */
        UPLOAD("min_upload_date", "max_upload_date", LocalDate.of(2004, 1, 1)),
        /** No photograph is older than 1826. */
        TAKEN("min_taken_date", "max_taken_date", LocalDate.of(1826, 1, 1));

        final String min;
        final String max;
        final long earliest;

        DateKey(String min, String max, LocalDate earliest) {
            this.min = min;
            this.max = max;
            this.earliest = earliest.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }

        /** Upload bounds travel as Unix seconds; taken bounds as MySQL datetimes, as Flickr stores taken dates. */
        String format(long seconds) {
            return this == UPLOAD ? Long.toString(seconds)
                    : MYSQL.format(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
        }
    }

    private final PageFetch fetch;
    private final Map<String, String> args;
    private final String item;
    private final DateKey key;
    private final boolean ascending;
    private final int cap;
    private long skip;
    private final Deque<long[]> pending = new ArrayDeque<>();

    /**
     * @param args  the user's arguments, without {@code page}
     * @param cap   the most results the method gives per query
     * @param skip  how many results to pass over first (the user asked for a later page)
     */
    DateSplit(PageFetch fetch, Map<String, String> args, String item, int cap, long skip) {
        this.fetch = fetch;
        this.item = item;
        this.cap = cap;
        this.skip = skip;
        String sort = args.getOrDefault("sort", "");
        this.key = sort.startsWith("date-taken-") ? DateKey.TAKEN : DateKey.UPLOAD;
        this.ascending = sort.endsWith("-asc") && sort.startsWith("date-");
        this.args = new LinkedHashMap<>(args);
        if (!sort.isEmpty() && !sort.startsWith("date-")) {
            this.args.put("sort", "date-posted-desc");
        }
        long from = bound(args, key.min, key.earliest, 0);
        long to = bound(args, key.max, Instant.now().getEpochSecond() + 86_400, 1);
        // The whole range is known to hold more than the cap: split it at once.
        split(from, to);
    }

    /** The user's bound as seconds (an inclusive max becomes an exclusive end), or the default. */
    private long bound(Map<String, String> given, String name, long fallback, int plus) {
        String v = given.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String s = v.strip();
        try {
            if (s.chars().allMatch(Character::isDigit) && s.length() <= 12) {
                return Long.parseLong(s) + plus;
            }
            LocalDateTime t = s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s, MYSQL);
            return t.toEpochSecond(ZoneOffset.UTC) + plus;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new FlickrArgumentException(null, name + " '" + v + "' is neither Unix seconds nor a MySQL datetime"
                    + " (yyyy-MM-dd HH:mm:ss), so the query cannot be split below Flickr's " + cap + "-result cap");
        }
    }

    private void split(long from, long to) {
        long mid = from + (to - from) / 2;
        // The part to walk first goes on top.
        if (ascending) {
            pending.push(new long[] {mid, to});
            pending.push(new long[] {from, mid});
        } else {
            pending.push(new long[] {from, mid});
            pending.push(new long[] {mid, to});
        }
    }

    /** The pages of the next part within the cap, or {@code null} when every part is done. */
    PageRun nextPart() {
        while (!pending.isEmpty()) {
            long[] range = pending.pop();
            Map<String, String> bounded = new LinkedHashMap<>(args);
            bounded.put(key.min, key.format(range[0]));
            bounded.put(key.max, key.format(range[1] - 1));
            bounded.put("page", "1");
            Element first = fetch.fetch(bounded);
            long total = PageFetch.number(first, "total");
            if (total == 0 || total < 0 && first.elements(item).isEmpty()) {
                continue;
            }
            if (total > cap) {
                if (range[1] - range[0] > 1) {
                    split(range[0], range[1]);
                    continue;
                }
                LOG.warn("{} results share the second {}; Flickr gives only {} of them", total,
                        key.format(range[0]), cap);
            }
            if (total > 0 && skip >= total) {
                skip -= total;
                continue;
            }
            long perPage = PageFetch.perPage(first, item);
            int startPage = (int) (skip / perPage) + 1;
            int drop = (int) (skip % perPage);
            skip = 0;
            bounded.remove("page");
            // A part holds no more results than the cap, so its pages stay within those Flickr serves.
            return new PageRun(fetch, bounded, item, startPage, startPage == 1 ? first : null, drop, Integer.MAX_VALUE);
        }
        return null;
    }
}
