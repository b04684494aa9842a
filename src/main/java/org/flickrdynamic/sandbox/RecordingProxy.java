package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.flickrdynamic.internal.sign.OAuth1Signer;
import org.flickrdynamic.internal.sign.Percent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox as a recording proxy: every request is passed to the upstream (a real Flickr, or another
 * sandbox) at the same path, its answer handed back unchanged, and the exchange written to a
 * {@link Cassette} with its credentials {@linkplain Scrubber scrubbed}.
 *
 * <p>An OAuth signature covers the URL the client addressed, which is this proxy's. Without
 * {@code upstreamSecrets} the request goes on as it came, with the client's {@code Host} header, which
 * an upstream that checks signatures against its {@code Host} (a sandbox) accepts. With them, an
 * OAuth-signed request is signed again for the upstream's URL with the API secret and the token
 * secret given, and sent with all its parameters in the query (GET), the form body (POST) or the
 * multipart fields, as a real Flickr needs. Legacy {@code api_sig} signatures cover no URL and pass as
 * they are.
 */
final class RecordingProxy implements Exchanges.Front, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingProxy.class);

    /** Credentials to sign again with, for an upstream that checks signatures against its own URL. */
    record Secrets(String apiSecret, String tokenSecret) {
        @Override
        public String toString() {
            return "Secrets[(hidden)]";
        }
    }

    private final String upstream;
    private final Cassette cassette;
    private final Scrubber scrubber;
    private final Secrets secrets;
    private final RequestLog log;
    private final CloseableHttpClient http = HttpClients.custom().disableRedirectHandling()
            .disableAutomaticRetries().disableCookieManagement().build();

    /** @param upstream the upstream's base URL, ending with {@code /} */
    RecordingProxy(String upstream, Cassette cassette, Secrets secrets, RequestLog log) {
        this.upstream = upstream.endsWith("/") ? upstream : upstream + "/";
        this.cassette = cassette;
        this.secrets = secrets;
        this.scrubber = new Scrubber(secrets == null ? java.util.Set.of()
                : java.util.Set.of(secrets.apiSecret(), secrets.tokenSecret() == null ? "" : secrets.tokenSecret()));
        this.log = log;
    }

    @Override
    public Reply serve(HttpExchange exchange) throws IOException {
        String verb = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Path spool = null;
        java.util.List<Path> temps = new java.util.ArrayList<>();
        try {
            Map<String, String> params;
            byte[] form = null;
            Multipart.Received multipart = null;
            String boundary = Multipart.boundary(contentType);
            if (boundary != null) {
                // Kept on disk, so an upload of any size passes through.
                spool = Files.createTempFile("flickr-sandbox-proxy", ".body");
                try (OutputStream out = Files.newOutputStream(spool)) {
                    exchange.getRequestBody().transferTo(out);
                }
                params = RequestDecoder.decode(uri.getRawQuery(), null, authorization, InputStream.nullInputStream());
                try (InputStream in = Files.newInputStream(spool)) {
                    multipart = Multipart.read(boundary, in, null);
                } catch (Multipart.Malformed e) {
                    return Reply.text(400, "bad upload: " + e.getMessage());
                }
                multipart.fields().forEach(params::putIfAbsent);
            } else {
                form = exchange.getRequestBody().readNBytes(RequestDecoder.MAX_BODY + 1);
                if (form.length > RequestDecoder.MAX_BODY) {
                    return Reply.text(413, "request body over " + RequestDecoder.MAX_BODY + " bytes");
                }
                params = RequestDecoder.decode(uri.getRawQuery(), contentType, authorization,
                        new java.io.ByteArrayInputStream(form));
            }
            log.add(new RecordedRequest(verb, uri.getPath(), params, exchange.getRequestHeaders()));

            HttpUriRequestBase request = forward(exchange, verb, uri, contentType, params, form, spool, multipart, temps);
            Reply reply;
            try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
                String body = response.getEntity() == null ? ""
                        : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
                reply = new Reply(response.getCode(), header(response, "Content-Type", Reply.TEXT), body,
                        header(response, "Location", null));
            } catch (IOException e) {
                // Nothing is recorded: a failed forward is no answer of the upstream's.
                return Reply.text(502, "the upstream " + upstream + " did not answer: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            }
            try {
                cassette.add(new Cassette.Exchange(Cassette.key(verb, uri.getPath(), params,
                        multipart == null ? null : multipart.file()),
                        new Cassette.Response(reply.status(), reply.contentType(),
                                reply.location() == null ? null : scrubber.scrub(params, reply.location()),
                                scrubber.scrub(params, reply.body()))));
            } catch (UncheckedIOException e) {
                // The upstream has acted on the request (a write may have happened): its answer still goes back.
                LOG.warn("Could not write the cassette {} ({}); the answer to {} {} was passed on unrecorded",
                        cassette.file(), e.getCause().getClass().getSimpleName(), verb, uri.getPath());
            }
            return reply;
        } catch (IllegalArgumentException e) {
            return Reply.text(400, "bad request: " + e.getMessage());
        } finally {
            if (spool != null) {
                temps.add(spool);
            }
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
    }

    /** The request to the upstream: as it came, or signed again for the upstream's URL. */
    private HttpUriRequestBase forward(HttpExchange exchange, String verb, URI uri, String contentType,
                                       Map<String, String> params, byte[] form, Path spool,
                                       Multipart.Received multipart, java.util.List<Path> temps) throws IOException {
        String target = upstream + uri.getRawPath().substring(1);
        boolean resign = secrets != null && params.containsKey("oauth_signature");
        if (!resign) {
            HttpUriRequestBase request = new HttpUriRequestBase(verb,
                    URI.create(uri.getRawQuery() == null ? target : target + "?" + uri.getRawQuery()));
            // The client signed for the URL it addressed; an upstream sandbox rebuilds it from Host.
            copy(exchange, request, "Host");
            copy(exchange, request, "Authorization");
            copy(exchange, request, "User-Agent");
            if (spool != null) {
                request.setEntity(new FileEntity(spool.toFile(), ContentType.parse(contentType)));
            } else if (form.length > 0 || "POST".equals(verb)) {
                request.setEntity(new ByteArrayEntity(form, contentType == null ? null : ContentType.parse(contentType)));
            }
            return request;
        }
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove("oauth_signature");
        signed.put("oauth_signature", OAuth1Signer.signature(OAuth1Signer.baseString(verb, target, signed),
                secrets.apiSecret(), secrets.tokenSecret()));
        if ("GET".equals(verb)) {
            HttpUriRequestBase request = new HttpUriRequestBase(verb, URI.create(target + "?" + form(signed)));
            copy(exchange, request, "User-Agent");
            return request;
        }
        HttpUriRequestBase request = new HttpUriRequestBase(verb, URI.create(target));
        copy(exchange, request, "User-Agent");
        if (multipart == null) {
            request.setEntity(new ByteArrayEntity(form(signed).getBytes(StandardCharsets.US_ASCII),
                    ContentType.APPLICATION_FORM_URLENCODED));
            return request;
        }
        request.setEntity(multipart(signed, spool, Multipart.boundary(contentType), multipart, temps));
        return request;
    }

    /** The fields signed again, and the file part copied out of the spooled body. */
    private static HttpEntity multipart(Map<String, String> fields, Path spool, String boundary,
                                        Multipart.Received received, java.util.List<Path> temps) throws IOException {
        MultipartEntityBuilder b = MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED)
                .setCharset(StandardCharsets.UTF_8);
        fields.forEach((k, v) -> b.addTextBody(k, v, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
        Multipart.FilePart file = received.file();
        if (file != null) {
            Path copy = Files.createTempFile("flickr-sandbox-proxy", ".file");
            temps.add(copy);
            try (InputStream in = Files.newInputStream(spool); OutputStream out = Files.newOutputStream(copy)) {
                Multipart.read(boundary, in, out);
            } catch (Multipart.Malformed e) {
                throw new IOException(e.getMessage());
            }
            b.addPart(file.field(), new FileBody(copy.toFile(), file.contentType().isEmpty()
                    ? ContentType.APPLICATION_OCTET_STREAM : ContentType.parse(file.contentType()), file.filename()));
        }
        return b.build();
    }

    private static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(Percent.encode(k)).append('=')
                .append(Percent.encode(v)));
        return sb.toString();
    }

    private static void copy(HttpExchange exchange, HttpUriRequestBase request, String header) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
            request.setHeader(header, value);
        }
    }

    private static String header(ClassicHttpResponse response, String name, String fallback) {
        Header h = response.getFirstHeader(name);
        return h == null ? fallback : h.getValue();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // Closing idle connections; nothing to report.
        }
    }
}
