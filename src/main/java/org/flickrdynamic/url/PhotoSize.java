package org.flickrdynamic.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flickrdynamic.FlickrArgumentException;

/**
 * The sizes Flickr serves a photo in, each with its file-name suffix and the {@code extras} attribute
 * that carries its URL in list answers. The small sizes share the photo's {@code secret}, so their URLs
 * can be built from any {@code <photo>} element; the large ones and the original have secrets of their
 * own, known only from their {@code url_*} extra or from {@code flickr.photos.getSizes}.
 */
public enum PhotoSize {
    /** 75 x 75 square. */
    SQUARE_75("s", "url_sq", true),
    /** 150 x 150 square. */
    SQUARE_150("q", "url_q", true),
    /** 100 on the longest side. */
    THUMBNAIL_100("t", "url_t", true),
    /** 240 on the longest side. */
    SMALL_240("m", "url_s", true),
    /** 320 on the longest side. */
    SMALL_320("n", "url_n", true),
    /** 400 on the longest side. */
    SMALL_400("w", "url_w", true),
    /** 500 on the longest side: the file name has no suffix. */
    MEDIUM_500("", "url_m", true),
    /** 640 on the longest side. */
    MEDIUM_640("z", "url_z", true),
    /** 800 on the longest side. */
    MEDIUM_800("c", "url_c", true),
    /** 1024 on the longest side. */
    LARGE_1024("b", "url_l", true),
    /** 1600 on the longest side; a secret of its own. */
    LARGE_1600("h", "url_h", false),
    /** 2048 on the longest side; a secret of its own. */
    LARGE_2048("k", "url_k", false),
    /** 3072 on the longest side; a secret of its own. */
    X_LARGE_3K("3k", "url_3k", false),
    /** 4096 on the longest side; a secret of its own. */
    X_LARGE_4K("4k", "url_4k", false),
    /** 4096 on the longest side, for 2:1 panoramas only; a secret of its own. */
    X_LARGE_4K_2TO1("f", "url_f", false),
    /** 5120 on the longest side; a secret of its own. */
    X_LARGE_5K("5k", "url_5k", false),
    /** 6144 on the longest side; a secret of its own. */
    X_LARGE_6K("6k", "url_6k", false),
    /** The file as uploaded: {@code originalsecret} and {@code originalformat}. */
    ORIGINAL("o", "url_o", false);

    private final String suffix;
    private final String extra;
    private final boolean photoSecret;

    PhotoSize(String suffix, String extra, boolean photoSecret) {
        this.suffix = suffix;
        this.extra = extra;
        this.photoSecret = photoSecret;
    }

    /**
     * The file-name suffix after {@code _}: {@code "z"}, {@code "3k"}; empty for {@link #MEDIUM_500}.
     *
     * @return the file-name suffix after {@code _}: {@code "z"}, {@code "3k"}; empty for {@link #MEDIUM_500}
     */
    public String suffix() {
        return suffix;
    }

    /**
     * The attribute holding this size's URL when the call asked for it in {@code extras}, e.g. {@code url_z}.
     *
     * @return the attribute's name, e.g. {@code url_z}
     */
    public String extra() {
        return extra;
    }

    /**
     * Whether the URL uses the photo's own {@code secret} (so it can be built without asking Flickr).
     *
     * @return whether the URL uses the photo's own {@code secret} (so it can be built without asking Flickr)
     */
    public boolean usesPhotoSecret() {
        return photoSecret;
    }

    /**
     * The size with this suffix ({@code "z"}, {@code "3k"}, {@code ""} or {@code "-"} for the 500 size),
     * this {@code url_*} extra name, or this constant's name.
     *
     * @param name the suffix or the label
     * @return the size with this suffix ({@code "z"}, {@code "3k"}, {@code ""} or {@code "-"} for the 500 size), this
     *         {@code url_*} extra name, or this constant's name
     * @throws FlickrArgumentException listing the known suffixes
     */
    public static PhotoSize of(String name) {
        String n = name == null ? "" : name.strip();
        for (PhotoSize s : values()) {
            if (s.suffix.equals(n) || s.extra.equals(n) || s.name().equals(n.toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        if (n.equals("-")) {
            return MEDIUM_500;
        }
        List<String> known = new ArrayList<>();
        for (PhotoSize s : values()) {
            known.add(s.suffix.isEmpty() ? "\"\"" : s.suffix);
        }
        throw new FlickrArgumentException(null, "photo size '" + name + "' is unknown; the sizes are "
                + String.join(" ", known));
    }

    /** The size whose suffix a file name ends with ({@code 123_abc_k.jpg} is k; no suffix is the 500 size). */
    static PhotoSize ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String[] parts = (dot < 0 ? fileName : fileName.substring(0, dot)).split("_");
        if (parts.length < 2) {
            return null;
        }
        if (parts.length == 2) {
            return MEDIUM_500;
        }
        for (PhotoSize s : values()) {
            if (s.suffix.equals(parts[2])) {
                return s;
            }
        }
        return null;
    }
}
