package org.flickrdynamic;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.sandbox.Sandbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pages per second of a 500-photo {@code flickr.photos.search} page with extras against the sandbox on
 * 127.0.0.1: this library's whole pipeline next to the baseline of an HttpClient 5 GET and a dom4j
 * {@code SAXReader} parse written the obvious way. Both ask for gzip (HttpClient's default, and ours), and
 * the sandbox serves it, as Flickr does. {@code searchFloor} fetches the same page without parsing it,
 * to show how much of each figure is the server and the wire rather than the client.
 *
 * <p>{@code searchOursEveryValue} and {@code searchBaselineEveryValue} also read every attribute of every
 * photo by name ({@code attributeValue}), as a program listing the photos does; {@code ...EveryAttribute}
 * reads them as dom4j {@code Attribute} objects ({@code attributes()}), so the gc profiler shows what a page
 * costs when every value is touched, not only when its tree is built.
 *
 * <p>{@code page=typical} asks for the extras of a typical photo list (license, upload date, owner name,
 * one image URL with its size), about 150 KB of XML, the size of Flickr's own 500-photo pages with extras;
 * {@code page=all} asks for every extra Flickr has, about 840 KB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SearchBenchmark {
    /** The extras of a typical photo list, as {@code page=typical} asks for them. */
    public static final String TYPICAL = "license,date_upload,owner_name,url_m";
    static final String ALL = "description,license,date_upload,date_taken,owner_name,icon_server,original_format,"
            + "last_update,geo,tags,machine_tags,o_dims,views,media,path_alias,url_sq,url_t,url_s,url_q,url_m,url_n,"
            + "url_z,url_c,url_l,url_o";

    @Param({"typical"})
    public String page;

    /** Another server's REST URL (bin/bench search --static: nginx with pre-rendered pages); empty: a sandbox. */
    @Param({""})
    public String endpoint;

    private Sandbox sandbox;
    private FlickrClient client;
    private CloseableHttpClient baseline;
    private String baselineUrl;
    private String extras;
    private String[] photoAttributes;

    @Setup(Level.Trial)
    public void start() throws IOException {
        String restUrl = endpoint;
        String apiKey = "bench";
        if (endpoint.isEmpty()) {
            sandbox = Sandbox.start();
            restUrl = sandbox.restUrl();
            apiKey = sandbox.apiKey();
        }
        extras = page.equals("all") ? ALL : TYPICAL;
        client = FlickrClient.builder().endpoint(restUrl).apiKey(apiKey).build();
        baseline = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(64).setMaxConnPerRoute(64).build()).build();
        baselineUrl = restUrl + "?method=flickr.photos.search&api_key=" + apiKey
                + "&min_upload_date=0&per_page=500&extras=" + extras;
        // The page must be the real thing, or the figures mean nothing.
        try (CloseableHttpClient plain = HttpClients.custom().disableContentCompression().build()) {
            byte[] xml = plain.execute(new HttpGet(baselineUrl), r -> EntityUtils.toByteArray(r.getEntity()));
            System.out.printf("%n# page: %,d bytes of XML%n", xml.length);
        }
        int ours = photos(searchOurs());
        Element rsp = searchBaseline();
        int theirs = photos(rsp);
        if (ours != 500 || theirs != 500) {
            throw new IllegalStateException("expected 500 photos, got " + ours + " and " + theirs);
        }
        // Every name any photo has: a program knows the extras it asked for.
        Set<String> names = new LinkedHashSet<>();
        for (Element photo : rsp.element("photos").elements("photo")) {
            for (int i = 0; i < photo.attributeCount(); i++) {
                names.add(photo.attribute(i).getName());
            }
        }
        photoAttributes = names.toArray(new String[0]);
        if (everyValue(searchOurs()) != everyValue(rsp) || everyAttribute(searchOurs()) != everyAttribute(searchBaseline())) {
            throw new IllegalStateException("ours and the baseline read different values");
        }
    }

    private static int photos(Element rsp) {
        return rsp.element("photos").elements("photo").size();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        baseline.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Benchmark
    public Element searchOurs() {
        return client.call("flickr.photos.search", "min_upload_date", 0, "per_page", 500, "extras", extras);
    }

    @Benchmark
    public Element searchBaseline() throws IOException {
        return baseline.execute(new HttpGet(baselineUrl), response -> {
            Document doc;
            try {
                doc = new SAXReader().read(response.getEntity().getContent());
            } catch (org.dom4j.DocumentException e) {
                throw new IOException(e);
            }
            return doc.getRootElement();
        });
    }

    /** Our page, then every attribute of every photo read by name. */
    @Benchmark
    public long searchOursEveryValue() {
        return everyValue(searchOurs());
    }

    /** The baseline's page, then every attribute of every photo read by name. */
    @Benchmark
    public long searchBaselineEveryValue() throws IOException {
        return everyValue(searchBaseline());
    }

    /** Our page, then every attribute of every photo read as an {@code Attribute}. */
    @Benchmark
    public long searchOursEveryAttribute() {
        return everyAttribute(searchOurs());
    }

    /** The baseline's page, then every attribute of every photo read as an {@code Attribute}. */
    @Benchmark
    public long searchBaselineEveryAttribute() throws IOException {
        return everyAttribute(searchBaseline());
    }

    /** The characters of every photo's attributes, each read by its name. */
    private long everyValue(Element rsp) {
        long chars = 0;
        for (Element photo : rsp.element("photos").elements("photo")) {
            for (String name : photoAttributes) {
                String value = photo.attributeValue(name);
                chars += value == null ? 0 : value.length();
            }
        }
        return chars;
    }

    /** The characters of every photo's attributes, each read from its {@code Attribute} object. */
    private static long everyAttribute(Element rsp) {
        long chars = 0;
        for (Element photo : rsp.element("photos").elements("photo")) {
            for (Attribute a : photo.attributes()) {
                chars += a.getValue().length();
            }
        }
        return chars;
    }

    /**
     * The floor under both clients: the same GET, with the body gunzipped and thrown away unparsed. What it
     * costs (the sandbox making the page, the loopback, HttpClient, gunzip) both pay; the rest of each
     * client's time per page is its own parse and tree.
     */
    @Benchmark
    public long searchFloor() throws IOException {
        return baseline.execute(new HttpGet(baselineUrl), response -> {
            InputStream in = response.getEntity().getContent();
            byte[] buffer = new byte[16_384];
            long bytes = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes += n;
            }
            return bytes;
        });
    }

    @Benchmark
    @Threads(8)
    public long searchFloor8Threads() throws IOException {
        return searchFloor();
    }

    @Benchmark
    @Threads(8)
    public Element searchOurs8Threads() {
        return searchOurs();
    }

    @Benchmark
    @Threads(8)
    public Element searchBaseline8Threads() throws IOException {
        return searchBaseline();
    }
}
