package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flickrdynamic.sign.Percent;

/** Reads a request's parameters: the query string, then an {@code x-www-form-urlencoded} body. */
final class RequestDecoder {
    /** Larger form bodies are refused: nothing the REST API takes comes near it. */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private RequestDecoder() {
    }

    static Map<String, String> decode(String rawQuery, String contentType, InputStream body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            parse(rawQuery, params);
        }
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("form body over " + MAX_BODY + " bytes");
            }
            parse(new String(bytes, StandardCharsets.US_ASCII), params);
        }
        return params;
    }

    private static void parse(String form, Map<String, String> into) {
        if (form.isEmpty()) {
            return;
        }
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
}
