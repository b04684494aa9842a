package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flickr methods refresh against the sandbox, which answers flickr.reflection from the method table. */
class MethodsRefreshTest {
    @TempDir
    Path dir;

    private static void assertSameTable(MethodTable expected, MethodTable actual) {
        assertEquals(expected.names(), actual.names());
        for (MethodSpec m : expected.methods()) {
            MethodSpec r = actual.find(m.name()).orElseThrow();
            assertEquals(m.arguments(), r.arguments(), m.name() + " arguments and required flags");
            assertEquals(m.needsLogin(), r.needsLogin(), m.name());
            assertEquals(m.needsSigning(), r.needsSigning(), m.name());
            assertEquals(m.permission(), r.permission(), m.name());
            assertEquals(m.paging(), r.paging(), m.name());
            assertEquals(m.exampleResponse(), r.exampleResponse(), m.name());
            assertEquals(m, r, "every other fact of " + m.name());
        }
        assertEquals(expected.commonErrors(), actual.commonErrors());
    }

    @Test
    void refreshFromTheSandboxGivesBackTheBundledTable() throws IOException {
        Path file = dir.resolve("methods.yaml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--sandbox", "methods", "refresh", "--output", file.toString()});
        String messages = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, messages);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(messages.startsWith("flickr: refreshed 224 methods from http://127.0.0.1:"), messages);
        MethodTable refreshed = MethodTable.load(file);
        assertSameTable(MethodTable.bundled(), refreshed);
        try (FlickrClient c = FlickrClient.builder().methodTable(file).apiKey("k").build()) {
            assertEquals(refreshed.origin(), c.table().origin(), "a refreshed file is what clients load");
        }
    }

    @Test
    void whatTheLiveAnswersLackIsKeptFromTheBundledTable() throws IOException {
        MethodTable bundled = MethodTable.bundled();
        // A Flickr that tells no paging, examples, explanations, result caps or stateful reads, as the real one
        // does not (a method it lists as retired stays so: the sandbox serves the bundled table's names).
        List<MethodSpec> bare = bundled.methods().stream().map(m -> new MethodSpec(m.name(), m.description(), m.source(),
                m.needsLogin(), m.needsSigning(), m.permission(), m.httpVerb(), m.arguments(), null, m.errors(), null,
                null, m.acceptsAnyArguments(), m.retired(), false, 0, null)).toList();
        MethodTable live = new MethodTable("live", bare, bundled.commonErrors());
        try (Sandbox sandbox = Sandbox.builder().table(live).start();
             FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
            MethodsRefresh.Result result = new MethodsRefresh(client, bundled).run();
            Path file = dir.resolve("refreshed.yaml");
            Files.writeString(file, result.yaml());
            assertSameTable(bundled, MethodTable.load(file));
            long kept = bundled.methods().stream().filter(m -> m.paging() != null || m.exampleResponse() != null).count();
            assertTrue(result.summary().contains(kept + " kept paging or examples from the bundled table"),
                    result.summary());
        }
    }

    @Test
    void refreshWritesToStandardOutputWithoutOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new FlickrCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(new String[] {"--sandbox", "methods", "refresh"});
        assertEquals(0, code);
        String yaml = out.toString(StandardCharsets.UTF_8);
        assertTrue(yaml.startsWith("# The Flickr API method table, rebuilt by `flickr methods refresh`"), yaml.substring(0, 80));
        assertTrue(yaml.contains("\n  - name: flickr.photos.search\n"), "methods.yaml's layout");
    }

    /** Refreshes from a server whose getMethodInfo answers with this {@code <method ...>...</method>} for one method. */
    private static FlickrTransportException refreshFails(String methodInfo) throws IOException {
        String methods = "<rsp stat=\"ok\"><methods><method>flickr.test.odd</method></methods></rsp>";
        String info = "<rsp stat=\"ok\">" + methodInfo + "</rsp>";
        java.util.concurrent.atomic.AtomicReference<ScriptedServer> ref = new java.util.concurrent.atomic.AtomicReference<>();
        try (ScriptedServer server = new ScriptedServer((socket, out) -> {
            List<ScriptedServer.Received> got = ref.get().received();
            boolean list = got.get(got.size() - 1).params().contains("method=flickr.reflection.getMethods&");
            ScriptedServer.xml(list ? methods : info).answer(socket, out);
        })) {
            ref.set(server);
            try (FlickrClient client = FlickrClient.builder().endpoint(server.restUrl()).apiKey("k").retries(0).build()) {
                return assertThrows(FlickrTransportException.class,
                        () -> new MethodsRefresh(client, MethodTable.bundled()).run());
            }
        }
    }

    @Test
    void malformedReflectionAnswersAreNamedAndNothingIsWritten() throws IOException {
        assertTrue(refreshFails("<method name=\"flickr.test.odd\" requiredperms=\"99\"/>").getMessage()
                .endsWith("cannot be made into a method table: flickr.test.odd has requiredperms '99', not 0 to 3"));
        assertTrue(refreshFails("<method name=\"flickr.test.odd\"/><errors><error code=\"abc\" message=\"x\"/></errors>")
                .getMessage().endsWith("an error of flickr.test.odd has the code 'abc'"));
        assertTrue(refreshFails("<method name=\"flickr.test.odd\"/><arguments><argument optional=\"0\"/></arguments>")
                .getMessage().endsWith("an argument of flickr.test.odd has no name"));
        assertTrue(refreshFails("<nothing/>").getMessage().endsWith("a getMethodInfo answer has no <method name=...>"));
        assertTrue(refreshFails("<method name=\"flickr.test.odd\" httpverb=\"GET&#10;X\"/>").getMessage()
                .endsWith("flickr.test.odd has httpverb 'GET\nX', not GET or POST"));
    }

    /**
     * The sandbox answering as Flickr itself has: its own getMethodInfo for flickr.galleries.getPhotos
     * listed per_page twice. The refresh keeps the first entry, says so, and writes every method.
     */
    @Test
    void anArgumentListedTwiceIsAWarningAndTheTableIsWritten() throws IOException {
        MethodTable bundled = MethodTable.bundled();
        List<MethodSpec> asFlickrAnswered = bundled.methods().stream().map(m -> {
            if (!m.name().equals("flickr.galleries.getPhotos")) {
                return m;
            }
            List<ArgumentSpec> twice = new ArrayList<>(m.arguments());
            twice.add(new ArgumentSpec("per_page", false, "Number of photos to return per page, listed again."));
            return new MethodSpec(m.name(), m.description(), m.source(), m.needsLogin(), m.needsSigning(),
                    m.permission(), m.httpVerb(), twice, m.paging(), m.errors(), m.exampleResponse(), m.explanation(),
                    m.acceptsAnyArguments(), m.retired(), m.changesStateOnRead(), m.maxResults(), m.endpoint());
        }).toList();
        MethodTable live = new MethodTable("live", asFlickrAnswered, bundled.commonErrors(), bundled.maxPage(),
                List.copyOf(bundled.uploads().values()));
        Path file = dir.resolve("refreshed.yaml");
        try (Sandbox sandbox = Sandbox.builder().table(live).start();
             FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
            Element info = client.call("flickr.reflection.getMethodInfo", "method_name", "flickr.galleries.getPhotos");
            assertEquals(2, info.element("arguments").elements("argument").stream()
                    .filter(a -> "per_page".equals(a.attributeValue("name"))).count(), "the sandbox serves it twice");
            MethodsRefresh.Result result = new MethodsRefresh(client, bundled).run();
            assertEquals(List.of("flickr.galleries.getPhotos lists the argument per_page twice; the first entry is kept"),
                    result.warnings());
            assertTrue(result.summary().startsWith("224 methods from ") && result.summary().endsWith("; 1 warning"),
                    result.summary());
            Files.writeString(file, result.yaml());
        }
        assertSameTable(bundled, MethodTable.load(file));
    }

    /**
     * A hostile reflection: one method's getMethodInfo fails, one answer lacks its description and carries
     * fields nobody knows. Each is a warning; the methods that can be read are written.
     */
    @Test
    void aFailingMethodMissingDescriptionsAndUnknownFieldsAreWarnings() throws IOException {
        String methods = "<rsp stat=\"ok\"><methods><method>flickr.test.echo</method><method>flickr.test.broken</method>"
                + "<method>flickr.test.plain</method></methods></rsp>";
        String echo = "<rsp stat=\"ok\"><method name=\"flickr.test.echo\" needslogin=\"0\" needssigning=\"0\""
                + " requiredperms=\"0\" shiny=\"yes\"><description>Echoes.</description><future>?</future></method>"
                + "<arguments><argument name=\"api_key\" optional=\"0\">Key.</argument></arguments>"
                + "<errors><error code=\"1\" message=\"Odd\" level=\"x\">An odd one.</error></errors></rsp>";
        String plain = "<rsp stat=\"ok\"><method name=\"flickr.test.plain\" needslogin=\"0\" needssigning=\"0\""
                + " requiredperms=\"0\"/><arguments/><errors/></rsp>";
        String broken = "<rsp stat=\"fail\"><err code=\"1\" msg=\"Method not found\"/></rsp>";
        java.util.concurrent.atomic.AtomicReference<ScriptedServer> ref = new java.util.concurrent.atomic.AtomicReference<>();
        try (ScriptedServer server = new ScriptedServer((socket, out) -> {
            List<ScriptedServer.Received> got = ref.get().received();
            String params = got.get(got.size() - 1).params();
            String answer = params.contains("method=flickr.reflection.getMethods&") ? methods
                    : params.contains("method_name=flickr.test.echo") ? echo
                    : params.contains("method_name=flickr.test.plain") ? plain : broken;
            ScriptedServer.xml(answer).answer(socket, out);
        })) {
            ref.set(server);
            try (FlickrClient client = FlickrClient.builder().endpoint(server.restUrl()).apiKey("k").retries(0).build()) {
                MethodsRefresh.Result result = new MethodsRefresh(client, MethodTable.bundled()).run();
                List<String> w = result.warnings();
                assertTrue(w.stream().anyMatch(s -> s.startsWith("flickr.test.broken: getMethodInfo failed (")
                        && s.contains("Method not found") && s.endsWith("it is left out")), w.toString());
                assertTrue(w.contains("flickr.test.plain has no description; it is left empty"), w.toString());
                assertTrue(w.contains("ignored the field <method shiny=...>, which this reader does not know (1 method)"),
                        w.toString());
                assertTrue(w.contains("ignored the field <method><future>, which this reader does not know (1 method)"),
                        w.toString());
                assertTrue(w.contains("ignored the field <error level=...>, which this reader does not know (1 method)"),
                        w.toString());
                assertTrue(result.summary().startsWith("2 methods from ") && result.summary().endsWith("5 warnings"),
                        result.summary());
                Path file = dir.resolve("hostile.yaml");
                Files.writeString(file, result.yaml());
                MethodTable table = MethodTable.load(file);
                assertEquals(List.of("flickr.test.echo", "flickr.test.plain"), table.names());
                assertEquals("", table.find("flickr.test.plain").orElseThrow().description());
                assertEquals(List.of(new ErrorSpec(1, "Odd", "An odd one.", "api", false)),
                        table.find("flickr.test.echo").orElseThrow().errors());
            }
        }
    }
}
