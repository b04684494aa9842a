package org.flickrdynamic.sandbox;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.internal.sign.LegacyMd5Signer;
import org.flickrdynamic.internal.sign.OAuth1Signer;
import org.flickrdynamic.internal.sign.Percent;

/** What the login tests say to a sandbox, over the JDK's own HTTP client (redirects are not followed). */
final class AuthHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static long nonce;

    private final Sandbox sandbox;

    AuthHttp(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(Percent.encode(k)).append('=')
                .append(Percent.encode(v)));
        return sb.toString();
    }

    /** A form body or query read back into a map. */
    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(Percent.decode(pair.substring(0, eq)), Percent.decode(pair.substring(eq + 1)));
        }
        return out;
    }

    String url(String path) {
        return sandbox.baseUrl() + path;
    }

    HttpResponse<String> get(String path, Map<String, String> params) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path) + "?" + form(params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> params) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The parameters OAuth-signed for {@code verb} on {@code path}, with a fresh nonce and the current time. */
    Map<String, String> oauth(String verb, String path, Map<String, String> params, String token, String tokenSecret) {
        Map<String, String> s = new LinkedHashMap<>(params);
        s.put("oauth_consumer_key", sandbox.apiKey());
        s.put("oauth_nonce", "n" + System.nanoTime() + "-" + next());
        s.putIfAbsent("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        s.put("oauth_signature_method", "HMAC-SHA1");
        s.put("oauth_version", "1.0");
        if (token != null) {
            s.put("oauth_token", token);
        }
        return resign(verb, path, s, tokenSecret);
    }

    /** Signs {@code s} again as it stands (to replay a request with a chosen nonce or timestamp). */
    Map<String, String> resign(String verb, String path, Map<String, String> s, String tokenSecret) {
        s.remove("oauth_signature");
        s.put("oauth_signature", OAuth1Signer.signature(OAuth1Signer.baseString(verb, url(path), s),
                sandbox.secret(), tokenSecret == null ? "" : tokenSecret));
        return s;
    }

    private static synchronized long next() {
        return ++nonce;
    }

    /** A REST call: {@code method}, {@code api_key} and the name/value pairs. */
    Map<String, String> call(String method, String... kv) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", method);
        p.put("api_key", sandbox.apiKey());
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return p;
    }

    Map<String, String> legacy(Map<String, String> p) {
        Map<String, String> s = new LinkedHashMap<>(p);
        s.put("api_sig", LegacyMd5Signer.apiSig(sandbox.secret(), s));
        return s;
    }

    /** The REST answer's {@code <rsp>}, which must come with HTTP 200. */
    Element rest(Map<String, String> params) throws Exception {
        HttpResponse<String> r = get("services/rest/", params);
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        }
        return new SAXReader().read(new StringReader(r.body())).getRootElement();
    }
}
