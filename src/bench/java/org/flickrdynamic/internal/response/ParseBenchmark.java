package org.flickrdynamic.internal.response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentFactory;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.SearchBenchmark;
import org.flickrdynamic.sandbox.Sandbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing alone, from bytes in memory. A 100-photo search answer with the client's {@link FastTreeBuilder},
 * once with {@link PrettyDocumentFactory} (what the client uses) and once with dom4j's default factory, to
 * show the printable tree costs nothing; and the sandbox's 500-photo search page of {@code SearchBenchmark}
 * (about 157 KB) with the client's builder and with dom4j's {@code SAXReader} written the obvious way, to
 * show what the parser alone gains, without the server and the wire. Run: {@code bin/bench parse}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    private byte[] answer;
    private FastTreeBuilder pretty;
    private FastTreeBuilder plain;
    private byte[] searchPage;

    @Setup
    public void setUp() throws IOException, DocumentException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\">\n"
                + "<photos page=\"1\" pages=\"40\" perpage=\"100\" total=\"4000\">\n");
        for (int i = 0; i < 100; i++) {
            sb.append("\t<photo id=\"5000001").append(i).append("\" owner=\"12037949754@N01\" secret=\"9b0a1c2d3e\"")
                    .append(" server=\"65535\" farm=\"66\" title=\"Caf\u00e9 cat #").append(i)
                    .append("\" ispublic=\"1\" isfriend=\"0\" isfamily=\"0\" />\n");
        }
        answer = sb.append("</photos>\n</rsp>\n").toString().getBytes(StandardCharsets.UTF_8);
        pretty = new FastTreeBuilder(PrettyDocumentFactory.instance());
        plain = new FastTreeBuilder(DocumentFactory.getInstance());
        try (Sandbox sandbox = Sandbox.start();
             CloseableHttpClient http = HttpClients.custom().disableContentCompression().build()) {
            String url = sandbox.restUrl() + "?method=flickr.photos.search&api_key=" + sandbox.apiKey()
                    + "&min_upload_date=0&per_page=500&extras=" + SearchBenchmark.TYPICAL;
            searchPage = http.execute(new HttpGet(url), r -> EntityUtils.toByteArray(r.getEntity()));
        }
        int photos = pretty.build(new ByteArrayInputStream(searchPage)).getRootElement().element("photos")
                .elements("photo").size();
        if (photos != 500) {
            throw new IllegalStateException("expected a page of 500 photos, got " + photos);
        }
    }

    @Benchmark
    public Document prettyFactory() throws Exception {
        return pretty.build(new ByteArrayInputStream(answer));
    }

    @Benchmark
    public Document defaultFactory() throws Exception {
        return plain.build(new ByteArrayInputStream(answer));
    }

    @Benchmark
    public Document searchPageOurs() throws Exception {
        return pretty.build(new ByteArrayInputStream(searchPage));
    }

    @Benchmark
    public Document searchPageSaxReader() throws Exception {
        return new SAXReader().read(new ByteArrayInputStream(searchPage));
    }
}
