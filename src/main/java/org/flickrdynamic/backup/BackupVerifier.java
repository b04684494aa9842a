package org.flickrdynamic.backup;

import org.flickrdynamic.backup.AccountBackup.BackupReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import org.dom4j.Element;

/**
 * {@code backup --verify}: the folder checked against the account, nothing changed. Each difference is a
 * line: a photo not backed up or changed since, a file missing or damaged, an original whose checksum is
 * not the one kept, a photo the index has that Flickr no longer has, a set that differs.
 */
final class BackupVerifier {
    private final Path dir;
    private final boolean originals;

    BackupVerifier(Path dir, boolean originals) {
        this.dir = dir;
        this.originals = originals;
    }

    BackupReport verify(String me, Map<String, PhotoLister.Listed> listed,
                        BiFunction<String, Map<String, Object>, Element> call) {
        if (!Files.exists(dir.resolve(BackupIndex.FILE))) {
            return new BackupReport(listed.size(), 0, 0, 0, List.of("there is no backup in " + dir), 0);
        }
        BackupIndex index = BackupIndex.open(dir, me);
        List<String> problems = new ArrayList<>();
        int same = 0;
        for (PhotoLister.Listed l : listed.values()) {
            String p = photo(index.get(l.id()), l);
            if (p == null) {
                same++;
            } else {
                problems.add("photo " + l.id() + ": " + p);
            }
        }
        for (BackupIndex.Entry e : index.entries()) {
            if (!e.deleted() && !listed.containsKey(e.id())) {
                problems.add("photo " + e.id() + ": no longer on Flickr, not yet marked deleted");
            }
        }
        Map<String, String> kept = SetsBackup.dateUpdates(dir.resolve("photosets"));
        Map<String, String> now = new LinkedHashMap<>();
        Element list = call.apply("flickr.photosets.getList", Map.of("per_page", 500)).element("photosets");
        for (Element set : list.elements("photoset")) {
            now.put(set.attributeValue("id"), set.attributeValue("date_update", ""));
        }
        now.forEach((id, updated) -> {
            if (!updated.equals(kept.get(id)) || !Files.exists(dir.resolve("photosets").resolve(id + ".xml"))) {
                problems.add("set " + id + ": " + (kept.containsKey(id) ? "changed since the backup" : "not backed up"));
            }
        });
        kept.keySet().stream().filter(id -> !now.containsKey(id))
                .forEach(id -> problems.add("set " + id + ": no longer on Flickr"));
        return new BackupReport(listed.size(), 0, same, 0, problems, 0);
    }

    /** What is wrong with one photo's backup, or {@code null}. */
    private String photo(BackupIndex.Entry e, PhotoLister.Listed l) {
        if (e == null) {
            return "not backed up";
        }
        if (e.deleted()) {
            return "marked deleted, but on Flickr";
        }
        if (e.lastUpdate() != l.lastUpdate()) {
            return "changed on Flickr since the backup";
        }
        Element rsp = BackupFolder.readAnswer(dir.resolve("photos").resolve(l.id() + ".xml"));
        Element photo = rsp == null ? null : rsp.element("photo");
        if (photo == null || photo.element("dates") == null
                || !Long.toString(e.lastUpdate()).equals(photo.element("dates").attributeValue("lastupdate"))) {
            return "photos/" + l.id() + ".xml is missing or damaged";
        }
        if (originals) {
            if (e.original() == null || !Files.isRegularFile(dir.resolve(e.original()))) {
                return "its original is missing";
            }
            if (!Objects.equals(e.originalSecret(), l.originalSecret())) {
                return "its original was replaced on Flickr since the backup";
            }
            if (!AccountBackup.sha256(dir.resolve(e.original())).equals(e.sha256())) {
                return e.original() + " is damaged (its checksum is not the one kept)";
            }
        }
        return null;
    }
}
