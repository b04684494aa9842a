package org.flickrdynamic.url;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;

/**
 * Reads {@code flickr.photos.getSizes}: {@code <sizes><size label="Large 2048" width=".." height=".."
 * source="https://live.staticflickr.com/.../ID_SECRET_k.jpg" url=".." media="photo"/>...</sizes>}. Each
 * {@code <size>} is matched by the suffix of its {@code source} file name, not by its label, whose
 * wording Flickr has changed over the years.
 */
final class SizesAnswer {
    private SizesAnswer() {
    }

    /** Every size of the photo, smallest first, from one call. */
    static Map<PhotoSize, String> fetch(FlickrClient client, String photoId) {
        Element rsp = client.call("flickr.photos.getSizes", "photo_id", photoId);
        Element sizes = rsp.element("sizes");
        if (sizes == null) {
            throw new FlickrTransportException("flickr.photos.getSizes answered without a <sizes> element", 0,
                    false, null);
        }
        Map<PhotoSize, String> urls = new EnumMap<>(PhotoSize.class);
        for (Element size : sizes.elements("size")) {
            String source = size.attributeValue("source");
            if (source == null || source.isBlank()) {
                continue;
            }
            PhotoSize s = PhotoSize.ofFileName(source.substring(source.lastIndexOf('/') + 1));
            if (s != null) {
                urls.putIfAbsent(s, source.strip());
            }
        }
        return Collections.unmodifiableMap(urls);
    }

    /** The sizes as their suffixes, for a message: {@code s q t m n (none) z c b}. */
    static String describe(Collection<PhotoSize> sizes) {
        if (sizes.isEmpty()) {
            return "no size at all";
        }
        List<String> out = new ArrayList<>();
        for (PhotoSize s : sizes) {
            out.add(s.suffix().isEmpty() ? "(none)" : s.suffix());
        }
        return String.join(" ", out);
    }
}
