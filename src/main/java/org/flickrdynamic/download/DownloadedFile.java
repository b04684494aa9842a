package org.flickrdynamic.download;

import java.nio.file.Path;

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
