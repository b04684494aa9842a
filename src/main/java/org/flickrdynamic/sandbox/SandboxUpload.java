package org.flickrdynamic.sandbox;

/**
 * A file the sandbox received at its upload or replace endpoint, for tests that check what a client
 * sent. The sandbox keeps no file, only these facts about it.
 *
 * @param photoId     the photo it made or replaced; {@code null} when the upload was refused, or sent
 *                    with {@code async=1} (its ticket tells the photo later)
 * @param replace     whether it came to the replace endpoint
 * @param filename    the file name the client gave
 * @param contentType the content type of the file part
 * @param size        its length in bytes
 * @param sha256      the SHA-256 of its bytes, in lower-case hex
 */
public record SandboxUpload(String photoId, boolean replace, String filename, String contentType, long size,
                            String sha256) {
}
