package org.flickrdynamic.sandbox;

import java.util.List;
import java.util.Map;

/**
 * A request as the sandbox received it, for tests that assert what a client sent.
 *
 * @param httpMethod {@code GET} or {@code POST}
 * @param path       the request path, e.g. {@code /services/rest/}
 * @param params     the decoded parameters, in the order they arrived (query string, then form body)
 * @param headers    the request headers (names as the server reports them)
 */
public record RecordedRequest(String httpMethod, String path, Map<String, String> params,
                              Map<String, List<String>> headers) {
}
