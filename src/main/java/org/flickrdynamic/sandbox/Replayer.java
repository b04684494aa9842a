package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.sun.net.httpserver.HttpExchange;

/**
 * The sandbox replaying a {@link Cassette}: a request is matched by verb, path and its identifying
 * parameters (signatures, tokens, nonces and timestamps left out, any API key accepted), and answered
 * as it was answered when recorded. A request recorded several times gets its answers in the recorded
 * order, the last one again after that, so a script that reads, edits and reads again replays as it
 * ran. A request the cassette does not hold is answered HTTP 404 with a text naming its method and
 * arguments. No upstream is needed; nothing is checked or changed.
 */
final class Replayer implements Exchanges.Front {
    private final Cassette cassette;
    private final RequestLog log;
    private final Map<Cassette.Request, List<Cassette.Response>> answers = new HashMap<>();
    private final Map<Cassette.Request, Integer> played = new HashMap<>();

    Replayer(Cassette cassette, RequestLog log) {
        this.cassette = cassette;
        this.log = log;
        for (Cassette.Exchange e : cassette.exchanges()) {
            answers.computeIfAbsent(e.request(), k -> new ArrayList<>()).add(e.response());
        }
    }

    @Override
    public Reply serve(HttpExchange exchange) throws IOException {
        String verb = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, String> params;
        Multipart.FilePart file = null;
        try {
            RequestDecoder.Decoded request = RequestDecoder.read(uri.getRawQuery(), contentType, authorization,
                    exchange.getRequestBody(), null);
            params = request.params();
            file = request.file();
        } catch (IllegalArgumentException | Multipart.Malformed e) {
            return Reply.text(400, "bad request: " + e.getMessage());
        }
        log.add(new RecordedRequest(verb, uri.getPath(), params, exchange.getRequestHeaders()));
        Cassette.Request key = Cassette.key(verb, uri.getPath(), params, file);
        Cassette.Response response;
        synchronized (played) {
            List<Cassette.Response> recorded = answers.get(key);
            if (recorded == null) {
                return Reply.text(404, "no recorded answer for " + describe(key) + " in the cassette "
                        + cassette.file());
            }
            int n = played.merge(key, 1, Integer::sum);
            response = recorded.get(Math.min(n, recorded.size()) - 1);
        }
        return new Reply(response.status(), response.contentType(), response.body(), response.location());
    }

    /**
     * {@code flickr.photos.search (per_page=5, tags=cat) by GET /services/rest/}: the method, then its
     * own arguments (the key and the OAuth protocol parameters, the same in every request, left out).
     */
    private static String describe(Cassette.Request key) {
        StringJoiner args = new StringJoiner(", ", "(", ")");
        key.params().forEach((name, value) -> {
            if (!name.equals("method") && !name.equals("api_key") && !name.startsWith("oauth_")) {
                args.add(name + "=" + value);
            }
        });
        String method = key.params().get("method");
        return (method == null ? "" : method + " ") + args + " by " + key.verb() + " " + key.path();
    }
}
