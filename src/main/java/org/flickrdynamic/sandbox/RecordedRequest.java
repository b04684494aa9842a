package org.flickrdynamic.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request as the sandbox received it, for tests that assert what a client sent. Immutable.
 * {@link #toString()} shows the verb, the path and the parameters with signatures and secrets masked,
 * and no headers, so a failing assertion never prints them.
 *
 * @param httpMethod {@code GET} or {@code POST}
 * @param path       the request path, e.g. {@code /services/rest/}
 * @param params     the decoded parameters, in the order they arrived (query string, then form body)
 * @param headers    the request headers; names compare case-insensitively, as HTTP's do
 * @param receivedAt when the sandbox had read the request, for tests of pacing (rate limits, retry waits)
 */
public record RecordedRequest(String httpMethod, String path, Map<String, String> params,
                              Map<String, List<String>> headers, Instant receivedAt) {
    private static final Set<String> MASKED = Set.of("api_sig", "oauth_signature", "secret", "oauth_token_secret");

    /**
     * Copies the parameters (keeping their order) and the headers, so the record cannot change later.
     *
     * @param httpMethod {@code GET} or {@code POST}
     * @param path       the request path, e.g. {@code /services/rest/}
     * @param params     the decoded parameters, in the order they arrived (query string, then form body)
     * @param headers    the request headers; names compare case-insensitively, as HTTP's do
     * @param receivedAt when the sandbox had read the request, for tests of pacing (rate limits, retry waits)
     */
    public RecordedRequest {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> h.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(h);
    }

    /**
     * A request received just now.
     *
     * @param httpMethod {@code GET} or {@code POST}
     * @param path the request path, e.g. {@code /services/rest/}
     * @param params the decoded parameters, in the order they arrived (query string, then form body)
     * @param headers the request headers; names compare case-insensitively, as HTTP's do
     */
    public RecordedRequest(String httpMethod, String path, Map<String, String> params,
                           Map<String, List<String>> headers) {
        this(httpMethod, path, params, headers, Instant.now());
    }

    /**
     * The parameter's value, or {@code null} when the request did not carry it.
     *
     * @param name the name
     * @return the parameter's value, or {@code null} when the request did not carry it
     */
    public String param(String name) {
        return params.get(name);
    }

    /**
     * The first value of a header (any case of its name), or {@code null}.
     *
     * @param name the name
     * @return the first value of a header (any case of its name), or {@code null}
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(httpMethod).append(' ').append(path).append(" {");
        String sep = "";
        for (Map.Entry<String, String> p : params.entrySet()) {
            sb.append(sep).append(p.getKey()).append('=')
                    .append(MASKED.contains(p.getKey().toLowerCase(Locale.ROOT)) ? "(hidden)" : p.getValue());
            sep = ", ";
        }
        return sb.append('}').toString();
    }
}
