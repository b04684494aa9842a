package org.flickrdynamic.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dom4j.Element;
import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;

/**
 * A sandbox that the static facade points at while a script test runs (what FLICKR_ENDPOINT,
 * FLICKR_API_KEY and FLICKR_API_SECRET do for a script run from the shell), put back on close.
 */
final class ScriptSandbox implements AutoCloseable {
    final Sandbox sandbox = Sandbox.start();
    private final FlickrClient before = Flickr.client();

    ScriptSandbox() {
        Flickr.endpoint(sandbox.restUrl());
        Flickr.currentApiKey(sandbox.apiKey());
        Flickr.currentSecKey(sandbox.secret());
    }

    /** The parameters of the last request the sandbox received. */
    RecordedRequest lastRequest() {
        List<RecordedRequest> all = sandbox.requests();
        return all.get(all.size() - 1);
    }

    /**
     * What every examples/search.* must print, built from the sandbox's own answers through a client of
     * its own: three pages of five cat photos, each a title and a photo page URL.
     */
    String expectedSearchOutput() {
        StringBuilder sb = new StringBuilder();
        try (FlickrClient c = FlickrClient.builder().endpoint(sandbox.restUrl()).apiKey(sandbox.apiKey()).build()) {
            for (int page = 1; page <= 3; page++) {
                Element photos = c.call("photos.search", "tags", "cat", "per_page", 5, "page", page).element("photos");
                int pages = Integer.parseInt(photos.attributeValue("pages"));
                sb.append("page ").append(page).append(" of ").append(pages).append(" (")
                        .append(photos.attributeValue("total")).append(" photos)\n");
                for (Element p : photos.elements("photo")) {
                    sb.append("  ").append(p.attributeValue("title")).append("  https://www.flickr.com/photos/")
                            .append(p.attributeValue("owner")).append('/').append(p.attributeValue("id")).append('\n');
                }
                if (page >= pages) {
                    break;
                }
            }
        }
        String out = sb.toString();
        // Guard the guard: the comparison means something only if the sandbox has three full pages of cats.
        assertEquals(18, out.lines().count(), out);
        assertFalse(out.contains("  null"), out);
        return out;
    }

    /** An example script's text. */
    static String example(String file) {
        try {
            return Files.readString(Path.of("examples", file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The library's argument error an engine wrapped (in a ScriptException, say); fails the test without one. */
    static FlickrArgumentException findCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlickrArgumentException f) {
                return f;
            }
        }
        throw new AssertionError("no FlickrArgumentException in " + e, e);
    }

    /** Output with Windows line ends, if an engine wrote any, made plain. */
    static String lines(String s) {
        return s.replace("\r\n", "\n");
    }

    @Override
    public void close() {
        Flickr.currentApiKey(before.apiKey());
        Flickr.currentSecKey(before.secret());
        Flickr.endpoints(before.endpoints());
        sandbox.close();
    }
}
