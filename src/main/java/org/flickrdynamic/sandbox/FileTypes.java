package org.flickrdynamic.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Tells from a file's first bytes whether it is an image or video format Flickr takes: JPEG, PNG, GIF,
 * TIFF, BMP, WebP, HEIC and the MP4/QuickTime family, AVI, MPEG, ASF (WMV) and Ogg.
 */
final class FileTypes {
    private FileTypes() {
    }

    static boolean recognised(byte[] head) {
        return starts(head, 0, 0xFF, 0xD8, 0xFF)                                  // JPEG
                || starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)   // PNG
                || text(head, 0, "GIF87a") || text(head, 0, "GIF89a")
                || starts(head, 0, 'I', 'I', 0x2A, 0x00) || starts(head, 0, 'M', 'M', 0x00, 0x2A) // TIFF
                || text(head, 0, "BM")
                || (text(head, 0, "RIFF") && (text(head, 8, "WEBP") || text(head, 8, "AVI ")))
                || text(head, 4, "ftyp")                                          // HEIC, MP4, MOV, 3GP
                || starts(head, 0, 0x00, 0x00, 0x01, 0xBA) || starts(head, 0, 0x00, 0x00, 0x01, 0xB3) // MPEG
                || starts(head, 0, 0x30, 0x26, 0xB2, 0x75)                        // ASF / WMV
                || text(head, 0, "OggS");
    }

    private static boolean starts(byte[] head, int at, int... bytes) {
        if (head.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[at + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean text(byte[] head, int at, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        int[] ints = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            ints[i] = b[i];
        }
        return starts(head, at, ints);
    }
}
