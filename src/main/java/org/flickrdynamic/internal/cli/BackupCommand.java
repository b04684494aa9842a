package org.flickrdynamic.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.backup.AccountBackup;
import org.flickrdynamic.backup.AccountBackup.BackupListener;
import org.flickrdynamic.backup.AccountBackup.BackupReport;
import org.flickrdynamic.limit.RateLimit;

/**
 * {@code backup DIR [--originals] [--verify] [--rate-limit N/DURATION|off]}: backs up the logged-in
 * account with {@link AccountBackup}, keeping to 3,600 calls an hour unless told otherwise. Before the
 * photos are fetched it says how many calls that takes and about how long; on a terminal a progress
 * line follows. Exit 0 only when everything is backed up (or, verifying, the folder matches the
 * account); otherwise a summary of what is missing on standard error and exit 1.
 */
final class BackupCommand {
    /** Flickr's limit: 3,600 calls an hour. */
    static final RateLimit FLICKR_LIMIT = RateLimit.of(3600, Duration.ofHours(1)).withMaxWait(Duration.ofHours(2));
    private static final Pattern LIMIT = Pattern.compile("(\\d{1,9})/(\\d{0,9})(s|m|h)");
    /** How many problems the summary lists before it counts the rest. */
    private static final int LISTED = 20;

    private final PrintStream out;
    private final PrintStream err;
    private final StatusLine status;

    BackupCommand(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.status = new StatusLine(err, interactive);
    }

    int run(Clients clients, java.util.List<String> words, boolean originals, boolean verify, String rateLimit) {
        if (words.size() != 1) {
            return FlickrCommand.usage(err, words.isEmpty() ? "backup needs a folder (DIR)"
                    : "backup takes one folder, not " + String.join(" ", words));
        }
        RateLimit limit;
        try {
            limit = limit(rateLimit);
        } catch (IllegalArgumentException e) {
            return FlickrCommand.usage(err, e.getMessage());
        }
        Path dir;
        try {
            dir = folder(words.get(0), !verify);
        } catch (IllegalArgumentException e) {
            return FlickrCommand.usage(err, e.getMessage());
        }
        return clients.with(err, client -> {
            if (client.token() == null) {
                err.println("flickr: backup needs a login: bin/flickr auth login --perms read");
                return FlickrCommand.USAGE;
            }
            FlickrClientBuilder b = client.newBuilder();
            if (limit != null) {
                b.rateLimit(limit);
            }
            try (FlickrClient limited = b.build()) {
                AccountBackup backup = new AccountBackup(limited, dir).originals(originals).listener(listener(limit));
                BackupReport report = verify ? backup.verify() : backup.run();
                status.clear();
                return summary(report, dir, verify);
            } catch (UncheckedIOException | IllegalStateException e) {
                status.clear();
                err.println("flickr: " + e.getMessage());
                return FlickrCommand.TRANSPORT;
            } finally {
                status.clear();
            }
        });
    }

    private int summary(BackupReport r, Path dir, boolean verify) {
        if (verify) {
            out.printf(Locale.ROOT, "%s: %,d photos on Flickr, %,d as backed up, %,d differences%n", dir, r.photos(),
                    r.unchanged(), r.problems().size());
        } else {
            out.printf(Locale.ROOT, "%s: %,d photos on Flickr: %,d fetched, %,d unchanged, %,d found deleted;"
                    + " %,d calls%n", dir, r.photos(), r.fetched(), r.unchanged(), r.deleted(), r.calls());
        }
        if (r.complete()) {
            return FlickrCommand.OK;
        }
        err.printf(Locale.ROOT, "flickr: %s %,d %s:%n", verify ? "the backup differs from the account in"
                : "not backed up:", r.problems().size(), r.problems().size() == 1 ? "item" : "items");
        r.problems().stream().limit(LISTED).forEach(p -> err.println("  " + p));
        if (r.problems().size() > LISTED) {
            err.printf(Locale.ROOT, "  ... and %,d more%n", r.problems().size() - LISTED);
        }
        if (!verify) {
            err.println("flickr: run the backup again to fetch what is missing");
        }
        return FlickrCommand.FLICKR_ERROR;
    }

    private BackupListener listener(RateLimit limit) {
        return new BackupListener() {
            @Override
            public void planned(int photos, int toFetch, long calls) {
                status.clear();
                err.printf(Locale.ROOT, "backup: %,d photos on Flickr, %,d to fetch: about %,d calls%s%n", photos,
                        toFetch, calls, estimate(calls, limit));
            }

            @Override
            public void progressed(int done, int toFetch) {
                status.show(String.format(Locale.ROOT, "%s %,d of %,d photos", bar(done, toFetch), done, toFetch));
            }

            @Override
            public void noted(String message) {
                status.clear();
                err.println("backup: " + message);
            }

            @Override
            public void listing(int listed) {
                status.show(String.format(Locale.ROOT, "listing the photos: %,d so far", listed));
            }
        };
    }

    /** How long the calls take under the limit, said before a long run. */
    static String estimate(long calls, RateLimit limit) {
        if (limit == null) {
            return "";
        }
        double hours = (double) calls / limit.permits() * limit.period().toMinutes() / 60.0;
        if (calls <= limit.burst()) {
            return String.format(Locale.ROOT, ", within the limit of %,d per %s", limit.permits(), describe(limit.period()));
        }
        return String.format(Locale.ROOT, ", at %,d per %s about %s", limit.permits(), describe(limit.period()),
                hours >= 1 ? String.format(Locale.ROOT, "%.1f hours", hours)
                        : String.format(Locale.ROOT, "%d minutes", Math.max(1, Math.round(hours * 60))));
    }

    private static String describe(Duration d) {
        return d.toHours() > 0 && d.toMinutes() % 60 == 0 ? (d.toHours() == 1 ? "hour" : d.toHours() + " hours")
                : d.toMinutes() > 0 && d.getSeconds() % 60 == 0 ? d.toMinutes() + " minutes" : d.getSeconds() + " seconds";
    }

    private static String bar(int done, int total) {
        int width = 30;
        int filled = total <= 0 ? width : (int) Math.min(width, (long) done * width / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** {@code off}, or {@code N/DURATION} with DURATION like {@code 1h}, {@code 30m}, {@code 10s}. */
    static RateLimit limit(String text) {
        if (text == null) {
            return FLICKR_LIMIT;
        }
        if (text.equals("off")) {
            return null;
        }
        Matcher m = LIMIT.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--rate-limit needs N/DURATION (3600/1h, 100/10s) or off, not '" + text + "'");
        }
        long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        Duration period = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (period.isZero()) {
            throw new IllegalArgumentException("--rate-limit needs a period longer than 0, not '" + text + "'");
        }
        return RateLimit.of(Integer.parseInt(m.group(1)), period).withMaxWait(period.multipliedBy(2));
    }

    /** The folder: made when missing (unless only verifying), and writable. */
    private static Path folder(String name, boolean make) {
        Path dir;
        try {
            dir = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("cannot back up into " + name + ": not a valid path");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot back up into " + name + ": it is not a folder");
        }
        if (!Files.exists(dir)) {
            if (!make) {
                throw new IllegalArgumentException("cannot verify " + name + ": there is no such folder");
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot back up into " + name + ": it cannot be made ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (make && !Files.isWritable(dir)) {
            throw new IllegalArgumentException("cannot back up into " + name + ": permission denied");
        }
        return dir;
    }
}
