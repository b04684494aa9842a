package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.assertFail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The required-argument rule and table-driven behaviour, on a small table made here. */
class RequiredArgumentsTest {
    private static Sandbox sandbox;
    private static SandboxHttp http;

    private static MethodSpec method(String name, List<String> required, ErrorSpec... errors) {
        List<ArgumentSpec> args = new ArrayList<>();
        required.forEach(a -> args.add(new ArgumentSpec(a, true, a + ", required")));
        args.add(new ArgumentSpec("extras", false, "optional"));
        return new MethodSpec(name, "d", Source.API, false, false, Permission.NONE, "GET", args, null, List.of(errors),
                "<thing id=\"1\" />", null);
    }

    private static ErrorSpec error(int code, String message) {
        return new ErrorSpec(code, message, null);
    }

    @BeforeAll
    static void start() {
        MethodTable table = new MethodTable("made in RequiredArgumentsTest", List.of(
                method("flickr.demo.missing", List.of("a", "b"), error(1, "Photo not found"), error(2, "Required arguments missing")),
                method("flickr.demo.subject", List.of("photoset_id"), error(1, "Photo not found"), error(2, "Photoset not found")),
                method("flickr.demo.user", List.of("user_id"), error(1, "Too many users"), error(2, "Unknown user")),
                method("flickr.demo.hyphen", List.of("mini_token"), error(1, "Mini-token not found")),
                method("flickr.demo.generic", List.of("photo_id", "tags"), error(1, "Maximum number of tags reached")),
                method("flickr.demo.none", List.of("photo_id", "tags")),
                method("flickr.demo.optional", List.of()),
                new MethodSpec("flickr.demo.login", "d", Source.SEED, true, false, Permission.NONE, "GET", List.of(), null,
                        List.of(), null, null)),
                Map.of(100, error(100, "Invalid API Key")));
        sandbox = Sandbox.builder().table(table).start();
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void anErrorAboutMissingArgumentsComesFirst() throws Exception {
        assertFail(2, "Required arguments missing", http.rsp(http.call("flickr.demo.missing", "a", "1")));
        assertEquals("ok", http.rsp(http.call("flickr.demo.missing", "a", "1", "b", "")).attributeValue("stat"),
                "an empty value is a value");
    }

    @Test
    void thenAnErrorAboutWhatTheArgumentNames() throws Exception {
        assertFail(2, "Photoset not found", http.rsp(http.call("flickr.demo.subject")));
        assertFail(2, "Unknown user", http.rsp(http.call("flickr.demo.user")));
        assertFail(1, "Mini-token not found", http.rsp(http.call("flickr.demo.hyphen")));
    }

    @Test
    void elseAGenericFailureNamingEveryMissingArgumentWithACodeTheMethodDoesNotDocument() throws Exception {
        assertFail(2, "Required arguments missing: photo_id, tags", http.rsp(http.call("flickr.demo.generic")));
        assertFail(1, "Required arguments missing: photo_id, tags", http.rsp(http.call("flickr.demo.none")));
        assertFail(1, "Required argument missing: tags", http.rsp(http.call("flickr.demo.none", "photo_id", "9")));
    }

    @Test
    void aCompleteCallGetsTheExample() throws Exception {
        Element rsp = http.ok(http.call("flickr.demo.none", "photo_id", "9", "tags", "x"));
        assertEquals("1", rsp.element("thing").attributeValue("id"));
        assertEquals("ok", http.rsp(http.call("flickr.demo.optional")).attributeValue("stat"));
    }

    @Test
    void aMethodThatNeedsLoginWithoutAPermissionNeedsRead() throws Exception {
        assertFail(99, "Insufficient permissions. Method requires read privileges; none granted.",
                http.rsp(http.oauth(http.call("flickr.demo.login"), null)));
        SandboxToken token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        assertEquals("ok", http.rsp(http.oauth(http.call("flickr.demo.login"), token)).attributeValue("stat"));
    }

    @Test
    void methodsOutsideTheTableAreUnknownEvenIfTheSandboxModelsThem() throws Exception {
        assertFail(112, http.rsp(http.call("flickr.photos.search")));
    }
}
