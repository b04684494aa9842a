package org.flickrdynamic.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.download.Downloader;
import org.flickrdynamic.download.Downloader.DownloadedFile;

/**
 * Backs up the logged-in user's account into a folder: every photo's {@code flickr.photos.getInfo}
 * (title, description, tags, dates, privacy, licence, geo, notes) as Flickr sent it, the sets with their
 * photos in order, the collection tree and, with {@link #originals}, the original files, plus an index.
 * The folder's format is in {@code docs/backup.md}; it is read without this library.
 *
 * <pre>{@code
 * try (FlickrClient flickr = loggedIn.newBuilder().rateLimit(3600, Duration.ofHours(1)).build()) {
 *     BackupReport report = new AccountBackup(flickr, Path.of("flickr-backup")).originals(true).run();
 *     report.problems().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>A later run fetches only the photos changed since ({@code lastupdate}), and marks the photos
 * deleted on Flickr in the index, keeping their files. It can be stopped at any moment, {@code kill -9}
 * included, and run again: every file is written whole or not at all and a photo enters the index only
 * once its files are in place, so nothing is lost, and a photo is fetched again only if it was being
 * fetched at the stop. The photos are listed by ranges of upload dates, each whole in one page, so a
 * photo added, deleted or edited during the run cannot push another one out of the list; photos
 * uploaded during the run are listed again at its end, and a photo the index has but the list lacks is
 * asked for before it is marked deleted. A photo that could not be fetched is in the report's
 * {@link BackupReport#problems()}, and the next run tries it again.
 *
 * <p>It makes calls through the client it is given, with its retries and its rate limit: give it one
 * that keeps to Flickr's 3,600 calls an hour ({@code bin/flickr backup} does).
 */
public final class AccountBackup {
    /** How far past the clock of this machine the listing looks, for a Flickr clock ahead of it. */
    private static final long CLOCK_SLACK = 2 * 86_400;

    private final FlickrClient client;
    private final Path dir;
    private boolean originals;
    private BackupListener listener = new BackupListener() {
    };
    private long calls;

    /**
     * A backup of the account of {@code client}'s user into {@code dir}.
     *
     * @param client a client holding the user's token (at least {@code read})
     * @param dir    the folder; made when missing
     */
    public AccountBackup(FlickrClient client, Path dir) {
        this.client = Objects.requireNonNull(client, "client");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * Also backs up each photo's original file, into {@code originals/}.
     *
     * @param originals whether to
     * @return this backup
     */
    public AccountBackup originals(boolean originals) {
        this.originals = originals;
        return this;
    }

    /**
     * Who is told of the plan, the progress and each problem.
     *
     * @param listener the listener
     * @return this backup
     */
    public AccountBackup listener(BackupListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Runs the backup.
     *
     * @return what it did, and what is not backed up
     * @throws FlickrException        when the account cannot be listed (no login, Flickr unreachable)
     * @throws UncheckedIOException   when the folder cannot be written
     * @throws IllegalStateException  when the folder holds another account's backup
     */
    public BackupReport run() {
        String me = me();
        BackupIndex index = BackupIndex.open(dir, me);
        long started = System.currentTimeMillis() / 1000;
        Map<String, PhotoLister.Listed> listed = list(0);
        new SetsBackup(this::call, dir, me).run();

        List<PhotoLister.Listed> todo = new ArrayList<>();
        int unchanged = 0;
        for (PhotoLister.Listed l : listed.values()) {
            if (upToDate(index, l)) {
                unchanged++;
            } else {
                todo.add(l);
            }
        }
        listener.planned(listed.size(), todo.size(), (long) todo.size() * (originals ? 2 : 1));
        PhotoRun run = new PhotoRun(index, todo.size());
        todo.forEach(run::fetch);

        // Uploads made during the run: listed again until a listing brings nothing new.
        for (int round = 0; round < 5; round++) {
            Map<String, PhotoLister.Listed> late = list(started - CLOCK_SLACK);
            late.keySet().removeAll(listed.keySet());
            if (late.isEmpty()) {
                break;
            }
            listed.putAll(late);
            run.toFetch += late.size();
            late.values().forEach(run::fetch);
        }
        // In the index, not in the list: asked for, so that a photo is marked deleted only when it is gone.
        for (BackupIndex.Entry e : index.entries()) {
            if (!e.deleted() && !listed.containsKey(e.id())) {
                run.toFetch++;
                run.fetch(new PhotoLister.Listed(e.id(), -1, 0, null, null));
            }
        }
        index.compact();
        return new BackupReport(listed.size() + run.recovered - run.goneListed, run.fetched, unchanged, run.gone,
                run.problems, calls);
    }

    /**
     * Checks the folder against the account without changing either: every photo on Flickr is in the
     * index and its files, as changed last, with the original's checksum; no photo is in the index as
     * present that Flickr no longer has; the sets are those kept.
     *
     * @return the differences, one line each, in {@link BackupReport#problems()}
     */
    public BackupReport verify() {
        return new BackupVerifier(dir, originals).verify(me(), list(0), this::call);
    }

    /** Whether the folder holds the photo as listed: info of this {@code lastupdate}, and the original if asked. */
    private boolean upToDate(BackupIndex index, PhotoLister.Listed l) {
        BackupIndex.Entry e = index.get(l.id());
        if (e == null || e.deleted() || e.lastUpdate() != l.lastUpdate() || !Files.exists(infoFile(l.id()))) {
            return false;
        }
        return !originals || e.original() != null && Objects.equals(e.originalSecret(), l.originalSecret())
                && Files.exists(dir.resolve(e.original()));
    }

    /** The photos of one run: fetched, found gone, or failed. */
    private final class PhotoRun {
        final BackupIndex index;
        final List<String> problems = new ArrayList<>();
        int toFetch;
        int done;
        int fetched;
        int gone;
        /** Gone, of those the listing had. */
        int goneListed;
        /** Found by asking, though the listing lacked them. */
        int recovered;

        PhotoRun(BackupIndex index, int toFetch) {
            this.index = index;
            this.toFetch = toFetch;
        }

        void fetch(PhotoLister.Listed l) {
            BackupIndex.Entry before = index.get(l.id());
            try {
                Element info = adopted(l);
                if (info == null) {
                    info = call("flickr.photos.getInfo", Map.of("photo_id", l.id()));
                    BackupFolder.writeAnswer(infoFile(l.id()), info);
                }
                Element photo = info.element("photo");
                long lastUpdate = Long.parseLong(photo.element("dates").attributeValue("lastupdate", "0"));
                String original = null;
                String originalSecret = null;
                String sha = null;
                if (originals) {
                    originalSecret = l.originalSecret() != null ? l.originalSecret() : photo.attributeValue("originalsecret");
                    boolean same = before != null && before.original() != null
                            && Objects.equals(before.originalSecret(), originalSecret);
                    calls++;
                    // An original with another secret is another file: fetched whatever is there.
                    DownloadedFile f = downloader().download(l.id(), "o", originalsDir(),
                            same ? before.sha256() : "");
                    original = dir.relativize(f.path()).toString().replace('\\', '/');
                    sha = f.sha256() != null ? f.sha256() : sha256(f.path());
                }
                index.put(new BackupIndex.Entry(l.id(), lastUpdate, false, original, originalSecret, sha));
                fetched++;
                recovered += l.lastUpdate() < 0 ? 1 : 0;
            } catch (FlickrApiException e) {
                if (e.code() == 1) {
                    gone++;
                    goneListed += l.lastUpdate() < 0 ? 0 : 1;
                    if (before != null && !before.deleted()) {
                        index.put(before.markedDeleted());
                        listener.noted("photo " + l.id() + " was deleted on Flickr; its files stay, marked deleted");
                    }
                } else {
                    failed(l, e);
                }
            } catch (FlickrException e) {
                failed(l, e);
            }
            listener.progressed(++done, toFetch);
        }

        private void failed(PhotoLister.Listed l, FlickrException e) {
            String line = "photo " + l.id() + ": " + e.getMessage();
            problems.add(line);
            listener.noted(line);
        }
    }

    /**
     * The info file already in place for this version of the photo, from a run stopped before it entered
     * the index, or {@code null}.
     */
    private Element adopted(PhotoLister.Listed l) {
        if (l.lastUpdate() <= 0) {
            return null;
        }
        Element rsp = BackupFolder.readAnswer(infoFile(l.id()));
        Element photo = rsp == null ? null : rsp.element("photo");
        Element dates = photo == null ? null : photo.element("dates");
        return dates != null && Long.toString(l.lastUpdate()).equals(dates.attributeValue("lastupdate")) ? rsp : null;
    }

    private Map<String, PhotoLister.Listed> list(long from) {
        PhotoLister lister = new PhotoLister(args -> call("flickr.people.getPhotos", args));
        Map<String, PhotoLister.Listed> listed = new LinkedHashMap<>();
        lister.list(Math.max(1, from), System.currentTimeMillis() / 1000 + CLOCK_SLACK, listed, listener);
        List<PhotoLister.Listed> sorted = new ArrayList<>(listed.values());
        sorted.sort(Comparator.comparingLong(PhotoLister.Listed::uploaded).thenComparing(PhotoLister.Listed::id));
        Map<String, PhotoLister.Listed> ordered = new LinkedHashMap<>();
        sorted.forEach(l -> ordered.put(l.id(), l));
        return ordered;
    }

    private String me() {
        Element user = call("flickr.test.login", Map.of()).element("user");
        if (user == null || user.attributeValue("id") == null) {
            throw new IllegalStateException("flickr.test.login answered without the user's id");
        }
        return user.attributeValue("id");
    }

    private Element call(String method, Map<String, Object> args) {
        calls++;
        return client.call(method, args);
    }

    private Downloader downloader() {
        return client.downloader();
    }

    private Path infoFile(String id) {
        return dir.resolve("photos").resolve(id + ".xml");
    }

    private Path originalsDir() {
        Path d = dir.resolve("originals");
        try {
            return Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + d + ": " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * What a backup tells while it runs; every method does nothing unless overridden. Called on the thread
     * running the backup.
     */
    public interface BackupListener {
        /**
         * The account's photos are listed: how many there are and how many must be fetched, before they are.
         *
         * @param photos  the photos on Flickr
         * @param toFetch those new or changed since the last run (or not complete in the folder)
         * @param calls   the API calls fetching them will take
         */
        default void planned(int photos, int toFetch, long calls) {
        }

        /**
         * One more photo is done.
         *
         * @param done    the photos fetched (or found gone) so far in this run
         * @param toFetch the photos this run set out to fetch
         */
        default void progressed(int done, int toFetch) {
        }

        /**
         * Something worth a line of its own: a photo found deleted, one that could not be fetched.
         *
         * @param message the line
         */
        default void noted(String message) {
        }

        /**
         * A page of the listing arrived; the listing is made of ranges of upload dates, each whole in one page.
         *
         * @param listed the photos listed so far
         */
        default void listing(int listed) {
        }
    }

    /**
     * What a backup run (or a verification) found.
     *
     * @param photos      the photos of the account on Flickr
     * @param fetched     those fetched in this run (new, changed, or not complete in the folder)
     * @param unchanged   those already in the folder as they are on Flickr
     * @param deleted     those found deleted on Flickr in this run, kept in the folder and marked
     * @param problems    what is not backed up, or (verifying) what differs, one line each; empty when complete
     * @param calls       the API calls made
     */
    public record BackupReport(int photos, int fetched, int unchanged, int deleted, List<String> problems, long calls) {

        /**
         * A report, holding a copy of the problems, so it never changes under its reader.
         *
         * @param photos    the photos of the account on Flickr
         * @param fetched   those fetched in this run
         * @param unchanged those already in the folder as they are on Flickr
         * @param deleted   those found deleted on Flickr in this run
         * @param problems  what is not backed up, or what differs, one line each
         * @param calls     the API calls made
         */
        public BackupReport {
            problems = List.copyOf(problems);
        }

        /**
         * Whether everything is backed up (or, verifying, the folder matches the account).
         *
         * @return {@code true} when there are no problems
         */
        public boolean complete() {
            return problems.isEmpty();
        }
    }
}
