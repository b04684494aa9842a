package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.flickrdynamic.internal.FileMoves;

/**
 * The files uploaded to a sandbox, kept byte for byte so the original of an uploaded or replaced photo is
 * served exactly as it came. Files are stored once by their SHA-256 ({@code files/SHA256}) and each photo
 * names the file it has now ({@code files/index.properties}). In a folder given to the sandbox they stay
 * from one run to the next; otherwise they live in a temporary folder made at the first upload and removed
 * when the sandbox closes. Thread-safe.
 */
final class PhotoFiles implements AutoCloseable {
    private final Path given;
    private final boolean temporary;
    private Path dir;
    /** Photo id to the SHA-256 of its file; guarded by {@code this}. */
    private final Map<String, String> byPhoto = new HashMap<>();

    /** @param folder where to keep the files across runs, or {@code null} for a temporary folder */
    PhotoFiles(Path folder) {
        this.given = folder;
        this.temporary = folder == null;
        if (folder != null) {
            Path index = folder.resolve("index.properties");
            if (Files.isRegularFile(index)) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
                    p.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the sandbox's file index " + index, e);
                }
                p.forEach((k, v) -> byPhoto.put((String) k, (String) v));
            }
        }
    }

    /** A place for an arriving file's bytes; {@link Incoming#keep} stores them under their checksum. */
    final class Incoming implements AutoCloseable {
        private final Path part;
        final OutputStream out;

        private Incoming() throws IOException {
            part = Files.createTempFile(folder(), ".incoming-", ".part");
            out = Files.newOutputStream(part);
        }

        /** Stores the bytes received under their SHA-256, unless a file with it is there already. */
        void keep(String sha256) throws IOException {
            out.close();
            Path target = folder().resolve(sha256);
            if (!Files.exists(target)) {
                FileMoves.replace(part, target);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(part);
        }
    }

    /** A new place for an arriving file. */
    Incoming incoming() throws IOException {
        return new Incoming();
    }

    /** Records that a photo's file is now the one with this checksum (an upload, a replacement). */
    synchronized void assign(String photoId, String sha256) {
        byPhoto.put(photoId, sha256);
        if (!temporary) {
            Properties p = new Properties();
            byPhoto.forEach(p::setProperty);
            try {
                Path tmp = Files.createTempFile(folder(), ".index-", ".part");
                try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(out, "photo id = SHA-256 of its original file");
                }
                FileMoves.replace(tmp, folder().resolve("index.properties"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the sandbox's file index in " + dir, e);
            }
        }
    }

    /** The file a photo was uploaded with, or {@code null} for a photo of the generated data. */
    synchronized Path fileOf(String photoId) {
        String sha = byPhoto.get(photoId);
        Path base = temporary ? dir : given;
        if (sha == null || base == null) {
            return null;
        }
        Path f = base.resolve(sha);
        return Files.isRegularFile(f) ? f : null;
    }

    private synchronized Path folder() throws IOException {
        if (dir == null) {
            dir = temporary ? Files.createTempDirectory("flickr-sandbox-files-") : Files.createDirectories(given);
        }
        return dir;
    }

    /** Removes a temporary folder with its files; a kept folder stays. */
    @Override
    public synchronized void close() {
        if (!temporary || dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
