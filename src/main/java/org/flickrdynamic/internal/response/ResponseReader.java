package org.flickrdynamic.internal.response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException.Kind;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.pipeline.TemporaryErrors;
import org.flickrdynamic.internal.retry.RetryAfter;
import org.flickrdynamic.internal.sign.SecretMask;
import org.flickrdynamic.internal.transport.HttpAnswer;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * The parse and error stages: turns an HTTP answer into the {@code <rsp stat="ok">} element, or raises
 * {@link FlickrApiException} for {@code stat="fail"} and {@link FlickrTransportException} for anything
 * that is not a Flickr answer. One per call.
 */
public final class ResponseReader implements HttpAnswer.Reader<Element> {
    /** One tree builder per thread; every node of every answer is made by this factory. */
    private static final ThreadLocal<FastTreeBuilder> TREES =
            ThreadLocal.withInitial(() -> new FastTreeBuilder(PrettyDocumentFactory.instance()));

    private final MethodTable table;
    private final MethodSpec method;
    private final String url;
    private final Supplier<String> ourBaseString;
    private final SecretMask mask;

    /**
     * @param table         the method table, for the explanation of error codes
     * @param method        the method called
     * @param url           the endpoint called, for messages
     * @param ourBaseString the OAuth base string this call signed, or {@code null} when it was not OAuth-signed
     * @param mask          the values of this call that text quoted from the answer must not show
     */
    public ResponseReader(MethodTable table, MethodSpec method, String url, Supplier<String> ourBaseString,
                          SecretMask mask) {
        this.table = table;
        this.method = method;
        this.url = url;
        this.ourBaseString = ourBaseString;
        this.mask = mask == null ? SecretMask.NONE : mask;
    }

    /** Hides this call's signature, tokens and secrets in text quoted from the answer. */
    @Override
    public String hide(String quoted) {
        return mask.hide(quoted);
    }

    @Override
    public Element read(HttpAnswer answer) throws IOException {
        BodyHead body = new BodyHead(answer.body());
        int status = answer.status();
        if (status < 200 || status > 299) {
            throw httpError(answer, readSome(body));
        }
        Document doc;
        try {
            doc = TREES.get().build(body);
        } catch (DocumentException e) {
            throw unparsable(e, body);
        }
        Element rsp = doc.getRootElement();
        if (!"rsp".equals(rsp.getName())) {
            throw notFlickr("its root element is <" + rsp.getName() + ">, not <rsp>", status, body);
        }
        String stat = rsp.attributeValue("stat");
        if ("ok".equals(stat)) {
            return rsp;
        }
        if ("fail".equals(stat)) {
            throw failure(rsp, status, body);
        }
        throw notFlickr(stat == null ? "<rsp> has no stat" : "<rsp> has an unknown stat=\"" + stat + "\"", status, body);
    }

    private FlickrException failure(Element rsp, int status, BodyHead body) {
        Element err = rsp.element("err");
        if (err == null) {
            return notFlickr("stat=\"fail\" came without an <err> element", status, body);
        }
        int code;
        try {
            code = Integer.parseInt(err.attributeValue("code", "").strip());
        } catch (NumberFormatException e) {
            return notFlickr("<err> has no numeric code", status, body);
        }
        String explanation = table.error(method, code).map(ResponseReader::explain).orElse(null);
        if (code == 98) {
            // The stored token was revoked by the user or has expired: only a new login helps.
            explanation = (explanation == null ? "" : explanation + " ")
                    + "Log in again and give the client the new token.";
        }
        return new FlickrApiException(method.name(), code, hide(err.attributeValue("msg", "")), explanation,
                TemporaryErrors.isTemporary(table, code));
    }

    private static String explain(ErrorSpec e) {
        return e.explanation() != null && !e.explanation().isBlank() ? e.explanation() : e.message();
    }

    private FlickrTransportException httpError(HttpAnswer answer, String text) {
        int status = answer.status();
        if (status == 401 && text.contains("oauth_problem=")) {
            return OAuthProblem.explain(method.name(), status, text, ourBaseString == null ? null : ourBaseString.get(),
                    mask);
        }
        StringBuilder sb = new StringBuilder("HTTP ").append(status).append(" calling ").append(method.name())
                .append(" at ").append(url);
        if (answer.retryAfter() != null) {
            sb.append(" (Retry-After: ").append(hide(answer.retryAfter().strip())).append(')');
        }
        String start = oneLine(hide(text));
        sb.append(start.isEmpty() ? "; the body is empty" : "; the body starts: " + start);
        return new FlickrTransportException(sb.toString(), Kind.HTTP_STATUS, status, null,
                RetryAfter.parse(answer.retryAfter(), Instant.now()));
    }

    private FlickrTransportException unparsable(DocumentException e, BodyHead body) {
        if (e instanceof FastTreeBuilder.LimitExceeded) {
            // The same answer would come again: not worth a retry.
            return new FlickrTransportException("The answer to " + method.name() + " from " + url + " was refused: "
                    + e.getMessage(), Kind.TOO_LARGE, 200, null);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.zip.ZipException) {
                return new FlickrTransportException("The answer to " + method.name() + " from " + url
                        + " is not a Flickr response: its gzip encoding is corrupt (" + t.getMessage() + ")",
                        Kind.NOT_FLICKR, 0, null);
            }
        }
        String reason = hide(reason(e));
        if (reason.contains("DOCTYPE")) {
            String start = body.head(this::hide);
            if (start.regionMatches(true, 0, "<!DOCTYPE html", 0, 14)) {
                // An error or maintenance page from a proxy or load balancer: passing, so worth another try.
                return new FlickrTransportException("The answer to " + method.name() + " from " + url
                        + " is not a Flickr response: an HTML page; the body starts: " + start, Kind.NOT_FLICKR, 200, null);
            }
            return new FlickrTransportException("The answer to " + method.name() + " from " + url
                    + " declares a DOCTYPE, which is refused (no Flickr answer has one, and it could"
                    + " smuggle external entities); the body starts: " + start, Kind.REFUSED, 200, null);
        }
        Throwable io = ioCause(e);
        if (io != null) {
            return new FlickrTransportException("The answer to " + method.name() + " from " + url
                    + " was cut off after " + body.count() + " bytes (" + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : ": " + hide(io.getMessage())) + ")", Kind.NOT_FLICKR, 200, null);
        }
        return new FlickrTransportException("The answer to " + method.name() + " from " + url
                + " is not a Flickr response: malformed XML (" + reason + "); the body starts: " + body.head(this::hide),
                Kind.NOT_FLICKR, 200, null);
    }

    private FlickrTransportException notFlickr(String why, int status, BodyHead body) {
        return new FlickrTransportException("The answer to " + method.name() + " from " + url
                + " is not a Flickr response: " + hide(why) + "; the body starts: " + body.head(this::hide), Kind.NOT_FLICKR, status, null);
    }

    private static String reason(DocumentException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? e.getMessage() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : oneLine(m);
    }

    private static Throwable ioCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException && !(t.getClass().getName().contains("MalformedByteSequence"))
                    && !(t instanceof java.io.CharConversionException)) {
                return t;
            }
        }
        return null;
    }

    /** Reads at most 8 KiB of an error body, for the message; the rest is discarded with the connection. */
    private static String readSome(InputStream in) {
        try {
            byte[] b = in.readNBytes(8192);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 240 ? t.substring(0, 240) + "..." : t;
    }
}
