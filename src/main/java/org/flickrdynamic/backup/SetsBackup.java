package org.flickrdynamic.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.dom4j.Element;

/**
 * The sets and the collection tree, as Flickr answers them: {@code photosets/list.xml} (and
 * {@code list-2.xml} ... for more pages) from {@code flickr.photosets.getList}, {@code photosets/ID.xml}
 * (and {@code ID-2.xml} ...) from {@code flickr.photosets.getPhotos} with the photos in the set's order,
 * and {@code collections.xml} from {@code flickr.collections.getTree}. A set whose {@code date_update} is
 * the one kept and whose files are there is not asked again.
 */
final class SetsBackup {
    private final BiFunction<String, Map<String, Object>, Element> call;
    private final Path dir;
    private final String me;

    /** @param call calls a method with arguments and returns the {@code <rsp>} */
    SetsBackup(BiFunction<String, Map<String, Object>, Element> call, Path dir, String me) {
        this.call = call;
        this.dir = dir;
        this.me = me;
    }

    /** Backs up the sets and the collection tree; returns the sets' ids with their {@code date_update}. */
    Map<String, String> run() {
        Path sets = dir.resolve("photosets");
        Map<String, String> before = dateUpdates(sets);
        Map<String, String> now = new LinkedHashMap<>();
        List<Element> pages = pages("flickr.photosets.getList", Map.of(), "photosets");
        for (int i = 0; i < pages.size(); i++) {
            for (Element set : pages.get(i).element("photosets").elements("photoset")) {
                now.put(set.attributeValue("id"), set.attributeValue("date_update", ""));
            }
        }
        for (Map.Entry<String, String> set : now.entrySet()) {
            String id = set.getKey();
            boolean same = set.getValue().equals(before.get(id)) && !set.getValue().isEmpty();
            if (same && Files.exists(sets.resolve(id + ".xml"))) {
                continue;
            }
            List<Element> photos = pages("flickr.photosets.getPhotos", Map.of("photoset_id", id, "user_id", me),
                    "photoset");
            for (int i = 0; i < photos.size(); i++) {
                BackupFolder.writeAnswer(sets.resolve(id + (i == 0 ? "" : "-" + (i + 1)) + ".xml"), photos.get(i));
            }
            removePagesAfter(sets, id, photos.size());
        }
        // The list last: a run stopped before it asks again for every set changed since the list kept.
        for (int i = 0; i < pages.size(); i++) {
            BackupFolder.writeAnswer(sets.resolve("list" + (i == 0 ? "" : "-" + (i + 1)) + ".xml"), pages.get(i));
        }
        removePagesAfter(sets, "list", pages.size());
        BackupFolder.writeAnswer(dir.resolve("collections.xml"),
                call.apply("flickr.collections.getTree", Map.of("user_id", me)));
        return now;
    }

    /** Removes the pages of a list that has fewer pages than before. */
    private static void removePagesAfter(Path sets, String name, int pages) {
        try {
            for (int k = pages + 1; Files.deleteIfExists(sets.resolve(name + "-" + k + ".xml")); k++) {
                // the next one, until there is none
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove an old page of " + name + " in " + sets, e);
        }
    }

    /** The sets' {@code date_update} as the kept list shows them. */
    static Map<String, String> dateUpdates(Path sets) {
        Map<String, String> out = new HashMap<>();
        for (int page = 1; ; page++) {
            Element rsp = BackupFolder.readAnswer(sets.resolve("list" + (page == 1 ? "" : "-" + page) + ".xml"));
            if (rsp == null || rsp.element("photosets") == null) {
                return out;
            }
            for (Element set : rsp.element("photosets").elements("photoset")) {
                out.put(set.attributeValue("id"), set.attributeValue("date_update", ""));
            }
        }
    }

    /** Every page's {@code <rsp>} of a paged method. */
    private List<Element> pages(String method, Map<String, Object> args, String list) {
        List<Element> out = new java.util.ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            Map<String, Object> a = new LinkedHashMap<>(args);
            a.put("per_page", 500);
            a.put("page", page);
            Element rsp = call.apply(method, a);
            Element l = rsp.element(list);
            if (l == null) {
                throw new IllegalStateException(method + " answered without <" + list + ">");
            }
            pages = Integer.parseInt(l.attributeValue("pages", "1"));
            out.add(rsp);
        }
        return out;
    }
}
