package org.flickrdynamic.sandbox;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders every REST, upload and replace answer of the sandbox, from one answer tree (the payload of
 * {@code <rsp>}), in the format the request asked for, as Flickr does:
 * <ul>
 * <li>{@code format=rest} or none: XML, {@code <rsp stat="ok">payload</rsp>} or
 *     {@code <rsp stat="fail"><err code=".." msg=".." /></rsp>}, as {@code text/xml; charset=utf-8};</li>
 * <li>{@code format=json} with {@code nojsoncallback=1}: JSON ({@link JsonAnswer}), errors as
 *     {@code {"stat":"fail","code":N,"message":"..."}}, as {@code application/json};</li>
 * <li>{@code format=json} without it: the same JSON wrapped as JSONP in {@code jsonFlickrApi(...)}, or in
 *     the function {@code jsoncallback} names (letters, digits, {@code _ $ .} only), as
 *     {@code text/javascript}.</li>
 * </ul>
 * Every answer goes with HTTP 200, failures too, as Flickr sends them.
 */
final class Answers {
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n";
    private static final String XML = "text/xml; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final String DEFAULT_CALLBACK = "jsonFlickrApi";
    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,63}");

    /** The answer format a request asked for. */
    record Format(boolean json, String callback) {
        static final Format XML = new Format(false, null);

        /** The format of a request's parameters: {@code format}, {@code nojsoncallback}, {@code jsoncallback}. */
        static Format of(Map<String, String> params) {
            if (!"json".equals(params.get("format"))) {
                return XML;
            }
            if ("1".equals(params.get("nojsoncallback"))) {
                return new Format(true, null);
            }
            String name = params.get("jsoncallback");
            return new Format(true, name != null && CALLBACK.matcher(name).matches() ? name : DEFAULT_CALLBACK);
        }
    }

    private Answers() {
    }

    /** Flickr's success envelope around a payload, in the asked format. */
    static Reply ok(String payload, Format format) {
        if (format.json()) {
            return json(JsonAnswer.ok(payload), format);
        }
        // Sized once: a photo page is hundreds of kilobytes, and growing a builder to that size copies it often.
        String body = new StringBuilder(payload.length() + 64).append(XML_DECLARATION).append("<rsp stat=\"ok\">\n")
                .append(payload).append("\n</rsp>\n").toString();
        return new Reply(200, XML, body, null);
    }

    /** Flickr's failure envelope, laid out as Flickr lays it out, in the asked format, with HTTP 200. */
    static Reply failure(int code, String message, Format format) {
        if (format.json()) {
            return json(JsonAnswer.failure(code, message), format);
        }
        Xml x = new Xml(160).raw(XML_DECLARATION).raw("<rsp stat=\"fail\">\n\t");
        x.open("err").attr("code", code).attr("msg", message).end();
        return new Reply(200, XML, x.raw("\n</rsp>\n").toString(), null);
    }

    private static Reply json(String json, Format format) {
        if (format.callback() == null) {
            return new Reply(200, JSON, json, null);
        }
        return new Reply(200, JAVASCRIPT, format.callback() + "(" + json + ")", null);
    }
}
