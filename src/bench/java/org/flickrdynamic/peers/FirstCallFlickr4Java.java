package org.flickrdynamic.peers;

import java.net.URI;
import java.util.Collection;
import java.util.Map;

import com.flickr4java.flickr.Flickr;
import com.flickr4java.flickr.FlickrException;
import com.flickr4java.flickr.REST;

/**
 * Flickr4Java's first call, for {@code bin/bench cold}: the same as {@link FirstCallOurs}, written the way
 * Flickr4Java's README does it, with only the address changed.
 */
public final class FirstCallFlickr4Java {
    private FirstCallFlickr4Java() {
    }

    /** {@code FirstCallFlickr4Java REST_URL}. */
    public static void main(String[] args) throws FlickrException {
        Flickr flickr = new Flickr("bench", "secret", transport(args[0]));
        Collection<org.w3c.dom.Element> echoed = flickr.getTestInterface().echo(Map.of("foo", "bar"));
        if (echoed.stream().noneMatch(e -> e.getTagName().equals("foo") && e.getTextContent().equals("bar"))) {
            throw new IllegalStateException("the echo did not come back");
        }
    }

    /** Flickr4Java's REST transport at the static server's address; its path is Flickr's own. */
    static REST transport(String restUrl) {
        URI uri = URI.create(restUrl);
        REST rest = new REST(uri.getHost() + ":" + uri.getPort());
        rest.setScheme("http");
        rest.setPort(0); // the port is in the host already
        return rest;
    }
}
