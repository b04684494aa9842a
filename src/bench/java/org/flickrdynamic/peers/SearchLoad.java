package org.flickrdynamic.peers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.flickr4java.flickr.Flickr;
import com.flickr4java.flickr.FlickrException;
import com.flickr4java.flickr.photos.SearchParameters;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.dom4j.DocumentException;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.SearchBenchmark;

/**
 * 500-photo search pages against a static server, for {@code bin/bench search --static} and
 * {@code bin/bench memory}: one client (ours, the HttpClient 5 + {@code SAXReader} baseline, or Flickr4Java)
 * in this JVM alone, so the process's CPU time is the client's own.
 *
 * <pre>
 * SearchLoad CLIENT THREADS WARMUP_S MEASURE_S REST_URL   pages/s and CPU per page after a warm-up
 * SearchLoad CLIENT calls N REST_URL                      N pages one after another, nothing else (peak memory)
 * </pre>
 */
public final class SearchLoad {
    private SearchLoad() {
    }

    /** One client's way of fetching and parsing a page; returns the number of photos it read. */
    interface Pages extends AutoCloseable {
        int page() throws Exception;
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        String client = args[0];
        if (args[1].equals("calls")) {
            int n = Integer.parseInt(args[2]);
            try (Pages pages = pages(client, args[3])) {
                for (int k = 0; k < n; k++) {
                    check(pages.page());
                }
            }
            return;
        }
        int threads = Integer.parseInt(args[1]);
        long warmup = Long.parseLong(args[2]) * 1_000_000_000L;
        long measure = Long.parseLong(args[3]) * 1_000_000_000L;
        try (Pages pages = pages(client, args[4])) {
            AtomicLong done = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            check(pages.page());
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                workers[t].start();
            }
            Thread.sleep(warmup / 1_000_000);
            long pages0 = done.get();
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            Thread.sleep(measure / 1_000_000);
            long pages1 = done.get();
            long cpu1 = cpu();
            long t1 = System.nanoTime();
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
            double n = pages1 - pages0;
            // pages/s, then the process's CPU (every thread: the client's, its GC's and its JIT's) per page
            System.out.printf(java.util.Locale.ROOT, "%.1f %.2f%n", n / ((t1 - t0) / 1e9), (cpu1 - cpu0) / 1e6 / n);
        }
    }

    private static void check(int photos) {
        if (photos != 500) {
            throw new IllegalStateException("expected 500 photos, got " + photos);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Pages pages(String client, String url) {
        switch (client) {
            case "ours": return new Ours(url);
            case "baseline": return new Baseline(url);
            case "flickr4java": return new Flickr4Java(url);
            default: throw new IllegalArgumentException("no such client: " + client);
        }
    }

    /** This library, built with its defaults. */
    static final class Ours implements Pages {
        private final FlickrClient client;

        Ours(String url) {
            client = FlickrClient.builder().endpoint(url).apiKey("bench").build();
        }

        @Override
        public int page() {
            return client.call("flickr.photos.search", "min_upload_date", 0, "per_page", 500,
                    "extras", SearchBenchmark.TYPICAL).element("photos").elements("photo").size();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** The baseline of {@link SearchBenchmark}: an HttpClient 5 GET and a dom4j {@code SAXReader} parse. */
    static final class Baseline implements Pages {
        private final CloseableHttpClient http = HttpClients.custom().setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(64).setMaxConnPerRoute(64)
                        .build()).build();
        private final String url;

        Baseline(String url) {
            this.url = url + "?method=flickr.photos.search&api_key=bench&min_upload_date=0&per_page=500&extras="
                    + SearchBenchmark.TYPICAL;
        }

        @Override
        public int page() throws IOException {
            return http.execute(new HttpGet(url), response -> {
                try {
                    return new SAXReader().read(response.getEntity().getContent()).getRootElement()
                            .element("photos").elements("photo").size();
                } catch (DocumentException e) {
                    throw new IOException(e);
                }
            });
        }

        @Override
        public void close() throws IOException {
            http.close();
        }
    }

    /** Flickr4Java's {@code PhotosInterface.search}, as its README shows it. */
    static final class Flickr4Java implements Pages {
        private final Flickr flickr;
        private final SearchParameters search = new SearchParameters();

        Flickr4Java(String url) {
            flickr = new Flickr("bench", "secret", FirstCallFlickr4Java.transport(url));
            search.setExtras(Set.of(SearchBenchmark.TYPICAL.split(",")));
        }

        @Override
        public int page() throws FlickrException {
            return flickr.getPhotosInterface().search(search, 500, 1).size();
        }

        @Override
        public void close() {
        }
    }
}
