package org.flickrdynamic.auth;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends the user to a login page. */
@FunctionalInterface
public interface Browser {

    /**
     * Shows the user the page at {@code url}.
     *
     * @param url the authorize page's URL
     * @throws java.io.IOException when the page cannot be opened
     */
    void open(String url) throws IOException;

    /**
     * Prints the URL, and opens it in the desktop's browser where there is one.
     *
     * @return the browser
     */
    static Browser system() {
        return system(System.out);
    }

    /**
     * Prints the URL on {@code out}, and opens it in the desktop's browser where there is one.
     *
     * @param out where the URL is printed
     * @return the browser
     */
    static Browser system(PrintStream out) {
        return url -> {
            out.println("Open this page to allow flickr-dynamic access to your Flickr account:");
            out.println("  " + url);
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(URI.create(url));
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                out.println("(could not open a browser: open the page yourself)");
            }
        };
    }

    /**
     * Visits the page itself and follows its redirects, as a browser whose user allows everything would.
     * Only for a sandbox on this machine, whose authorize page approves on its own: it refuses any other
     * host, at the start and at every redirect, before connecting to it.
     *
     * @return the browser
     */
    static Browser sandbox() {
        return url -> {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI page = URI.create(url);
            try {
                for (int hop = 0; ; hop++) {
                    String host = page.getHost();
                    if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                        throw new IOException("the sandbox browser only visits pages on 127.0.0.1, not " + host);
                    }
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(page)
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    String location = r.headers().firstValue("Location").orElse(null);
                    if (r.statusCode() / 100 == 3 && location != null) {
                        if (hop == 20) { // where browsers give up too
                            throw new IOException("the login page redirected more than 20 times");
                        }
                        page = page.resolve(location);
                        continue;
                    }
                    if (r.statusCode() >= 400) {
                        throw new IOException("the login page answered HTTP " + r.statusCode());
                    }
                    return;
                }
            } catch (IllegalArgumentException e) {
                throw new IOException("the login page redirected to an address that is not a URL", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while visiting the login page", e);
            }
        };
    }
}
