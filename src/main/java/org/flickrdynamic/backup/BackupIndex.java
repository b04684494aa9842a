package org.flickrdynamic.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index.tsv}, the backup's record of its photos: a header naming the account, then one line per
 * photo, tab-separated: id, {@code lastupdate} of the info kept, {@code ok} or {@code deleted}, the
 * original's file (or {@code -}), its {@code originalsecret} and its SHA-256 (or {@code -}). A photo's line
 * is appended once its files are in place, and the last line of an id wins; a line cut off by a crash is
 * dropped when the index is read. The index is rewritten whole, one line an id, at the end of a run.
 */
final class BackupIndex {
    static final String FILE = "index.tsv";
    private static final String HEADER = "# flickr-dynamic backup index 1 of ";
    private static final String COLUMNS = "# id\tlastupdate\tstatus\toriginal\toriginalsecret\tsha256";

    /** One photo's line. */
    record Entry(String id, long lastUpdate, boolean deleted, String original, String originalSecret, String sha256) {
        String line() {
            return String.join("\t", id, Long.toString(lastUpdate), deleted ? "deleted" : "ok", dash(original),
                    dash(originalSecret), dash(sha256));
        }

        Entry markedDeleted() {
            return new Entry(id, lastUpdate, true, original, originalSecret, sha256);
        }

        private static String dash(String s) {
            return s == null || s.isEmpty() ? "-" : s;
        }
    }

    private final Path file;
    private final String account;
    private final Map<String, Entry> entries;

    private BackupIndex(Path file, String account, Map<String, Entry> entries) {
        this.file = file;
        this.account = account;
        this.entries = entries;
    }

    /**
     * Reads the index of a folder, or starts an empty one.
     *
     * @throws IllegalStateException when the folder holds another account's backup or the index is not one
     */
    static BackupIndex open(Path dir, String account) {
        Path file = dir.resolve(FILE);
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (Files.exists(file)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (!text.isEmpty() && !text.endsWith("\n")) {
                lines.remove(lines.size() - 1); // cut off mid-line by a crash: that photo is done again
            }
            if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
                throw new IllegalStateException(file + " is not a backup index; back up into another folder");
            }
            String owner = lines.get(0).substring(HEADER.length());
            if (!owner.equals(account)) {
                throw new IllegalStateException(dir + " holds the backup of " + owner + ", not of " + account
                        + "; back up into another folder");
            }
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 6 || !f[1].matches("\\d{1,19}")) {
                    throw new IllegalStateException(file + " has a damaged line: " + line);
                }
                entries.put(f[0], new Entry(f[0], Long.parseLong(f[1]), f[2].equals("deleted"), none(f[3]),
                        none(f[4]), none(f[5])));
            }
        }
        BackupIndex index = new BackupIndex(file, account, entries);
        index.compact(); // every later append starts on a line of its own
        return index;
    }

    private static String none(String s) {
        return s.equals("-") ? null : s;
    }

    Entry get(String id) {
        return entries.get(id);
    }

    Collection<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Records a photo's line, on disk before it returns. */
    void put(Entry e) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(e.line() + "\n"));
            channel.force(false);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot write " + file + ": " + x.getMessage(), x);
        }
        entries.put(e.id(), e);
    }

    /** Rewrites the index with one line an id, through a temporary file. */
    void compact() {
        try {
            StringBuilder text = new StringBuilder(64 * (entries.size() + 2));
            text.append(HEADER).append(account).append('\n').append(COLUMNS).append('\n');
            for (Entry e : entries.values()) {
                text.append(e.line()).append('\n');
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            BackupFolder.replace(file, out -> out.write(bytes));
        } catch (IOException x) {
            throw new UncheckedIOException("cannot write " + file + ": " + x.getMessage(), x);
        }
    }
}
