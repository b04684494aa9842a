package org.flickrdynamic.backup;

import org.flickrdynamic.backup.AccountBackup.BackupListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.dom4j.Element;

/**
 * Lists every photo of the logged-in account without trusting page offsets: {@code people.getPhotos}
 * over ranges of upload dates, each small enough to come whole in one page of 500, so a photo deleted
 * or added while the list is made cannot shift another one out of it. A range holding more is split in
 * two (so an empty stretch of years costs a call or two); a single second holding more (which Flickr's
 * uploads never do) is paged. Each photo comes with
 * its {@code lastupdate} and its original's secret and format.
 */
final class PhotoLister {
    static final int PER_PAGE = 500;
    private static final String EXTRAS = "last_update,original_format,date_upload";

    /** One listed photo. */
    record Listed(String id, long lastUpdate, long uploaded, String originalSecret, String originalFormat) {
    }

    private final Function<Map<String, Object>, Element> getPhotos;

    /** @param getPhotos calls {@code flickr.people.getPhotos} with these arguments and returns the {@code <rsp>} */
    PhotoLister(Function<Map<String, Object>, Element> getPhotos) {
        this.getPhotos = getPhotos;
    }

    /**
     * Every photo uploaded from {@code from} to {@code to} (Unix seconds, both included), by id.
     *
     * @param into     where they go; a photo already there is replaced by the newer listing
     * @param listener told of each page
     */
    void list(long from, long to, Map<String, Listed> into, BackupListener listener) {
        List<long[]> ranges = new ArrayList<>();
        ranges.add(new long[] {from, to});
        while (!ranges.isEmpty()) {
            long[] r = ranges.remove(ranges.size() - 1);
            Element photos = page(r[0], r[1], 1);
            listener.listing(into.size());
            int total = Integer.parseInt(photos.attributeValue("total", "0"));
            if (total <= PER_PAGE) {
                add(photos, into);
            } else if (r[0] < r[1]) {
                long middle = r[0] + (r[1] - r[0]) / 2;
                ranges.add(new long[] {middle + 1, r[1]});
                ranges.add(new long[] {r[0], middle});
            } else {
                add(photos, into);
                int pages = Integer.parseInt(photos.attributeValue("pages", "1"));
                for (int page = 2; page <= pages; page++) {
                    add(page(r[0], r[1], page), into);
                }
            }
        }
    }

    private Element page(long from, long to, int page) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("user_id", "me");
        args.put("min_upload_date", from);
        args.put("max_upload_date", to);
        args.put("extras", EXTRAS);
        args.put("per_page", PER_PAGE);
        args.put("page", page);
        return photos(getPhotos.apply(args));
    }

    private static Element photos(Element rsp) {
        Element photos = rsp.element("photos");
        if (photos == null) {
            throw new IllegalStateException("flickr.people.getPhotos answered without <photos>");
        }
        return photos;
    }

    private static void add(Element photos, Map<String, Listed> into) {
        for (Element p : photos.elements("photo")) {
            String id = p.attributeValue("id");
            into.put(id, new Listed(id, number(p.attributeValue("lastupdate")), number(p.attributeValue("dateupload")),
                    p.attributeValue("originalsecret"), p.attributeValue("originalformat")));
        }
    }

    private static long number(String s) {
        return s != null && s.matches("\\d{1,19}") ? Long.parseLong(s) : 0;
    }
}
