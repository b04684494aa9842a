package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.flickrdynamic.internal.sign.LegacyMd5Signer;
import org.flickrdynamic.internal.sign.OAuth1Signer;
import org.flickrdynamic.internal.sign.Percent;

/**
 * Talks to a sandbox over plain HTTP with the JDK's own client (not this library's), and signs requests
 * with the {@code sign} package's functions, which are proven on published vectors elsewhere.
 */
final class SandboxHttp {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Sandbox sandbox;

    SandboxHttp(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** {@code method}, {@code api_key}, then the given names and values, in that order. */
    Map<String, String> call(String method, String... namesAndValues) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", method);
        p.put("api_key", sandbox.apiKey());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return p;
    }

    /** The parameters signed with OAuth 1.0a for a GET to the REST URL, with the token when given. */
    Map<String, String> oauth(Map<String, String> params, SandboxToken token) {
        return oauth("GET", sandbox.restUrl(), params, token);
    }

    Map<String, String> oauth(String verb, String url, Map<String, String> params, SandboxToken token) {
        Map<String, String> s = new LinkedHashMap<>(params);
        s.put("oauth_consumer_key", sandbox.apiKey());
        s.put("oauth_nonce", "n" + System.nanoTime());
        s.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        s.put("oauth_signature_method", "HMAC-SHA1");
        s.put("oauth_version", "1.0");
        if (token != null) {
            s.put("oauth_token", token.token());
        }
        s.put("oauth_signature", OAuth1Signer.signature(OAuth1Signer.baseString(verb, url, s), sandbox.secret(),
                token == null ? "" : token.tokenSecret()));
        return s;
    }

    /** The parameters signed with the legacy MD5 scheme, the token sent as {@code auth_token} when given. */
    Map<String, String> legacy(Map<String, String> params, SandboxToken token) {
        Map<String, String> s = new LinkedHashMap<>(params);
        if (token != null) {
            s.put("auth_token", token.token());
        }
        s.put("api_sig", LegacyMd5Signer.apiSig(sandbox.secret(), s));
        return s;
    }

    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(Percent.encode(k)).append('=')
                .append(Percent.encode(v)));
        return sb.toString();
    }

    HttpResponse<String> get(Map<String, String> params) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.restUrl() + "?" + form(params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(Map<String, String> params) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.restUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs and parses a Flickr answer, checking the envelope: HTTP 200, text/xml, the XML declaration. */
    Element rsp(Map<String, String> params) throws Exception {
        HttpResponse<String> r = get(params);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/xml; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\""), r.body());
        return parse(r.body());
    }

    /** A successful answer's {@code <rsp>}. */
    Element ok(Map<String, String> params) throws Exception {
        Element rsp = rsp(params);
        assertEquals("ok", rsp.attributeValue("stat"), rsp.asXML());
        return rsp;
    }

    /** A paged list's element, e.g. {@code <photos>}. */
    Element list(String listElement, Map<String, String> params) throws Exception {
        Element list = ok(params).element(listElement);
        assertTrue(list != null, listElement + " expected");
        return list;
    }

    /** The {@code id}s of every item of every page of a list, fetched {@code perPage} at a time. */
    List<String> allIds(String listElement, Map<String, String> params, int perPage) throws Exception {
        List<String> ids = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.put("per_page", Integer.toString(perPage));
            p.put("page", Integer.toString(page));
            Element list = list(listElement, p);
            pages = Integer.parseInt(list.attributeValue("pages"));
            list.elements().forEach(e -> ids.add(e.attributeValue("id")));
        }
        return ids;
    }

    static Element parse(String xml) throws DocumentException {
        return new SAXReader().read(new StringReader(xml)).getRootElement();
    }

    static void assertFail(int code, Element rsp) {
        assertEquals("fail", rsp.attributeValue("stat"), rsp.asXML());
        assertEquals(Integer.toString(code), rsp.element("err").attributeValue("code"), rsp.asXML());
    }

    static void assertFail(int code, String message, Element rsp) {
        assertFail(code, rsp);
        assertEquals(message, rsp.element("err").attributeValue("msg"));
    }

    static int total(Element list) {
        return Integer.parseInt(list.attributeValue("total"));
    }
}
