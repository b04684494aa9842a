package org.flickrdynamic.internal.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.flickrdynamic.internal.request.Problems;

/** Checks the file of an upload before anything is sent, and names its media type for the multipart part. */
final class UploadFile {
    /** The media types of the file kinds Flickr takes, by extension; anything else goes as octet-stream. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"),
            Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"), Map.entry("bmp", "image/bmp"),
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("avi", "video/x-msvideo"),
            Map.entry("mpg", "video/mpeg"), Map.entry("mpeg", "video/mpeg"), Map.entry("3gp", "video/3gpp"),
            Map.entry("m4v", "video/x-m4v"), Map.entry("wmv", "video/x-ms-wmv"), Map.entry("ogv", "video/ogg"));

    private UploadFile() {
    }

    /** Records why {@code file} cannot be uploaded, if it cannot: none given, missing, a directory, unreadable. */
    static void check(Path file, Problems problems) {
        if (file == null) {
            problems.add("no file to upload was given");
        } else if (Files.isDirectory(file)) {
            problems.add("cannot upload " + file + ": it is a directory, not a file");
        } else if (!Files.exists(file)) {
            problems.add("cannot upload " + file + ": no such file");
        } else if (!Files.isRegularFile(file)) {
            problems.add("cannot upload " + file + ": it is not a regular file");
        } else if (!Files.isReadable(file)) {
            problems.add("cannot upload " + file + ": it cannot be read (permission denied)");
        }
    }

    /** The media type to send the file as, from its extension. */
    static String mediaType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
