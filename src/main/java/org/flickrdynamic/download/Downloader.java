package org.flickrdynamic.download;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.internal.ClientAccess;
import org.flickrdynamic.internal.pipeline.Pipeline;
import org.flickrdynamic.transport.Endpoints;

/**
 * Downloads a photo's or video's file in one size into a folder: one {@code flickr.photos.getSizes} call
 * finds the file's URL (the original's own secret and format included), and the file is fetched from it,
 * through the client's endpoints (a sandbox serves the files Flickr's static host would).
 *
 * <p>The file streams to disk through a fixed buffer, so its size does not matter to the heap, and is
 * written atomically: a hidden {@code .NAME.part} beside it, flushed, then moved over the name. A file
 * already there with the size the server announces (and the checksum, when one is given) is kept and
 * not fetched again. Failures are the calls' own: a {@code FlickrApiException} for a photo Flickr does not
 * show, a {@code FlickrTransportException} for a connection or an HTTP status, a passing one retried as
 * any read is; a disk that cannot be written is an {@link java.io.UncheckedIOException} naming the file.
 *
 * <p>Use it through {@code FlickrClient.download}; the files are named {@code ID_SUFFIX.EXT}
 * ({@code 5321_o.jpg}, {@code 5321_b.jpg}, {@code 5321.jpg} for the 500 size, {@code 5321_site-mp4.mp4}).
 */
public final class Downloader {
    private final FlickrClient client;
    private final Pipeline pipeline;
    private final Endpoints endpoints;

    /**
     * A downloader asking and fetching through a client: it asks {@code flickr.photos.getSizes} with it,
     * and fetches the file through the client's own request path (its pool and retries), from where the
     * client's endpoints say files are served ({@link Endpoints#file}). {@code client.downloader()} makes one.
     *
     * @param client the client
     */
    public Downloader(FlickrClient client) {
        this.client = client;
        this.pipeline = ClientAccess.get().pipeline(client);
        this.endpoints = client.endpoints();
    }

    /**
     * Checks a size and a folder before anything is sent.
     *
     * @param size the size's suffix or video label
     * @param dir  the folder the files go to
     * @throws FlickrArgumentException naming every problem: an unknown size, a folder missing, not a
     *                                 folder or not writable
     */
    public static void check(String size, Path dir) {
        FileSize.of(size);
        checkFolder(dir);
    }

    private static void checkFolder(Path dir) {
        if (dir == null) {
            throw new FlickrArgumentException(null, "no folder to download into");
        }
        if (!Files.exists(dir)) {
            throw new FlickrArgumentException(null, "cannot download into " + dir + ": there is no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new FlickrArgumentException(null, "cannot download into " + dir + ": it is not a folder");
        }
        if (!Files.isWritable(dir)) {
            throw new FlickrArgumentException(null, "cannot download into " + dir + ": permission denied");
        }
    }

    /**
     * Downloads one photo's or video's file.
     *
     * @param photoId the photo or video id
     * @param size    a photo size's suffix ({@code o} for the original, {@code b}, {@code k}, {@code -} for the
     *                500 size ...) or a video file's label ({@code "Video Original"}, {@code "Site MP4"} ...)
     * @param dir     the folder to write into
     * @return the file, written or found complete
     * @throws FlickrArgumentException when the id, size or folder is wrong (nothing sent), or the photo has
     *                                 no such size (the message names those it has)
     */
    public DownloadedFile download(String photoId, String size, Path dir) {
        return download(photoId, size, dir, null);
    }

    /**
     * Downloads one file, keeping one already there only when it has this checksum too.
     *
     * @param photoId        the photo or video id
     * @param size           the size, as {@link #download(String, String, Path)} takes it
     * @param dir            the folder to write into
     * @param expectedSha256 the SHA-256 (hex) a complete file there has, {@code null} to trust its size, or
     *                       an empty string to fetch the file whatever is there (it is known to have changed)
     * @return the file, written or found complete
     */
    public DownloadedFile download(String photoId, String size, Path dir, String expectedSha256) {
        FileSize fileSize = FileSize.of(size);
        checkFolder(dir);
        if (photoId == null || !photoId.strip().matches("\\d{1,20}")) {
            throw new FlickrArgumentException(null, "photo id '" + photoId + "' is not a number");
        }
        String id = photoId.strip();
        Element chosen = fileSize.pick(id, client.call("flickr.photos.getSizes", "photo_id", id));
        String url = endpoints.file(chosen.attributeValue("source"));
        String tag = fileSize.fileTag();
        String label = "photo " + id + " (" + (tag.isEmpty() ? "500" : tag) + ")";
        IntoFile into = new IntoFile(label, url, dir, tag.isEmpty() ? id : id + "_" + tag, expectedSha256);
        try {
            return pipeline.fetchFile(label, url, into);
        } catch (IntoFile.AlreadyThere there) {
            return there.file;
        }
    }

    /**
     * A photo's or video's file on disk after a download.
     *
     * @param path    where it is
     * @param bytes   its size
     * @param sha256  its SHA-256 in lower-case hex, or {@code null} when it was already there and not read
     * @param skipped whether it was already there, complete, so nothing was written
     */
    public record DownloadedFile(Path path, long bytes, String sha256, boolean skipped) {
    }
}
