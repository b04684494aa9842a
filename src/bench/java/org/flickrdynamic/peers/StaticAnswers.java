package org.flickrdynamic.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.flickrdynamic.SearchBenchmark;
import org.flickrdynamic.sandbox.Sandbox;

/**
 * Writes the answers a static server (nginx, {@code bin/bench ... --static}) serves: the sandbox's
 * {@code flickr.test.echo} answer and its 500-photo {@code flickr.photos.search} page with the extras of a
 * typical list, each as REST XML and as JSON, each beside its gzipped form (Flickr gzips its answers for
 * clients that ask). Pre-rendered, the server's work per request is a file sent, so what the benchmarks
 * measure is the clients.
 */
public final class StaticAnswers {
    private StaticAnswers() {
    }

    /** {@code StaticAnswers DIR}: writes echo.xml, echo.json, search.xml, search.json and their .gz files. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        HttpClient http = HttpClient.newHttpClient();
        try (Sandbox sandbox = Sandbox.start()) {
            String base = sandbox.restUrl() + "?api_key=" + sandbox.apiKey();
            String echo = base + "&method=flickr.test.echo&foo=bar";
            String search = base + "&method=flickr.photos.search&min_upload_date=0&per_page=500&extras="
                    + SearchBenchmark.TYPICAL;
            String json = "&format=json&nojsoncallback=1";
            write(http, echo, dir.resolve("echo.xml"));
            write(http, echo + json, dir.resolve("echo.json"));
            write(http, search, dir.resolve("search.xml"));
            write(http, search + json, dir.resolve("search.json"));
        }
    }

    private static void write(HttpClient http, String url, Path file) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200 || answer.body().length < 20) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        Files.write(file, answer.body());
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(Path.of(file + ".gz")));
                InputStream in = Files.newInputStream(file)) {
            in.transferTo(gz);
        }
        System.out.printf("  %-12s %,9d bytes, %,8d gzipped%n", file.getFileName(), Files.size(file),
                Files.size(Path.of(file + ".gz")));
    }
}
