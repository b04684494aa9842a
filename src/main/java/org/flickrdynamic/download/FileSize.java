package org.flickrdynamic.download;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.url.PhotoSize;

/**
 * A size to download, as a command line or a program names it: a photo size's suffix ({@code o},
 * {@code b}, {@code 3k}, {@code ""} or {@code -} for the 500 size, see {@link PhotoSize}), or one of the
 * labels {@code flickr.photos.getSizes} gives a video's files ({@code "Video Original"}, {@code "Site MP4"},
 * {@code "HD MP4"}, {@code 1080p} ...; case, spaces and dashes do not matter). A photo size is found in
 * the answer by the suffix of its file name, which Flickr has kept while its labels changed; a video
 * size by its label, since video URLs have no suffix.
 */
final class FileSize {
    /** The labels Flickr has given video files in {@code getSizes}. */
    private static final List<String> VIDEO_LABELS = List.of("Video Original", "Site MP4", "Mobile MP4", "HD MP4",
            "1080p", "720p", "360p", "288p", "700", "300", "appletv", "iphone_wifi");

    private final PhotoSize photo;
    private final String videoLabel;

    private FileSize(PhotoSize photo, String videoLabel) {
        this.photo = photo;
        this.videoLabel = videoLabel;
    }

    /**
     * The size a name stands for.
     *
     * @throws FlickrArgumentException naming the sizes there are, before anything is sent
     */
    static FileSize of(String name) {
        String wanted = normal(name == null ? "" : name);
        for (String label : VIDEO_LABELS) {
            if (normal(label).equals(wanted)) {
                return new FileSize(null, label);
            }
        }
        try {
            return new FileSize(PhotoSize.of(name), null);
        } catch (FlickrArgumentException e) {
            throw new FlickrArgumentException(null, "size '" + name + "' is unknown; a photo's sizes are "
                    + suffixes() + ", a video's " + String.join(", ", VIDEO_LABELS));
        }
    }

    /** The part of a file name that tells the size: the suffix, or the video label made safe for a file name. */
    String fileTag() {
        if (photo != null) {
            return photo.suffix();
        }
        return normal(videoLabel);
    }

    /**
     * The {@code <size>} of a {@code getSizes} answer that is this size.
     *
     * @throws FlickrArgumentException when the photo has no such size, naming those it has
     */
    Element pick(String photoId, Element rsp) {
        Element sizes = rsp.element("sizes");
        if (sizes == null) {
            throw new FlickrTransportException("flickr.photos.getSizes answered without a <sizes> element",
                    FlickrTransportException.Kind.NOT_FLICKR, 0, null);
        }
        List<String> has = new ArrayList<>();
        for (Element size : sizes.elements("size")) {
            String source = size.attributeValue("source", "");
            String label = size.attributeValue("label", "");
            boolean video = "video".equals(size.attributeValue("media"));
            if (photo != null && !video && photo.suffix().equals(suffixOf(source))
                    || videoLabel != null && normal(label).equals(normal(videoLabel))) {
                return size;
            }
            has.add(video ? label : suffixOf(source).isEmpty() ? "-" : suffixOf(source));
        }
        throw new FlickrArgumentException("flickr.photos.getSizes", "photo " + photoId + " has no size "
                + describe() + "; Flickr serves it in " + (has.isEmpty() ? "no size at all" : String.join(" ", has)));
    }

    /** The suffix of a photo file's name ({@code 123_abc_k.jpg} is k; {@code 123_abc.jpg} has none). */
    private static String suffixOf(String source) {
        String file = source.substring(source.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String[] parts = (dot < 0 ? file : file.substring(0, dot)).split("_");
        return parts.length >= 3 ? parts[2] : "";
    }

    private String describe() {
        return photo != null ? (photo.suffix().isEmpty() ? "- (500)" : photo.suffix()) : videoLabel;
    }

    private static String suffixes() {
        List<String> out = new ArrayList<>();
        for (PhotoSize s : PhotoSize.values()) {
            out.add(s.suffix().isEmpty() ? "-" : s.suffix());
        }
        return String.join(" ", out);
    }

    private static String normal(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
    }
}
