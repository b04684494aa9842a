package org.flickrdynamic;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.dom4j.Document;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.sandbox.Sandbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls per second of {@code flickr.test.echo} against the sandbox on 127.0.0.1: this library's whole
 * pipeline (lookup, validation, send, secure parse) next to the plain baseline of an HttpClient 5 GET and
 * a dom4j parse written the obvious way. Both share the same server, so the difference is the client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallBenchmark {
    private Sandbox sandbox;
    private FlickrClient client;
    private CloseableHttpClient baseline;
    private String baselineUrl;

    @Setup(Level.Trial)
    public void start() {
        sandbox = Sandbox.start();
        client = FlickrClient.builder().endpoint(sandbox.restUrl()).apiKey(sandbox.apiKey()).build();
        baseline = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(64).setMaxConnPerRoute(64).build()).build();
        baselineUrl = sandbox.restUrl() + "?method=flickr.test.echo&api_key=" + sandbox.apiKey() + "&foo=bar";
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        baseline.close();
        sandbox.close();
    }

    @Benchmark
    public Object echoOurs() {
        return client.call("flickr.test.echo", "foo", "bar");
    }

    @Benchmark
    public Object echoBaseline() throws IOException {
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

    @Benchmark
    @Threads(8)
    public Object echoOurs8Threads() {
        return echoOurs();
    }

    @Benchmark
    @Threads(8)
    public Object echoBaseline8Threads() throws IOException {
        return echoBaseline();
    }
}
