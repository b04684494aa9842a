package org.flickrdynamic.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipException;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.flickrdynamic.ClientClosedException;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException.Kind;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.sign.Percent;

/**
 * The send stage: one pooled, kept-alive Apache HttpClient 5 shared by every client with the same
 * {@link TransportSettings}. GET carries the parameters in the query string; POST as an
 * {@code application/x-www-form-urlencoded} body. Both are encoded with RFC 3986 percent-encoding, the
 * same encoding the OAuth signature covers, so what is signed is byte for byte what is sent.
 *
 * <p>There are no automatic retries or redirects here: retries are decided a stage above by
 * {@link org.flickrdynamic.internal.retry.Retrier}, which knows whether a call writes and signs each attempt afresh,
 * and a redirect would resend keys to a host nobody chose.
 *
 * <p>Every request asks for {@code gzip}, as Flickr serves it, and the body is decompressed here while
 * it streams, with the call's size cap applied twice: to the bytes on the wire and to the bytes they
 * decompress to, so neither an endless body nor a gzip bomb can fill the heap.
 */
public final class HttpTransport implements AutoCloseable {
    /** A GET whose URL would pass this many bytes goes as a form POST, which Flickr accepts for reads too. */
    static final int MAX_GET_URL = 6_000;
    private static final int SIGNATURE_ROOM = 400;
    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded", StandardCharsets.UTF_8);
    /** How long the rest of a body may take to come once its document is complete, before the connection is dropped. */
    static final Duration DRAIN_LIMIT = Duration.ofMillis(500);

    private final TransportSettings settings;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;
    private final AtomicInteger users = new AtomicInteger(1);

    /** Opens a pool with these settings. Nothing connects until the first request. */
    public HttpTransport(TransportSettings settings) {
        this.settings = settings;
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setSSLSocketFactory(new LazyTlsSocketFactory())
                // A server that accepts the connection but never finishes the handshake is a connect failure.
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(settings.connectTimeout())).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        // A pooled connection the server has quietly closed is checked before reuse.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setUserAgent(settings.userAgent())
                .disableAutomaticRetries()
                // Decompressed here instead, where the call's size cap can be applied on both sides.
                .disableContentCompression()
                .disableRedirectHandling()
                .disableCookieManagement()
                // Flickr's API sets no cookies; without an empty registry HttpClient still makes its default
                // cookie specs, which parse the whole public-suffix list: tens of ms of a first call.
                .setDefaultCookieSpecRegistry(RegistryBuilder.<CookieSpecFactory>create().build())
                .disableAuthCaching()
                .build();
    }

    /** The settings this pool was opened with. */
    public TransportSettings settings() {
        return settings;
    }

    /**
     * How the pool stands now.
     *
     * @param leased    connections carrying a request
     * @param available open connections waiting for the next request
     * @param pending   requests waiting for a connection
     * @param max       the most connections the pool may hold
     */
    public record PoolStats(int leased, int available, int pending, int max) {
    }

    /** How the pool stands now, for monitoring and tests. */
    public PoolStats poolStats() {
        org.apache.hc.core5.pool.PoolStats s = pool.getTotalStats();
        return new PoolStats(s.getLeased(), s.getAvailable(), s.getPending(), s.getMax());
    }

    /**
     * Registers one more client sharing this pool; the pool closes when the last one closes.
     *
     * @return {@code false}, registering nothing, when the pool is already closed
     */
    public boolean tryRetain() {
        while (true) {
            int n = users.get();
            if (n <= 0) {
                return false; // a closed pool cannot be opened again
            }
            if (users.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /**
     * Sends a request and hands the answer to {@code reader} while the connection is open, its body
     * decompressed and capped, giving up on the whole exchange once {@code callTimeout} has passed: a server
     * that trickles its answer a byte at a time, or one that is slow to parse, cannot hold the call longer
     * than that.
     *
     * @param label       what the request is for (the method name), for messages
     * @param verb        {@code GET} or {@code POST}, as {@link #effectiveVerb} chose it
     * @param url         the endpoint, without query string
     * @param params      the parameters, already signed; sent in this order
     * @param readTimeout how long to wait for the answer to start and between its bytes
     * @param callTimeout how long the whole exchange (connecting, sending, waiting, reading and parsing the
     *                    answer) may take, or {@code null} for no limit but the read timeout
     * @param maxBytes    the most bytes the body may take, on the wire and once decompressed
     * @throws FlickrTransportException when no answer could be had, {@link FlickrTransportException.Kind#TOO_LARGE}
     *                                  when the body passed the cap; messages carry no parameters, since they
     *                                  hold keys and signatures
     */
    public <T> T send(String label, String verb, String url, Map<String, String> params, Duration readTimeout,
                      Duration callTimeout, long maxBytes, HttpAnswer.Reader<T> reader) {
        return send(label, verb, url, form(params), readTimeout, callTimeout, maxBytes, reader);
    }

    /**
     * {@link #send(String, String, String, Map, Duration, Duration, long, HttpAnswer.Reader)} with the
     * parameters already encoded as {@code name=value&...} ({@link #form}), so a caller that encoded them
     * once need not have them encoded again.
     */
    public <T> T send(String label, String verb, String url, String encodedForm, Duration readTimeout,
                      Duration callTimeout, long maxBytes, HttpAnswer.Reader<T> reader) {
        return execute(label, url, request(verb, url, encodedForm), readTimeout, callTimeout, maxBytes, reader);
    }

    /**
     * Sends a POST whose body is already built, such as a multipart upload, and hands the answer to
     * {@code reader} while the connection is open. The body is written as it is read (a file body
     * streams from disk), so its size does not matter to the heap.
     *
     * @param label       what the request is for, for messages
     * @param url         the endpoint, without query string
     * @param body        the request body, with its content type
     * @param readTimeout how long to wait for the answer to start, once the body is sent, and between its bytes
     * @param callTimeout how long the whole exchange may take, or {@code null} for no limit (a large file
     *                    takes long to send)
     * @param maxBytes    the most bytes the answer may take, on the wire and once decompressed
     * @throws FlickrTransportException when no answer could be had
     */
    public <T> T post(String label, String url, HttpEntity body, Duration readTimeout, Duration callTimeout,
                      long maxBytes, HttpAnswer.Reader<T> reader) {
        HttpPost post = new HttpPost(URI.create(url));
        post.setEntity(body);
        return execute(label, url, post, readTimeout, callTimeout, maxBytes, reader);
    }

    private <T> T execute(String label, String url, HttpUriRequestBase request, Duration readTimeout,
                          Duration callTimeout, long maxBytes, HttpAnswer.Reader<T> reader) {
        if (users.get() <= 0) {
            throw new ClientClosedException(label);
        }
        request.setHeader("Accept-Encoding", "gzip");
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(readTimeout))
                .setConnectionRequestTimeout(Timeout.of(readTimeout))
                .build());
        AtomicBoolean late = new AtomicBoolean();
        // Cancelling the request shuts its connection, so a read blocked in the middle of the answer fails at once.
        ScheduledFuture<?> deadline = callTimeout == null ? null : Deadlines.after(callTimeout, () -> {
            late.set(true);
            request.cancel();
        });
        try {
            return exchange(label, url, request, maxBytes, reader);
        } catch (FlickrTransportException e) {
            throw late.get() && e.kind() != Kind.TOO_LARGE ? tooLate(label, url, callTimeout, e) : e;
        } catch (FlickrException e) {
            throw e;
        } catch (IOException e) {
            throw late.get() ? tooLate(label, url, callTimeout, e) : failure(label, url, e);
        } catch (CancellationException e) {
            // What the pool throws when the calling thread was interrupted while it waited for a connection.
            throw late.get() ? tooLate(label, url, callTimeout, e) : interrupted(label, url, e);
        } catch (RuntimeException e) {
            if (late.get()) {
                throw tooLate(label, url, callTimeout, e);
            }
            if (users.get() <= 0) {
                throw new ClientClosedException(label);
            }
            throw e;
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    private <T> T exchange(String label, String url, HttpUriRequestBase request, long maxBytes,
                           HttpAnswer.Reader<T> reader) throws IOException {
        ClassicHttpResponse response = http.executeOpen(null, request, null);
        boolean keep = false;
        try {
            HttpEntity entity = response.getEntity();
            String encoding = header(response, "Content-Encoding");
            LimitedInputStream wire = new LimitedInputStream(
                    entity == null ? InputStream.nullInputStream() : entity.getContent(), maxBytes, false);
            LimitedInputStream body = decode(label, url, encoding, wire, maxBytes, reader);
            T result;
            try {
                result = reader.read(new HttpAnswer(response.getCode(), header(response, "Content-Type"),
                        header(response, "Retry-After"), body, encoding,
                        entity == null ? -1 : entity.getContentLength()));
            } catch (IOException | RuntimeException e) {
                // The cap is the one refusal of a large body, however the reader wrapped it.
                BodyTooLargeException big = wire.tripped() != null ? wire.tripped() : body.tripped();
                if (big != null) {
                    throw tooLarge(label, url, big);
                }
                throw e;
            }
            keep = entity == null || drain(request, response, entity, wire);
            return result;
        } finally {
            if (!keep) {
                // A refused or broken body (too large, malformed, cut off) must not leave half a response on a
                // pooled connection. Closing alone would read the rest to the end (all 300 MB of a hostile
                // answer); cancelling first shuts the connection, so it is discarded unread.
                request.cancel();
                closeQuietly(response);
            }
        }
    }

    /**
     * Reads what follows a complete answer (trailing whitespace, a gzip trailer) so the connection can be
     * reused; through the cap, so a body that goes on after its document cannot keep the client reading, and
     * for {@link #DRAIN_LIMIT} at most, so a server that falls silent cannot either. The answer is already
     * read: when the rest does not come at once, the connection is discarded instead of kept.
     *
     * @return whether the connection may be reused
     */
    private static boolean drain(HttpUriRequestBase request, ClassicHttpResponse response, HttpEntity entity,
                                 InputStream wire) {
        String connection = header(response, "Connection");
        if (connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("close")
                || entity.getContentLength() < 0 && !entity.isChunked()) {
            return false; // ends when the server closes: the connection cannot be reused, so nothing to wait for
        }
        ScheduledFuture<?> limit = Deadlines.after(DRAIN_LIMIT, request::cancel);
        try {
            wire.transferTo(OutputStream.nullOutputStream());
            EntityUtils.consume(entity);
        } catch (IOException | RuntimeException e) {
            limit.cancel(false);
            return false;
        }
        return limit.cancel(false); // false when the limit struck just as the rest arrived: the connection is shut
    }

    /** The body as the server meant it: gunzipped when it came gzipped, both sides capped. */
    private static LimitedInputStream decode(String label, String url, String encoding, LimitedInputStream wire,
                                             long maxBytes, HttpAnswer.Reader<?> reader) throws IOException {
        if (encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity")) {
            return wire;
        }
        String e = encoding.strip().toLowerCase(java.util.Locale.ROOT);
        if (!e.equals("gzip") && !e.equals("x-gzip")) {
            throw new FlickrTransportException("The answer to " + label + " from " + url + " came in the "
                    + "Content-Encoding \"" + reader.hide(encoding.strip()) + "\", which was not asked for (only gzip is)",
                    Kind.REFUSED, 0, null);
        }
        return new LimitedInputStream(new GunzipInputStream(wire), maxBytes, true);
    }

    private static HttpUriRequestBase request(String verb, String url, String form) {
        if ("GET".equals(verb)) {
            return new HttpGet(URI.create(form.isEmpty() ? url : url + "?" + form));
        }
        HttpPost post = new HttpPost(URI.create(url));
        post.setEntity(new ByteArrayEntity(form.getBytes(StandardCharsets.US_ASCII), FORM));
        return post;
    }

    /**
     * The verb to send a request with, decided before signing (the signature covers the verb): a GET
     * whose URL would be too long for servers and proxies goes as a POST, which Flickr accepts for reads.
     *
     * @param encodedUnsignedParams the parameters before signing, as {@link #form} encodes them
     */
    public static String effectiveVerb(String verb, String url, String encodedUnsignedParams) {
        if (!"GET".equals(verb)) {
            return verb;
        }
        // Leave room for the signature parameters added after this decision.
        return url.length() + 1 + encodedUnsignedParams.length() + SIGNATURE_ROOM <= MAX_GET_URL ? "GET" : "POST";
    }

    /** {@code name=value&...} in RFC 3986 encoding, the encoding the OAuth signature covers. */
    public static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(Percent.encode(e.getKey())).append('=').append(Percent.encode(e.getValue()));
        }
        return sb.toString();
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /**
     * The error for an I/O failure, of the {@link Kind} it is. Failures before a connection existed
     * (refused, connect timeout, unknown host, no free pooled connection) are of kinds whose request never
     * left: only they let a write be retried.
     */
    private FlickrTransportException failure(String label, String url, IOException e) {
        String where = " calling " + label + " at " + url;
        if (e instanceof BodyTooLargeException big) {
            return tooLarge(label, url, big);
        }
        if (e instanceof ZipException) {
            return new FlickrTransportException("The gzip-encoded answer" + where + " is corrupt ("
                    + e.getMessage() + ")", Kind.NOT_FLICKR, 0, null);
        }
        if (e instanceof ConnectTimeoutException) {
            return new FlickrTransportException("Timed out connecting" + where + " after "
                    + settings.connectTimeout().toMillis() + " ms", Kind.CONNECT_TIMEOUT, 0, e);
        }
        if (e instanceof HttpHostConnectException || e instanceof ConnectException) {
            return new FlickrTransportException("Connection refused" + where, Kind.NOT_SENT, 0, e);
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            return new FlickrTransportException("Timed out waiting for a free connection" + where
                    + " (all " + settings.maxConnections() + " are busy)", Kind.NOT_SENT, 0, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new FlickrTransportException("Timed out waiting for the answer" + where, Kind.READ_TIMEOUT, 0, e);
        }
        if (e instanceof UnknownHostException) {
            return new FlickrTransportException("Unknown host" + where + " (" + e.getMessage() + ")", Kind.NOT_SENT, 0, e);
        }
        if (e instanceof NoHttpResponseException) {
            return new FlickrTransportException("The server closed the connection without answering" + where,
                    Kind.CONNECTION_LOST, 0, e);
        }
        if (e instanceof SSLException) {
            return new FlickrTransportException("TLS failed" + where + ": " + e.getMessage(), Kind.REFUSED, 0, e);
        }
        if (e instanceof InterruptedIOException) {
            return interrupted(label, url, e);
        }
        if (e instanceof SocketException) {
            return new FlickrTransportException("Connection failed" + where + " (" + e.getMessage() + ")",
                    Kind.CONNECTION_LOST, 0, e);
        }
        return new FlickrTransportException("I/O failure" + where + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", Kind.CONNECTION_LOST, 0, e);
    }

    /** The one refusal of a body over the cap, on the wire or once decompressed. */
    private static FlickrTransportException tooLarge(String label, String url, BodyTooLargeException big) {
        return new FlickrTransportException("The answer to " + label + " from " + url
                + (big.decompressed() ? " decompresses to more than" : " is larger than") + " the cap of "
                + big.cap() + " bytes and was refused (raise maxResponseBytes if it is genuine)", Kind.TOO_LARGE, 0, null);
    }

    /** The error for a call the calling thread's interrupt ended; the thread stays interrupted. */
    private static FlickrTransportException interrupted(String label, String url, Exception e) {
        Thread.currentThread().interrupt();
        return new FlickrTransportException("The call to " + label + " at " + url + " was interrupted",
                Kind.INTERRUPTED, 0, e);
    }

    /** The error for a call that ran past its call timeout; retryable, as a read timeout is. */
    private static FlickrTransportException tooLate(String label, String url, Duration callTimeout, Exception e) {
        return new FlickrTransportException("Gave up on " + label + " at " + url + ": it took longer than the call "
                + "timeout of " + describe(callTimeout) + " (the server answered too slowly, or its answer was too "
                + "slow to read)", Kind.CALL_TIMEOUT, 0, e);
    }

    /** {@code 60 s}, {@code 1500 ms}. */
    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // Already failing; the original error is what the caller needs.
        }
    }

    /** Releases one user; the last one closes the pool and its connections. */
    @Override
    public void close() {
        if (users.decrementAndGet() == 0) {
            try {
                http.close();
            } catch (IOException ignored) {
                // Closing sockets on shutdown; nothing useful to report.
            }
        }
    }
}
