package org.flickrdynamic.download;

import org.flickrdynamic.download.Downloader.DownloadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.FileMoves;
import org.flickrdynamic.internal.transport.HttpAnswer;

/**
 * Reads a file's answer into place: streamed through a fixed buffer into a hidden file beside the target,
 * hashed on the way, flushed to disk and moved over the target in one step, so the target is either the
 * old file or the whole new one, never half of either. A target already there with the length the server
 * announces (and, when one is expected, the checksum) is kept, and the body is not read.
 *
 * <p>A failure of the disk is an {@link UncheckedIOException} naming the file, not a transport failure:
 * repeating the request would not help.
 */
final class IntoFile implements HttpAnswer.Reader<DownloadedFile> {
    private final String label;
    private final String url;
    private final Path dir;
    private final String baseName;
    private final String expectedSha256;

    /**
     * @param baseName       the file's name without its extension, which comes from the URL or the answer
     * @param expectedSha256 the checksum a file already there must have to be kept, or {@code null}
     */
    IntoFile(String label, String url, Path dir, String baseName, String expectedSha256) {
        this.label = label;
        this.url = url;
        this.dir = dir;
        this.baseName = baseName;
        this.expectedSha256 = expectedSha256;
    }

    /** Thrown to stop reading a body whose file is already complete; the connection is then dropped unread. */
    static final class AlreadyThere extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient DownloadedFile file;

        AlreadyThere(DownloadedFile file) {
            super(null, null, false, false);
            this.file = file;
        }
    }

    @Override
    public DownloadedFile read(HttpAnswer answer) throws IOException {
        if (answer.status() < 200 || answer.status() > 299) {
            throw new FlickrTransportException("The file of " + label + " at " + url + " answered HTTP "
                    + answer.status(), FlickrTransportException.Kind.HTTP_STATUS, answer.status(), null);
        }
        Path target = dir.resolve(baseName + "." + extension(url, answer.contentType()));
        long announced = answer.contentEncoding() == null ? answer.contentLength() : -1;
        if (announced >= 0 && complete(target, announced)) {
            throw new AlreadyThere(new DownloadedFile(target, announced, expectedSha256, true));
        }
        Path part = dir.resolve("." + target.getFileName() + ".part");
        MessageDigest sha = sha256();
        long bytes = 0;
        try {
            FileChannel channel = disk(() -> FileChannel.open(part, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), part);
            try (channel; OutputStream out = Channels.newOutputStream(channel)) {
                byte[] buffer = new byte[64 * 1024];
                InputStream in = answer.body();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    bytes += n;
                    int length = n;
                    disk(() -> {
                        out.write(buffer, 0, length);
                        return null;
                    }, part);
                }
                // On disk before it takes the target's name: a crash then leaves the old file or the new one.
                disk(() -> {
                    channel.force(true);
                    return null;
                }, part);
            }
            if (announced >= 0 && bytes != announced) {
                throw new FlickrTransportException("The file of " + label + " at " + url + " ended after " + bytes
                        + " of " + announced + " bytes", FlickrTransportException.Kind.CONNECTION_LOST, 0, null);
            }
            disk(() -> {
                FileMoves.replace(part, target);
                return null;
            }, target);
        } finally {
            Files.deleteIfExists(part);
        }
        return new DownloadedFile(target, bytes, HexFormat.of().formatHex(sha.digest()), false);
    }

    private boolean complete(Path target, long announced) {
        try {
            if (!Files.isRegularFile(target) || Files.size(target) != announced) {
                return false;
            }
            return expectedSha256 == null || expectedSha256.equalsIgnoreCase(sha256(target));
        } catch (IOException e) {
            return false; // unreadable: fetched again, and written over
        }
    }

    /** The SHA-256 of a file, in lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private interface DiskWork<T> {
        T run() throws IOException;
    }

    /** Runs a write to the disk; its failure names the file and is kept apart from the connection's. */
    private static <T> T disk(DiskWork<T> work, Path file) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    /** The file's extension: the URL's when it has one ({@code .jpg}, {@code .png}), else from the Content-Type. */
    static String extension(String url, String contentType) {
        String file = url.substring(url.lastIndexOf('/') + 1);
        int q = file.indexOf('?');
        file = q >= 0 ? file.substring(0, q) : file;
        int dot = file.lastIndexOf('.');
        if (dot > 0 && file.substring(dot + 1).matches("[A-Za-z0-9]{2,4}")) {
            return file.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "video/mp4" -> "mp4";
            case "video/quicktime" -> "mov";
            case "video/x-msvideo" -> "avi";
            default -> "bin";
        };
    }
}
