package org.flickrdynamic.url;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;

/**
 * The URLs of a photo, from a {@code <photo>} element as the list methods, {@code photos.getInfo} or a
 * set's photos give it.
 *
 * <pre>{@code
 * Element photo = Flickr.call("photos.search", "tags", "cat").element("photos").element("photo");
 * PhotoUrls.source(photo, "z");                         // https://live.staticflickr.com/SERVER/ID_SECRET_z.jpg
 * PhotoUrls.source(photo, "k", Flickr.client());         // asks flickr.photos.getSizes once, unless url_k was an extra
 * PhotoUrls.page(photo);                                 // https://www.flickr.com/photos/OWNER/ID/
 * PhotoUrls.shortUrl(photo);                             // https://flic.kr/p/BASE58
 * }</pre>
 *
 * <p>Sizes up to 1024 ({@link PhotoSize#usesPhotoSecret()}) are built from {@code server}, {@code id} and
 * {@code secret}. The larger ones and the original have secrets of their own: they come from the
 * element's {@code url_*} extras (or {@code originalsecret}/{@code originalformat} for the original), and
 * otherwise from one {@code flickr.photos.getSizes} call through the client given. A secret is never
 * guessed: without the facts and without a client, the answer is a {@link FlickrArgumentException}
 * saying what to add.
 */
public final class PhotoUrls {
    /** Where Flickr serves photo files. */
    public static final String STATIC_HOST = "https://live.staticflickr.com/";
    /** Where photo pages live. */
    public static final String PAGE_PREFIX = "https://www.flickr.com/photos/";
    /** Where short photo URLs point. */
    public static final String SHORT_PREFIX = "https://flic.kr/p/";

    private PhotoUrls() {
    }

    /**
     * The URL of one size, built from the element alone: no request is made.
     *
     * @param size a suffix ({@code "z"}, {@code "3k"}, {@code ""} for the 500 size), an extra name
     *             ({@code "url_z"}) or a {@link PhotoSize} name
     * @param photo a {@code <photo>} element of an answer, with {@code id}, {@code secret}, {@code server} and, where
     *              known, {@code farm}
     * @return the URL of one size, built from the element alone: no request is made
     * @throws FlickrArgumentException when the size is unknown, or the element lacks what the URL needs
     */
    public static String source(Element photo, String size) {
        return source(photo, PhotoSize.of(size), null);
    }

    /**
     * The URL of one size, built from the element alone: no request is made. See {@link #source(Element, String)}.
     *
     * @param photo a {@code <photo>} element of an answer, with {@code id}, {@code secret}, {@code server} and, where
     *              known, {@code farm}
     * @param size a suffix ({@code "z"}, {@code "3k"}, {@code ""} for the 500 size), an extra name ({@code "url_z"})
     *             or a {@link PhotoSize} name
     * @return the URL of one size, built from the element alone: no request is made
     */
    public static String source(Element photo, PhotoSize size) {
        return source(photo, size, null);
    }

    /**
     * The URL of one size; when the element does not hold it, asks {@code flickr.photos.getSizes} once
     * through {@code client}.
     *
     * @param client the client for {@code getSizes}; {@code null}: never ask, fail instead
     * @param photo a {@code <photo>} element of an answer, with {@code id}, {@code secret}, {@code server} and, where
     *              known, {@code farm}
     * @param size a suffix ({@code "z"}, {@code "3k"}, {@code ""} for the 500 size), an extra name ({@code "url_z"})
     *             or a {@link PhotoSize} name
     * @return the URL of one size; when the element does not hold it, asks {@code flickr.photos.getSizes} once
     *         through {@code client}
     * @throws FlickrArgumentException when the element lacks an id, or the photo has no such size
     */
    public static String source(Element photo, String size, FlickrClient client) {
        return source(photo, PhotoSize.of(size), client);
    }

    /**
     * The URL of one size; when the element does not hold it, asks {@code flickr.photos.getSizes} once
     * through {@code client}.
     *
     * @param client the client for {@code getSizes}; {@code null}: never ask, fail instead
     * @param photo a {@code <photo>} element of an answer, with {@code id}, {@code secret}, {@code server} and, where
     *              known, {@code farm}
     * @param size a suffix ({@code "z"}, {@code "3k"}, {@code ""} for the 500 size), an extra name ({@code "url_z"})
     *             or a {@link PhotoSize} name
     * @return the URL of one size; when the element does not hold it, asks {@code flickr.photos.getSizes} once
     *         through {@code client}
     * @throws FlickrArgumentException when the element lacks an id, or the photo has no such size
     */
    public static String source(Element photo, PhotoSize size, FlickrClient client) {
        Element p = photoElement(photo);
        String url = fromElement(p, size);
        if (url != null) {
            return url;
        }
        if (client == null) {
            throw new FlickrArgumentException(null, "the <photo> element " + describe(p) + " does not hold the "
                    + label(size) + " URL: " + missing(p, size));
        }
        Map<PhotoSize, String> served = SizesAnswer.fetch(client, requireId(p));
        String fetched = served.get(size);
        if (fetched == null) {
            throw new FlickrArgumentException("flickr.photos.getSizes", "photo " + p.attributeValue("id")
                    + " has no " + label(size) + "; Flickr serves it in " + SizesAnswer.describe(served.keySet()));
        }
        return fetched;
    }

    /**
     * Every size the element holds the URL of, smallest first, without a request: the sizes sharing the
     * photo's secret (when it has {@code id}, {@code server} and {@code secret}), the {@code url_*} extras,
     * and the original when it has {@code originalsecret} and {@code originalformat}. A size Flickr does
     * not have for a small photo may be among them: only {@link #sources(Element, FlickrClient)} knows.
     *
     * @param photo a {@code <photo>} element of an answer, with {@code id}, {@code secret}, {@code server} and, where
     *              known, {@code farm}
     * @return every size the element holds the URL of, smallest first, without a request
     */
    public static Map<PhotoSize, String> sources(Element photo) {
        Element p = photoElement(photo);
        Map<PhotoSize, String> urls = new EnumMap<>(PhotoSize.class);
        for (PhotoSize s : PhotoSize.values()) {
            String url = fromElement(p, s);
            if (url != null) {
                urls.put(s, url);
            }
        }
        return urls;
    }

    /**
     * Every size Flickr has for the photo, smallest first, from one {@code flickr.photos.getSizes} call.
     *
     * @param photo a {@code <photo>} element of an answer, with {@code id}, {@code secret}, {@code server} and, where
     *              known, {@code farm}
     * @param client the client for {@code getSizes}; {@code null}: never ask, fail instead
     * @return every size Flickr has for the photo, smallest first, from one {@code flickr.photos.getSizes} call
     * @throws FlickrArgumentException when the element has no id
     */
    public static Map<PhotoSize, String> sources(Element photo, FlickrClient client) {
        Element p = photoElement(photo);
        return SizesAnswer.fetch(client, requireId(p));
    }

    /**
     * The photo's page, {@code https://www.flickr.com/photos/OWNER/ID/}, under the owner's path alias when
     * the element has one ({@code pathalias} extra, or {@code <owner path_alias>}), else the owner's nsid
     * ({@code owner} attribute, {@code <owner nsid>}, or the {@code owner} of the enclosing photoset).
     *
     * @param photo a {@code <photo>} element of an answer, with {@code id}, {@code secret}, {@code server} and, where
     *              known, {@code farm}
     * @return the photo's page, {@code https://www.flickr.com/photos/OWNER/ID/}, under the owner's path alias when
     *         the element has one
     * @throws FlickrArgumentException when the element names no id or no owner
     */
    public static String page(Element photo) {
        Element p = photoElement(photo);
        String id = requireId(p);
        String owner = owner(p);
        if (owner == null) {
            throw new FlickrArgumentException(null, "the <photo> element " + describe(p) + " names no owner: ask "
                    + "for the owner_name or path_alias extra, or use page(owner, id)");
        }
        return page(owner, id);
    }

    /**
     * A photo's page from its owner (nsid or path alias) and id.
     *
     * @param ownerOrAlias the owner's NSID or path alias
     * @param photoId the id of the photo
     * @return a photo's page from its owner (nsid or path alias) and id
     */
    public static String page(String ownerOrAlias, String photoId) {
        if (ownerOrAlias == null || ownerOrAlias.isBlank()) {
            throw new FlickrArgumentException(null, "a photo page needs the owner's nsid or path alias");
        }
        Base58.parseId(photoId);
        return PAGE_PREFIX + ownerOrAlias.strip() + "/" + photoId + "/";
    }

    /**
     * The short URL {@code https://flic.kr/p/BASE58} of the photo.
     *
     * @param photo a {@code <photo>} element of an answer, with {@code id}, {@code secret}, {@code server} and, where
     *              known, {@code farm}
     * @return the short URL {@code https://flic.kr/p/BASE58} of the photo
     * @throws FlickrArgumentException when the element has no decimal id
     */
    public static String shortUrl(Element photo) {
        return shortUrl(requireId(photoElement(photo)));
    }

    /**
     * The short URL {@code https://flic.kr/p/BASE58} of a photo id.
     *
     * @param photoId the id of the photo
     * @return the short URL {@code https://flic.kr/p/BASE58} of a photo id
     */
    public static String shortUrl(String photoId) {
        return SHORT_PREFIX + Base58.encode(photoId);
    }

    /**
     * The photo id a short URL points to: {@code https://flic.kr/p/2oVmq8Z}, {@code flic.kr/p/2oVmq8Z}
     * or the bare base 58 part.
     *
     * @param shortUrl a {@code flic.kr/p/...} URL
     * @return the photo id a short URL points to
     * @throws FlickrArgumentException when it is not a short URL or its id is not base 58
     */
    public static String idOfShortUrl(String shortUrl) {
        if (shortUrl == null) {
            throw new FlickrArgumentException(null, "no short URL given");
        }
        String s = shortUrl.strip();
        for (String prefix : List.of("https://", "http://")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        if (s.startsWith("flic.kr/")) {
            if (!s.startsWith("flic.kr/p/")) {
                throw new FlickrArgumentException(null, "'" + shortUrl + "' is not a photo's short URL (flic.kr/p/...)");
            }
            s = s.substring("flic.kr/p/".length());
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return Long.toString(Base58.decode(s));
    }

    /** The URL the element holds for a size, or {@code null}. */
    private static String fromElement(Element p, PhotoSize size) {
        String extra = p.attributeValue(size.extra());
        if (extra != null && !extra.isBlank()) {
            return extra;
        }
        String id = p.attributeValue("id");
        String server = p.attributeValue("server");
        if (blank(id) || blank(server)) {
            return null;
        }
        if (size == PhotoSize.ORIGINAL) {
            String secret = p.attributeValue("originalsecret");
            String format = p.attributeValue("originalformat");
            return blank(secret) || blank(format) ? null
                    : STATIC_HOST + server + "/" + id + "_" + secret + "_o." + format;
        }
        String secret = p.attributeValue("secret");
        if (!size.usesPhotoSecret() || blank(secret)) {
            return null;
        }
        return STATIC_HOST + server + "/" + id + "_" + secret + (size.suffix().isEmpty() ? "" : "_" + size.suffix())
                + ".jpg";
    }

    /** What the element would need to give a size's URL, said so the caller knows what to ask for. */
    private static String missing(Element p, PhotoSize size) {
        List<String> lacks = new ArrayList<>();
        for (String a : size == PhotoSize.ORIGINAL ? List.of("id", "server", "originalsecret", "originalformat")
                : size.usesPhotoSecret() ? List.of("id", "server", "secret") : List.<String>of()) {
            if (blank(p.attributeValue(a))) {
                lacks.add(a);
            }
        }
        String how = size.usesPhotoSecret() ? "it lacks " + String.join(", ", lacks)
                : size == PhotoSize.ORIGINAL ? "it lacks " + String.join(", ", lacks) + " (the original_format extra)"
                : "this size has a secret of its own";
        return how + "; ask for the " + size.extra() + " extra, or pass a client so flickr.photos.getSizes can be asked";
    }

    /** The owner's path alias or nsid, wherever the element's method put it. */
    private static String owner(Element p) {
        Element ownerChild = p.element("owner");
        for (String candidate : new String[] {
            p.attributeValue("pathalias"),
            ownerChild == null ? null : ownerChild.attributeValue("path_alias"),
            p.attributeValue("owner"),
            ownerChild == null ? null : ownerChild.attributeValue("nsid"),
            p.getParent() == null ? null : p.getParent().attributeValue("owner")}) {
            if (!blank(candidate)) {
                return candidate.strip();
            }
        }
        return null;
    }

    /** The {@code <photo>} itself; a whole {@code <rsp>} holding one (as {@code photos.getInfo} answers) is unwrapped. */
    private static Element photoElement(Element e) {
        if (e == null) {
            throw new FlickrArgumentException(null, "no <photo> element given");
        }
        if (e.getName().equals("rsp") && e.element("photo") != null) {
            return e.element("photo");
        }
        return e;
    }

    /** The element's photo id: without it there is no page, no short URL and nothing to ask getSizes about. */
    private static String requireId(Element p) {
        String v = p.attributeValue("id");
        if (blank(v)) {
            throw new FlickrArgumentException(null, "the <" + p.getName() + "> element " + describe(p)
                    + " has no id attribute; a photo URL needs an id");
        }
        return v.strip();
    }

    private static String describe(Element p) {
        String id = p.attributeValue("id");
        return id == null ? "(without id)" : "of photo " + id;
    }

    static String label(PhotoSize size) {
        return size == PhotoSize.MEDIUM_500 ? "500 size (no suffix)" : size == PhotoSize.ORIGINAL ? "original (o)"
                : "size " + size.suffix();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
