package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.assertFail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dom4j.Element;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** flickr.test.* and flickr.reflection.*, and the documented examples of the methods the sandbox does not model. */
class TestAndReflectionMethodsTest {
    private static final MethodTable TABLE = MethodTable.bundled();
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void echoReturnsEveryParameterInOrderEscapedButNeverASignature() throws Exception {
        Element rsp = http.ok(http.oauth(http.call("flickr.test.echo", "foo", "bar & <baz> \"q\"", "emoji", "😀",
                "zeta", "last"), null));
        List<String> names = new ArrayList<>();
        rsp.elements().forEach(e -> names.add(e.getName()));
        assertEquals(List.of("method", "api_key", "foo", "emoji", "zeta", "oauth_consumer_key", "oauth_nonce",
                "oauth_timestamp", "oauth_signature_method", "oauth_version"), names, "received order, no oauth_signature");
        assertEquals("bar & <baz> \"q\"", rsp.elementText("foo"));
        assertEquals("😀", rsp.elementText("emoji"));
        Element legacy = http.ok(http.legacy(http.call("flickr.test.echo", "a", "1"), null));
        assertNull(legacy.element("api_sig"));
        assertEquals("1", legacy.elementText("a"));
    }

    @Test
    void echoOfAPostedFormReadsTheBodyAsUtf8() throws Exception {
        HttpResponse<String> r = http.post(http.call("flickr.test.echo", "city", "Tōkyō", "sum", "1+1"));
        Element rsp = SandboxHttp.parse(r.body());
        assertEquals("Tōkyō", rsp.elementText("city"));
        assertEquals("1+1", rsp.elementText("sum"), "an encoded plus stays a plus");
    }

    @Test
    void nullAndLoginNeedAToken() throws Exception {
        SandboxToken token = sandbox.issueToken(sandbox.users().get(3).nsid(), Permission.READ);
        Element nul = http.ok(http.oauth(http.call("flickr.test.null"), token));
        assertTrue(nul.elements().isEmpty(), "test.null answers an empty payload");
        Element user = http.ok(http.legacy(http.call("flickr.test.login"), token)).element("user");
        assertEquals(token.userNsid(), user.attributeValue("id"));
        assertEquals("", user.attributeValue("path_alias"));
        assertEquals(sandbox.users().get(3).username(), user.elementText("username"));
        assertFail(99, http.rsp(http.oauth(http.call("flickr.test.null"), null)));
    }

    @Test
    void getMethodsListsTheWholeTableInOrder() throws Exception {
        List<String> names = new ArrayList<>();
        http.ok(http.call("flickr.reflection.getMethods")).element("methods").elements("method")
                .forEach(e -> names.add(e.getText()));
        assertEquals(TABLE.names(), names);
    }

    /** Every fact of every method of the table can be read back from getMethodInfo. */
    @Test
    void getMethodInfoCarriesEveryFactOfEveryMethod() throws Exception {
        for (MethodSpec m : TABLE.methods()) {
            Element rsp = http.ok(http.call("flickr.reflection.getMethodInfo", "method_name", m.name()));
            Element method = rsp.element("method");
            String at = m.name() + ": ";
            assertEquals(m.name(), method.attributeValue("name"));
            assertEquals(m.needsLogin() ? "1" : "0", method.attributeValue("needslogin"), at);
            assertEquals(m.needsSigning() ? "1" : "0", method.attributeValue("needssigning"), at);
            assertEquals(Permission.values()[Integer.parseInt(method.attributeValue("requiredperms"))], m.permission(), at);
            assertEquals(m.httpVerb(), method.attributeValue("httpverb"), at);
            assertEquals(m.source().name().toLowerCase(Locale.ROOT), method.attributeValue("source"), at);
            assertEquals(m.acceptsAnyArguments() ? "1" : null, method.attributeValue("anyarguments"), at);
            assertEquals(m.paging() == null ? null : m.paging().listElement(), method.attributeValue("paginglist"), at);
            assertEquals(m.paging() == null ? null : m.paging().itemElement(), method.attributeValue("pagingitem"), at);
            assertEquals(m.retired() ? "1" : null, method.attributeValue("retired"), at);
            assertEquals(m.changesStateOnRead() ? "1" : null, method.attributeValue("changesstate"), at);
            assertEquals(m.maxResults() > 0 ? Integer.toString(m.maxResults()) : null, method.attributeValue("maxresults"), at);
            assertEquals(m.description(), method.elementText("description"), at);
            assertEquals(m.exampleResponse(), method.element("response") == null ? null : method.elementText("response"), at);
            assertEquals(m.explanation(), method.element("explanation") == null ? null : method.elementText("explanation"), at);

            List<Element> args = rsp.element("arguments").elements("argument");
            assertEquals("api_key", args.get(0).attributeValue("name"), at + "Flickr lists api_key first");
            List<ArgumentSpec> read = new ArrayList<>();
            for (Element a : args.subList(1, args.size())) {
                read.add(new ArgumentSpec(a.attributeValue("name"), "0".equals(a.attributeValue("optional")), a.getText()));
            }
            assertEquals(m.arguments(), read, at);

            List<ErrorSpec> own = new ArrayList<>();
            List<ErrorSpec> common = new ArrayList<>();
            for (Element e : rsp.element("errors").elements("error")) {
                ErrorSpec spec = new ErrorSpec(Integer.parseInt(e.attributeValue("code")), e.attributeValue("message"),
                        e.getText().isEmpty() ? null : e.getText(), e.attributeValue("source"),
                        "1".equals(e.attributeValue("temporary")));
                ("1".equals(e.attributeValue("common")) ? common : own).add(spec);
            }
            assertEquals(m.errors(), own, at);
            List<ErrorSpec> expectedCommon = new ArrayList<>(TABLE.commonErrors().values());
            expectedCommon.removeIf(c -> m.errors().stream().anyMatch(o -> o.code() == c.code()));
            assertEquals(expectedCommon, common, at);
        }
    }

    @Test
    void getMethodInfoWantsAKnownFullName() throws Exception {
        assertFail(1, http.rsp(http.call("flickr.reflection.getMethodInfo", "method_name", "flickr.nope")));
        assertFail(1, http.rsp(http.call("flickr.reflection.getMethodInfo", "method_name", "photos.search")));
    }

    @Test
    void unmodelledMethodsAnswerTheirDocumentedExampleOrNothing() throws Exception {
        Element rsp = http.ok(http.call("flickr.photos.getAllContexts", "photo_id", "1"));
        assertEquals("记忆群组", rsp.element("set").attributeValue("title"));
        MethodSpec noExample = TABLE.methods().stream()
                .filter(m -> m.exampleResponse() == null && !m.needsLogin() && !m.needsSigning()
                        && m.arguments().stream().noneMatch(ArgumentSpec::required)
                        && !m.name().startsWith("flickr.test.") && !m.name().startsWith("flickr.reflection."))
                .findFirst().orElseThrow();
        assertTrue(http.ok(http.call(noExample.name())).elements().isEmpty(), noExample.name());
    }

    @Test
    void theExampleIsTheWholePayload() throws Exception {
        MethodSpec m = TABLE.find("flickr.photos.getAllContexts").orElseThrow();
        HttpResponse<String> r = http.get(http.call(m.name(), "photo_id", "1"));
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\">\n" + m.exampleResponse() + "\n</rsp>\n",
                r.body());
    }
}
