import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.internal.response.PrettyXml;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;

/**
 * Backs up the metadata of every photo of the logged-in Flickr account into a folder:
 *
 * <pre>
 * OUTDIR/photos/ID.xml      one per photo: flickr.photos.getInfo (title, description, tags, dates,
 *                           visibility ...) and the photosets it is in
 * OUTDIR/sets.xml           every photoset, with the ids of its photos
 * OUTDIR/collections.xml    the collection tree
 * OUTDIR/backup-state.txt   the photos done so far, one id a line
 * </pre>
 *
 * <p>It can be stopped at any moment (Ctrl-C, a crash, a network failure) and run again: every file is
 * written whole to a temporary file and then moved into place, a photo is marked done only after its
 * file is in place, and a new run skips the photos done and completes the rest. Nothing is lost and
 * nothing is written twice. A progress bar goes to stderr when it is a terminal.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp "target/flickr-dynamic-0.1.0-SNAPSHOT.jar:target/lib/*:target/cli-lib/*" examples/backup/Backup.java OUTDIR
 * java -cp ... examples/backup/Backup.java --sandbox OUTDIR        # try it on the built-in sandbox
 * </pre>
 *
 * <p>Without {@code --sandbox} it uses the stored login of {@code FLICKR_API_KEY} (log in once with
 * {@code bin/flickr auth login}). {@code --limit N} stops after N photos, to back up in parts.
 * Exit status: 0 done, 1 stopped before the end (run again to continue), 2 bad usage, 3 a Flickr error.
 */
public final class Backup {
    static final String STATE = "backup-state.txt";
    private static final int PER_PAGE = 500;

    private Backup() {
    }

    public static void main(String[] args) {
        boolean sandbox = false;
        long limit = Long.MAX_VALUE;
        Path out = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sandbox" -> sandbox = true;
                    case "--limit" -> limit = Long.parseLong(args[++i]);
                    default -> {
                        if (args[i].startsWith("-") || out != null) {
                            throw new IllegalArgumentException("unknown argument " + args[i]);
                        }
                        out = Path.of(args[i]);
                    }
                }
            }
            if (out == null || limit < 1) {
                throw new IllegalArgumentException(out == null ? "no OUTDIR given" : "--limit must be at least 1");
            }
        } catch (RuntimeException e) { // a bad number or a missing value included
            System.err.println("backup: " + (e.getMessage() == null ? "bad arguments" : e.getMessage()));
            System.err.println("usage: Backup [--sandbox] [--limit N] OUTDIR");
            System.exit(2);
        }
        int status;
        if (sandbox) {
            try (Sandbox s = Sandbox.start(); FlickrClient flickr = sandboxClient(s)) {
                status = runReporting(flickr, out, limit);
            }
        } else {
            FlickrClient current = Flickr.client();
            if (current.token() == null) {
                System.err.println("backup: nobody is logged in with FLICKR_API_KEY; log in first with"
                        + " bin/flickr auth login --perms read");
                System.exit(2);
            }
            try (FlickrClient flickr = current.newBuilder().signed(true).build()) {
                status = runReporting(flickr, out, limit);
            }
        }
        System.exit(status);
    }

    /** A client of the sandbox's first user, signed so that private photos are seen too. */
    static FlickrClient sandboxClient(Sandbox s) {
        SandboxToken token = s.issueToken(s.users().get(0).nsid(), Permission.READ);
        return FlickrClient.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey()).secret(s.secret())
                .token(token.token(), token.tokenSecret()).signed(true).build();
    }

    private static int runReporting(FlickrClient flickr, Path out, long limit) {
        try {
            return run(flickr, out, limit, System.err);
        } catch (FlickrException | UncheckedIOException | IllegalStateException e) {
            System.err.println("\nbackup: " + e.getMessage());
            System.err.println("backup: what is done is kept; run again to continue");
            return e instanceof FlickrArgumentException ? 2 : 3;
        }
    }

    /**
     * Backs up into {@code out}, skipping what an earlier run finished.
     *
     * @param flickr a client of the logged-in user; sign every call so private photos are seen
     * @param limit  how many photos to back up in this run at most
     * @param log    where the progress and the summary go
     * @return 0 when every photo is backed up, 1 when the run stopped before (the limit, or an interrupt)
     */
    public static int run(FlickrClient flickr, Path out, long limit, PrintStream log) {
        String me = flickr.call("flickr.test.login").element("user").attributeValue("id");
        Path photos = out.resolve("photos");
        createDirectories(photos);
        State state = State.open(out.resolve(STATE), me);

        // Sets first: each photo's file names the sets it is in.
        Map<String, List<Element>> setsOf = new LinkedHashMap<>();
        Element sets = DocumentHelper.createElement("photosets");
        for (Element set : all(flickr, "flickr.photosets.getList", "photosets", "photoset", Map.of())) {
            Element copy = set.createCopy();
            Element members = copy.addElement("photos");
            for (Element p : all(flickr, "flickr.photosets.getPhotos", "photoset", "photo",
                    Map.of("photoset_id", set.attributeValue("id"), "user_id", me))) {
                members.addElement("photo").addAttribute("id", p.attributeValue("id"));
                setsOf.computeIfAbsent(p.attributeValue("id"), k -> new ArrayList<>()).add(set);
            }
            sets.add(copy);
        }
        writeAtomically(out.resolve("sets.xml"), sets);
        writeAtomically(out.resolve("collections.xml"),
                flickr.call("flickr.collections.getTree", "user_id", me).element("collections").createCopy());

        // Every id first, then each photo: a photo added or deleted meanwhile cannot shift a page under us.
        List<String> ids = new ArrayList<>();
        for (Element p : all(flickr, "flickr.people.getPhotos", "photos", "photo", Map.of("user_id", "me"))) {
            ids.add(p.attributeValue("id"));
        }
        Progress progress = new Progress(log, ids.size());
        long done = 0;
        long fresh = 0;
        for (String id : ids) {
            if (state.isDone(id) && Files.exists(photos.resolve(id + ".xml"))) {
                progress.show(++done);
                continue;
            }
            if (fresh == limit || Thread.currentThread().isInterrupted()) {
                progress.end();
                log.printf("backup: stopped after %d photos, %d of %d done; run again to continue%n", fresh, done, ids.size());
                return 1;
            }
            Element info;
            try {
                info = flickr.call("flickr.photos.getInfo", "photo_id", id).element("photo");
            } catch (FlickrApiException e) {
                if (e.code() != 1) {
                    throw e;
                }
                log.printf("%nbackup: photo %s was deleted meanwhile; skipped%n", id);
                progress.show(++done);
                continue;
            }
            Element backup = DocumentHelper.createElement("backup").addAttribute("photo", id);
            backup.add(info.createCopy());
            Element in = backup.addElement("photosets");
            for (Element set : setsOf.getOrDefault(id, List.of())) {
                in.addElement("photoset").addAttribute("id", set.attributeValue("id"))
                        .addAttribute("title", set.elementText("title"));
            }
            writeAtomically(photos.resolve(id + ".xml"), backup);
            state.markDone(id); // only once the file is in place
            fresh++;
            progress.show(++done);
        }
        progress.end();
        log.printf("backup: %d photos, %d sets in %s (%d backed up in this run)%n", ids.size(),
                sets.elements().size(), out, fresh);
        return 0;
    }

    /** Every item of every page of a paged method; the list element and item names as Flickr writes them. */
    static List<Element> all(FlickrClient flickr, String method, String list, String item, Map<String, String> args) {
        List<Element> items = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            Map<String, Object> a = new LinkedHashMap<>(args);
            a.put("per_page", PER_PAGE);
            a.put("page", page);
            Element l = flickr.call(method, a).element(list);
            pages = Integer.parseInt(l.attributeValue("pages", "1"));
            items.addAll(l.elements(item));
        }
        return items;
    }

    /** Writes the element to a temporary file beside {@code file}, then moves it into place. */
    static void writeAtomically(Path file, Element root) {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + PrettyXml.write(root) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            replace(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts {@code bytes} in {@code file} through a temporary file beside it, so a run stopped at any
     * moment leaves the old file or the new one, never half of one.
     */
    private static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The photos done, kept in a file: a header naming the account, then one id a line, appended as
     * each photo is done. A line cut off by a crash (no line break) is dropped when it is opened.
     */
    static final class State {
        private final Path file;
        private final Set<String> done;

        private State(Path file, Set<String> done) {
            this.file = file;
            this.done = done;
        }

        static State open(Path file, String account) {
            String header = "# flickr-dynamic backup of " + account;
            Set<String> done = new LinkedHashSet<>();
            try {
                if (Files.exists(file)) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    List<String> lines = new ArrayList<>(text.lines().toList());
                    if (!text.isEmpty() && !text.endsWith("\n")) {
                        lines.remove(lines.size() - 1); // cut off mid-line
                    }
                    if (lines.isEmpty() || !lines.get(0).equals(header)) {
                        throw new IllegalStateException(file.getParent() + " holds another account's backup, or "
                                + file.getFileName() + " is damaged; use another folder");
                    }
                    done.addAll(lines.subList(1, lines.size()));
                }
                // Rewritten clean, so every later append starts on a line of its own.
                StringBuilder clean = new StringBuilder(header).append('\n');
                done.forEach(id -> clean.append(id).append('\n'));
                replace(file, clean.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or write " + file + ": " + e.getMessage(), e);
            }
            return new State(file, done);
        }

        boolean isDone(String id) {
            return done.contains(id);
        }

        void markDone(String id) {
            try {
                Files.writeString(file, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            done.add(id);
        }
    }

    /** A one-line progress bar, redrawn in place, on a terminal only (a log file gets the summary alone). */
    static final class Progress {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private final long total;
        private final boolean shown;
        private long lastDrawn = -1;

        Progress(PrintStream out, long total) {
            this.out = out;
            this.total = total;
            this.shown = out == System.err && System.console() != null;
        }

        void show(long done) {
            if (!shown || total == 0) {
                return;
            }
            long percent = done * 100 / total;
            if (percent == lastDrawn && done != total) {
                return;
            }
            lastDrawn = percent;
            int filled = (int) (done * WIDTH / total);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/"
                    + total + " photos");
            out.flush();
        }

        void end() {
            if (shown && lastDrawn >= 0) {
                out.println();
            }
        }
    }
}
