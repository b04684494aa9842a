package org.flickrdynamic.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library from Groovy 4, through its JSR-223 engine, against a sandbox. */
class GroovyTest {
    private static ScriptSandbox sandbox;
    private static ScriptEngine groovy;
    private StringWriter out;

    @BeforeAll
    static void start() {
        sandbox = new ScriptSandbox();
        groovy = new ScriptEngineManager().getEngineByName("groovy");
        assertNotNull(groovy, "groovy-jsr223 is a test dependency");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void capture() {
        out = new StringWriter();
        groovy.getContext().setWriter(out);
    }

    private Object eval(String script) throws ScriptException {
        return groovy.eval("import org.flickrdynamic.*\n" + script);
    }

    @Test
    void dottedCallsWithNamedArguments() throws Exception {
        Element rsp = assertInstanceOf(Element.class,
                eval("Flickr.api().photos.search(tags: 'cat', per_page: 5, page: 2)"));
        assertEquals(5, rsp.element("photos").elements("photo").size());
        RecordedRequest r = sandbox.lastRequest();
        assertEquals("flickr.photos.search", r.param("method"));
        assertEquals("cat", r.param("tags"));
        assertEquals("5", r.param("per_page"));
        assertEquals("2", r.param("page"));
    }

    @Test
    void groovyValuesAreSentAsTheContractSays() throws Exception {
        Element rsp = assertInstanceOf(Element.class, eval("""
                def n = 4
                Flickr.api().test.echo(gstring: "page ${n}", big: 12345678901234567890, dec: 2.50,
                        list: ['a', 'b', 3], yes: true, no: false, nothing: null, whole: 5.0d)
                """));
        assertEquals("page 4", rsp.elementText("gstring"));
        assertEquals("12345678901234567890", rsp.elementText("big"));
        assertEquals("2.50", rsp.elementText("dec"), "a BigDecimal keeps its scale");
        assertEquals("a,b,3", rsp.elementText("list"));
        assertEquals("1", rsp.elementText("yes"));
        assertEquals("0", rsp.elementText("no"));
        assertEquals(null, rsp.element("nothing"), "null is not sent");
        assertEquals("5", rsp.elementText("whole"));
    }

    @Test
    void aMethodValueIsCalledLikeAClosure() throws Exception {
        Element rsp = assertInstanceOf(Element.class, eval("""
                def echo = Flickr.method('test.echo')
                echo(foo: 'bar')
                """));
        assertEquals("bar", rsp.elementText("foo"));
        assertEquals("flickr.test.echo(...) [no login, GET]", eval("Flickr.api().test.echo.toString()"));
        assertTrue(eval("Flickr.api().photos.delete.help()").toString().contains("photo_id (required)"));
    }

    @Test
    void xpathAndPrintingWork() throws Exception {
        eval("""
                def rsp = Flickr.call('photos.search', [tags: 'cat', per_page: 2])
                println rsp.selectNodes('//photo/@id').size()
                println rsp
                """);
        String printed = ScriptSandbox.lines(out.toString());
        assertTrue(printed.startsWith("2\n<rsp stat=\"ok\">\n  <photos page=\"1\""), printed);
    }

    @Test
    void aMisspelledMethodNamesTheNearest() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> eval("Flickr.api().photos.serach(tags: 'cat')"));
        FlickrArgumentException cause = ScriptSandbox.findCause(e);
        assertTrue(cause.getMessage().contains("did you mean flickr.photos.search?"), cause.getMessage());
    }

    @Test
    void removeIsTheFlickrMethodNotTheMaps() {
        // flickr.favorites.remove needs a logged-in user: being refused for that shows the call reached it.
        ScriptException e = assertThrows(ScriptException.class,
                () -> eval("Flickr.api().favorites.remove(photo_id: '1')"));
        FlickrArgumentException cause = ScriptSandbox.findCause(e);
        assertTrue(cause.getMessage().contains("flickr.favorites.remove"), cause.getMessage());
        assertTrue(cause.getMessage().contains("log"), cause.getMessage());
    }

    @Test
    void theExampleRunsAgainstTheSandbox() throws Exception {
        groovy.eval(ScriptSandbox.example("search.groovy"));
        assertEquals(sandbox.expectedSearchOutput(), ScriptSandbox.lines(out.toString()));
    }
}
