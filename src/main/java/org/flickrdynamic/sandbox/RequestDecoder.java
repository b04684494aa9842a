package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.flickrdynamic.internal.sign.Percent;

/**
 * Reads a request's parameters in every form Flickr accepts, in the order they arrive: the query string,
 * the body ({@code application/x-www-form-urlencoded} in UTF-8, or {@code multipart/form-data}, whose text
 * fields are parameters and whose first file part is kept aside), then the {@code oauth_*} parameters of
 * an {@code Authorization: OAuth ...} header (RFC 5849 §3.5.1), which some OAuth libraries send instead of
 * parameters. A name given twice keeps its first value. Every path of the sandbox reads its requests here.
 */
final class RequestDecoder {
    /** Larger form bodies are refused: nothing the REST API takes comes near it. */
    static final int MAX_BODY = 4 * 1024 * 1024;

    /** A request's parameters and, for a multipart body, its first file part ({@code null} when none). */
    record Decoded(Map<String, String> params, Multipart.FilePart file) {
    }

    private RequestDecoder() {
    }

    /**
     * Reads the parameters and the file part of a request.
     *
     * @param fileCopy where a multipart body's file bytes are copied as they stream in, or {@code null}
     * @throws IllegalArgumentException for a malformed escape (the message never repeats the input)
     * @throws Multipart.Malformed      for a multipart body that is not well-formed
     * @throws IOException              for an unreadable or oversized body
     */
    static Decoded read(String rawQuery, String contentType, String authorization, InputStream body,
                        OutputStream fileCopy) throws IOException, Multipart.Malformed {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            parseForm(rawQuery, params);
        }
        Multipart.FilePart file = null;
        String boundary = Multipart.boundary(contentType);
        if (boundary != null) {
            Multipart.Received r = Multipart.read(boundary, body, fileCopy);
            r.fields().forEach(params::putIfAbsent);
            file = r.file();
        } else if (isForm(contentType)) {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("form body over " + MAX_BODY + " bytes");
            }
            // Escaped bodies are ASCII; a client that sends raw UTF-8 is read as UTF-8, as Flickr reads it.
            parseForm(new String(bytes, StandardCharsets.UTF_8), params);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            parseOauthHeader(authorization.substring(6), params);
        }
        return new Decoded(params, file);
    }

    /** Whether a body is form-encoded, the one form that {@link #decode} reads without multipart. */
    static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * Reads the parameters of a request; a multipart body's file is read through and left out.
     *
     * @throws IllegalArgumentException for a malformed escape or multipart body (the message never repeats the input)
     * @throws IOException              for an unreadable or oversized body
     */
    static Map<String, String> decode(String rawQuery, String contentType, String authorization, InputStream body)
            throws IOException {
        try {
            return read(rawQuery, contentType, authorization, body, null).params();
        } catch (Multipart.Malformed e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static void parseForm(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            // HTML forms write a space as '+'; RFC 3986 clients (this library) never send a bare '+'.
            into.putIfAbsent(Percent.decode(name.replace('+', ' ')), Percent.decode(value.replace('+', ' ')));
        }
    }

    /** {@code name="value", ...} with percent-encoded values; {@code realm} is not a parameter (§3.4.1.3.1). */
    private static void parseOauthHeader(String header, Map<String, String> into) {
        for (String part : header.split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = Percent.decode(p.substring(0, eq).strip());
            String value = p.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!name.equalsIgnoreCase("realm")) {
                into.putIfAbsent(name, Percent.decode(value));
            }
        }
    }
}
