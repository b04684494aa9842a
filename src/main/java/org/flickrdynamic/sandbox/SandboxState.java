package org.flickrdynamic.sandbox;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.internal.FileMoves;

/**
 * A sandbox's data kept in a folder ({@code data.tsv}), so that uploads and edits made through one
 * sandbox are there in the next one started on the same folder: {@code bin/flickr --sandbox} runs each
 * command in a fresh process. Each change is written whole to a temporary file and moved into place, so
 * a process killed while writing leaves the previous state. The format is private to the sandbox: one
 * line per photo ({@code P}) and per set ({@code S}), fields separated by tabs, with {@code \t},
 * {@code \n}, {@code \\} and the list separator escaped.
 */
final class SandboxState {
    private static final String FILE = "data.tsv";
    private static final String VERSION = "# flickr-dynamic sandbox data 1";
    private static final char LIST = '\u001F';

    private final Path dir;

    SandboxState(Path dir) {
        this.dir = dir;
    }

    /** The data kept in the folder over the generated data set it grew from, or that data set when none is kept. */
    DataSet load(DataSet generated) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return generated;
        }
        Map<String, Photo> photos = new LinkedHashMap<>();
        List<String[]> setLines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (!VERSION.equals(first)) {
                throw new IllegalStateException("the sandbox data " + file + " is not in a format this version"
                        + " reads; reset it with: flickr sandbox reset");
            }
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = split(line);
                if (f[0].equals("P")) {
                    Photo p = photo(generated, f);
                    photos.put(p.id(), p);
                } else if (f[0].equals("S")) {
                    setLines.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox data " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("the sandbox data " + file + " is damaged (" + e.getMessage()
                    + "); reset it with: flickr sandbox reset", e);
        }
        List<Photoset> sets = new ArrayList<>();
        for (String[] f : setLines) {
            List<Photo> members = new ArrayList<>();
            for (String id : list(f[5])) {
                if (photos.containsKey(id)) {
                    members.add(photos.get(id));
                }
            }
            Photo primary = photos.get(f[6]);
            if (!members.isEmpty()) {
                sets.add(new Photoset(f[1], generated.user(f[2]), f[3], f[4], members,
                        primary != null ? primary : members.get(0), Long.parseLong(f[7]), Long.parseLong(f[8])));
            }
        }
        return generated.with(photos.values(), sets);
    }

    /** Writes the data as it is now; the previous state stays whole until the new one is complete. */
    void save(DataSet data) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".data-", ".part");
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(VERSION);
                out.write('\n');
                for (Photo p : data.photos) {
                    line(out, "P", p.id(), p.owner().nsid(), p.secret(), p.server(), Integer.toString(p.farm()),
                            p.title(), p.description(), join(p.tags()), join(p.rawTags()), bit(p.isPublic()),
                            bit(p.isFriend()), bit(p.isFamily()), Long.toString(p.uploaded()), p.taken(),
                            Integer.toString(p.views()), join(p.tagIds()), Long.toString(p.lastUpdate()));
                }
                for (Photoset s : data.sets) {
                    line(out, "S", s.id(), s.owner().nsid(), s.title(), s.description(),
                            join(s.photos().stream().map(Photo::id).toList()), s.primary().id(),
                            Long.toString(s.created()), Long.toString(s.updated()));
                }
            }
            FileMoves.replace(tmp, dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox data in " + dir, e);
        }
    }

    private static Photo photo(DataSet generated, String[] f) {
        SandboxUser owner = generated.user(f[2]);
        if (owner == null) {
            throw new IllegalArgumentException("photo " + f[1] + " has an unknown owner " + f[2]);
        }
        return new Photo(f[1], owner, f[3], f[4], Integer.parseInt(f[5]), f[6], f[7], list(f[8]), list(f[9]),
                f[10].equals("1"), f[11].equals("1"), f[12].equals("1"), Long.parseLong(f[13]), f[14],
                Integer.parseInt(f[15]), list(f[16]), f.length > 17 ? Long.parseLong(f[17]) : Long.parseLong(f[13]));
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    private static String join(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            if (sb.length() > 0) {
                sb.append(LIST);
            }
            sb.append(item);
        }
        return sb.toString();
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(String.valueOf(LIST), -1));
    }

    private static void line(BufferedWriter out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            String f = fields[i] == null ? "" : fields[i];
            out.write(f.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
        }
        out.write('\n');
    }

    private static String[] split(String line) {
        String[] raw = line.split("\t", -1);
        for (int i = 0; i < raw.length; i++) {
            StringBuilder sb = new StringBuilder(raw[i].length());
            for (int j = 0; j < raw[i].length(); j++) {
                char c = raw[i].charAt(j);
                if (c == '\\' && j + 1 < raw[i].length()) {
                    char n = raw[i].charAt(++j);
                    sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                } else {
                    sb.append(c);
                }
            }
            raw[i] = sb.toString();
        }
        return raw;
    }
}
