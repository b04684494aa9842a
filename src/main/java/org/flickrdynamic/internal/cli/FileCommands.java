package org.flickrdynamic.internal.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.download.Downloader.DownloadedFile;
import org.flickrdynamic.download.Downloader;
import org.flickrdynamic.walk.Walk;

/**
 * The commands that move files: {@code upload FILE... [name=value ...] [--wait]}, {@code replace FILE
 * PHOTO_ID [--wait]} and {@code download PHOTO_ID... [--size SUFFIX] [--to DIR]} (or
 * {@code download --all-pages METHOD [name=value ...]}, the photos of a walk). Every file, id, size and
 * folder is checked before anything is sent; a bad one is a usage error. Each new photo id, or each
 * written path, is printed on its own line as soon as it is done, so a run stopped halfway has said
 * what it did; on a terminal, a line on standard error tells which file is under way.
 */
final class FileCommands {
    /** How long {@code --wait} waits for an asynchronous upload's ticket. */
    private static final Duration TICKET_WAIT = Duration.ofMinutes(10);

    private final PrintStream out;
    private final PrintStream err;
    /** The length of the status line on screen; 0 when none is. */
    private final StatusLine status;

    FileCommands(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.status = new StatusLine(err, interactive);
    }

    /** Files and name=value arguments, told apart: a word {@code name=value} whose name is a plain word is an argument. */
    private record Words(List<Path> files, Map<String, String> args) {
    }

    private static boolean isArgument(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && word.substring(0, eq).matches("[a-z_]+");
    }

    int upload(Clients clients, List<String> words, boolean wait) {
        Words w;
        try {
            w = split(words);
        } catch (IllegalArgumentException e) {
            return FlickrCommand.usage(err, e.getMessage());
        }
        if (w.files.isEmpty()) {
            return FlickrCommand.usage(err, "upload needs at least one FILE");
        }
        boolean async = "1".equals(w.args.get("async"));
        if (wait && !async) {
            return FlickrCommand.usage(err, "--wait is for async=1 uploads");
        }
        return clients.with(err, client -> {
            int n = 0;
            for (Path file : w.files) {
                n++;
                status.show("uploading " + n + " of " + w.files.size() + ": " + file.getFileName());
                String id = client.upload(file, w.args);
                if (wait) {
                    status.show("waiting for Flickr to process " + file.getFileName());
                    id = client.awaitUpload(id, TICKET_WAIT);
                }
                status.clear();
                out.println(id);
                out.flush();
            }
            return FlickrCommand.OK;
        });
    }

    int replace(Clients clients, List<String> words, boolean wait) {
        List<String> plain = new ArrayList<>();
        Map<String, String> args = new LinkedHashMap<>();
        for (String word : words) {
            if (isArgument(word)) {
                args.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            } else {
                plain.add(word);
            }
        }
        if (plain.size() != 2) {
            return FlickrCommand.usage(err, "replace needs a FILE and a PHOTO_ID, not " + plain.size() + " words");
        }
        Path file;
        try {
            file = existingFile("replace with", plain.get(0));
        } catch (IllegalArgumentException e) {
            return FlickrCommand.usage(err, e.getMessage());
        }
        String photoId = plain.get(1);
        if (!photoId.matches("\\d{1,20}")) {
            return FlickrCommand.usage(err, "photo id '" + photoId + "' is not a number");
        }
        if (wait && !"1".equals(args.get("async"))) {
            return FlickrCommand.usage(err, "--wait is for async=1 replacements");
        }
        return clients.with(err, client -> {
            status.show("replacing the file of " + photoId + " with " + file.getFileName());
            String id = client.replace(file, photoId, args);
            if (wait) {
                id = client.awaitUpload(id, TICKET_WAIT);
            }
            status.clear();
            out.println(id);
            return FlickrCommand.OK;
        });
    }

    int download(Clients clients, List<String> words, String size, String to, boolean allPages) {
        String chosen = size == null ? "o" : size;
        Path dir;
        try {
            dir = Path.of(to == null ? "." : to);
            Downloader.check(chosen, dir);
        } catch (InvalidPathException e) {
            return FlickrCommand.usage(err, "cannot download into " + to + ": not a valid path");
        } catch (FlickrArgumentException e) {
            return FlickrCommand.usage(err, e.getMessage());
        }
        if (words.isEmpty()) {
            return FlickrCommand.usage(err, allPages ? "download --all-pages needs a METHOD" : "download needs a PHOTO_ID");
        }
        Map<String, String> walkArgs = new LinkedHashMap<>();
        if (allPages) {
            for (String word : words.subList(1, words.size())) {
                if (!isArgument(word)) {
                    return FlickrCommand.usage(err, "argument '" + word + "' is not name=value");
                }
                walkArgs.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            }
        } else {
            for (String id : words) {
                if (!id.matches("\\d{1,20}")) {
                    return FlickrCommand.usage(err, "photo id '" + id + "' is not a number");
                }
            }
        }
        return clients.with(err, client -> {
            Downloader downloader = client.downloader();
            try {
                if (allPages) {
                    try (Walk<Element> items = client.walk(words.get(0), walkArgs)) {
                        int n = 0;
                        for (Element item : items) {
                            fetch(downloader, item.attributeValue("id"), chosen, dir, ++n, -1);
                        }
                    }
                } else {
                    for (int i = 0; i < words.size(); i++) {
                        fetch(downloader, words.get(i), chosen, dir, i + 1, words.size());
                    }
                }
            } catch (UncheckedIOException e) {
                status.clear();
                err.println("flickr: " + e.getMessage());
                return FlickrCommand.TRANSPORT;
            } finally {
                status.clear();
            }
            return FlickrCommand.OK;
        });
    }

    private void fetch(Downloader downloader, String id, String size, Path dir, int n, int total) {
        status.show(String.format(Locale.ROOT, "downloading %,d%s: %s", n, total < 0 ? "" : " of " + total, id));
        DownloadedFile file = downloader.download(id, size, dir);
        status.clear();
        out.println(file.path());
        out.flush();
    }

    private Words split(List<String> words) {
        List<Path> files = new ArrayList<>();
        Map<String, String> args = new LinkedHashMap<>();
        for (String word : words) {
            if (isArgument(word) && !Files.exists(Path.of(word))) {
                String name = word.substring(0, word.indexOf('='));
                if (args.putIfAbsent(name, word.substring(word.indexOf('=') + 1)) != null) {
                    throw new IllegalArgumentException("argument " + name + " is given twice");
                }
            } else {
                files.add(existingFile("upload", word));
            }
        }
        return new Words(files, args);
    }

    /** A file that can be sent: there, a regular file, readable. */
    private static Path existingFile(String verb, String name) {
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("cannot " + verb + " " + name + ": not a valid path");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("cannot " + verb + " " + name + ": there is no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot " + verb + " " + name + ": it is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot " + verb + " " + name + ": permission denied");
        }
        return file;
    }
}
