package org.flickrdynamic.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.flickrdynamic.FlickrArgumentException;

/**
 * Where requests go: the REST endpoint, the upload and replace endpoints, the OAuth endpoints' common
 * prefix, and where photo files are fetched from. {@link #atBase(String)} moves all of them together (for
 * the sandbox, a proxy or a compatible service); each can still be changed alone.
 *
 * @param rest    the REST endpoint, e.g. {@code https://api.flickr.com/services/rest/}
 * @param upload  the upload endpoint
 * @param replace the replace endpoint
 * @param oauth   the prefix of {@code request_token}, {@code authorize} and {@code access_token}
 * @param files   what Flickr's static-file host {@code https://live.staticflickr.com/} stands for: the file
 *                URLs in answers are fetched under this prefix instead ({@link #file(String)})
 */
public record Endpoints(String rest, String upload, String replace, String oauth, String files) {

    /** Flickr's static-file host, where the photo and video URLs of its answers point. */
    public static final String FLICKR_FILES = "https://live.staticflickr.com/";

    /** Flickr's own endpoints. */
    public static final Endpoints FLICKR = new Endpoints(
            "https://api.flickr.com/services/rest/",
            "https://up.flickr.com/services/upload/",
            "https://up.flickr.com/services/replace/",
            "https://www.flickr.com/services/oauth/",
            FLICKR_FILES);

    /**
     * Endpoints whose files are fetched from Flickr's static-file host.
     *
     * @param rest    the REST endpoint
     * @param upload  the upload endpoint
     * @param replace the replace endpoint
     * @param oauth   the OAuth prefix
     */
    public Endpoints(String rest, String upload, String replace, String oauth) {
        this(rest, upload, replace, oauth, FLICKR_FILES);
    }

    /**
     * Every endpoint under one base URL: {@code base + "services/rest/"} and so on, and the files at
     * {@code base + "static/"}, where a sandbox serves them.
     *
     * @param base the base URL, e.g. a sandbox's {@code http://127.0.0.1:PORT/}
     * @return the endpoints
     */
    public static Endpoints atBase(String base) {
        String b = base.endsWith("/") ? base : base + "/";
        return new Endpoints(b + "services/rest/", b + "services/upload/", b + "services/replace/",
                b + "services/oauth/", b + "static/");
    }

    /**
     * A copy with another REST endpoint, the others unchanged.
     *
     * @param url the new URL
     * @return a copy with another REST endpoint, the others unchanged
     */
    public Endpoints withRest(String url) {
        return new Endpoints(url, upload, replace, oauth, files);
    }

    /**
     * A copy with another prefix for the files of Flickr's static-file host.
     *
     * @param prefix the URL that stands for {@code https://live.staticflickr.com/}
     * @return the endpoints
     */
    public Endpoints withFiles(String prefix) {
        return new Endpoints(rest, upload, replace, oauth, prefix);
    }

    /**
     * Where to fetch a file an answer names: a URL on Flickr's static-file hosts ({@code *.staticflickr.com})
     * moved under {@link #files()}, the way the REST endpoint moves; any other URL as it is.
     *
     * @param url a photo or video URL from an answer
     * @return the URL to fetch
     */
    public String file(String url) {
        if (url == null || FLICKR_FILES.equals(files)) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return url;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("staticflickr.com") && !host.endsWith(".staticflickr.com") || uri.getRawPath() == null) {
            return url;
        }
        String path = uri.getRawPath().startsWith("/") ? uri.getRawPath().substring(1) : uri.getRawPath();
        return (files.endsWith("/") ? files : files + "/") + path;
    }

    /**
     * The endpoints that go with a REST endpoint. A service other than Flickr whose REST endpoint ends in
     * {@code services/rest/} (a sandbox, a recording proxy, a compatible service) gets every endpoint under
     * the same base, as {@link #atBase} gives them: a script pointed at a sandbox must not upload or log
     * in at Flickr. Flickr's own REST endpoint puts every endpoint back at Flickr ({@link #FLICKR}); any
     * other URL (laid out otherwise, or another Flickr host) changes the REST endpoint alone.
     *
     * @param url the new URL
     * @return the endpoints that go with a REST endpoint
     */
    public Endpoints forRest(String url) {
        if (url == null) {
            return withRest(null); // check() names it
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return withRest(url); // check() names it
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean flickr = host.equals("flickr.com") || host.endsWith(".flickr.com");
        String tail = path.endsWith("/services/rest/") ? "services/rest/" : path.endsWith("/services/rest") ? "services/rest" : null;
        if (url.equals(FLICKR.rest)) {
            return FLICKR;
        }
        if (flickr || tail == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return withRest(url);
        }
        Endpoints siblings = atBase(url.substring(0, url.length() - tail.length()));
        return siblings.withRest(url);
    }

    /**
     * A copy with another upload endpoint.
     *
     * @param url the new URL
     * @return a copy with another upload endpoint
     */
    public Endpoints withUpload(String url) {
        return new Endpoints(rest, url, replace, oauth, files);
    }

    /**
     * A copy with another replace endpoint.
     *
     * @param url the new URL
     * @return a copy with another replace endpoint
     */
    public Endpoints withReplace(String url) {
        return new Endpoints(rest, upload, url, oauth, files);
    }

    /**
     * A copy with another OAuth prefix.
     *
     * @param url the new URL
     * @return a copy with another OAuth prefix
     */
    public Endpoints withOauth(String url) {
        return new Endpoints(rest, upload, replace, url, files);
    }

    /**
     * Checks every endpoint is an absolute http(s) URL, and that plain http is used only on the
     * loopback unless {@code allowInsecureHttp}: keys, tokens and signatures must not cross a network
     * in clear text by accident.
     *
     * @param allowInsecureHttp whether plain {@code http} to a host other than loopback is allowed
     * @throws FlickrArgumentException naming each bad endpoint
     */
    public void check(boolean allowInsecureHttp) {
        org.flickrdynamic.internal.request.Problems problems = new org.flickrdynamic.internal.request.Problems();
        check("endpoint", rest, allowInsecureHttp, problems);
        check("upload endpoint", upload, allowInsecureHttp, problems);
        check("replace endpoint", replace, allowInsecureHttp, problems);
        check("OAuth endpoint", oauth, allowInsecureHttp, problems);
        check("files endpoint", files, allowInsecureHttp, problems);
        problems.throwIfAny(null);
    }

    private static void check(String what, String url, boolean allowInsecureHttp,
                              org.flickrdynamic.internal.request.Problems problems) {
        if (url == null || url.isBlank()) {
            problems.add(what + " is empty");
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add(what + " '" + url + "' is not a URL: " + e.getReason());
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            problems.add(what + " '" + url + "' must start with https:// (or http:// on the loopback)");
        } else if (uri.getHost() == null) {
            problems.add(what + " '" + url + "' has no host");
        } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(what + " '" + url + "' must not have a query or fragment");
        } else if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            problems.add(what + " '" + url + "' uses plain http outside the loopback; use https,"
                    + " or allow it explicitly with allowInsecureHttp(true)");
        }
    }

    /**
     * Whether a host names this machine: {@code localhost}, 127.0.0.0/8 or {@code ::1}. Plain http is
     * accepted only to such a host, since nothing there crosses a network.
     *
     * @param host the host name or address
     * @return whether a host names this machine: {@code localhost}, 127.0.0.0/8 or {@code ::1}
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || inLoopbackNet(h);
    }

    /**
     * Whether {@code h} is an IPv4 address in 127.0.0.0/8, written as four decimal numbers up to 255 (a
     * larger number makes it a host name, which a resolver could send anywhere). By hand rather than with a
     * regular expression, which would cost a first call milliseconds.
     */
    private static boolean inLoopbackNet(String h) {
        if (!h.startsWith("127.")) {
            return false;
        }
        int groups = 1;
        int digits = 0;
        int value = 0;
        for (int i = 4; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c >= '0' && c <= '9' && digits < 3) {
                digits++;
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else if (c == '.' && digits > 0) {
                groups++;
                digits = 0;
                value = 0;
            } else {
                return false;
            }
        }
        return groups == 3 && digits > 0;
    }
}
