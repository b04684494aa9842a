package org.flickrdynamic.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library from JavaScript on Nashorn 15, through its JSR-223 engine, against a sandbox. */
class JavaScriptTest {
    private static ScriptSandbox sandbox;
    private static ScriptEngine js;
    private StringWriter out;

    @BeforeAll
    static void start() {
        sandbox = new ScriptSandbox();
        js = new ScriptEngineManager().getEngineByName("nashorn");
        assertNotNull(js, "nashorn-core is a test dependency");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void capture() {
        out = new StringWriter();
        js.getContext().setWriter(out);
    }

    private Object eval(String script) throws ScriptException {
        return js.eval("var Flickr = Java.type('org.flickrdynamic.Flickr');\n" + script);
    }

    @Test
    void dottedCallsWithAnObjectOfArguments() throws Exception {
        Element rsp = assertInstanceOf(Element.class,
                eval("Flickr.api().photos.search({tags: 'cat', per_page: 5, page: 2})"));
        assertEquals(5, rsp.element("photos").elements("photo").size());
        assertEquals("5", sandbox.lastRequest().param("per_page"));
        assertEquals("2", sandbox.lastRequest().param("page"));
        Element again = assertInstanceOf(Element.class,
                eval("Flickr.api()['photos']['search'].call({tags: 'cat', per_page: 3})"));
        assertEquals(3, again.element("photos").elements("photo").size());
    }

    @Test
    void javaScriptNumbersArraysAndStringsAreSentAsTheContractSays() throws Exception {
        Element rsp = assertInstanceOf(Element.class, eval("""
                var n = 10;
                Flickr.api().test.echo({whole: n / 2, half: 7 / 2, literal: 5.0, big: 1e21, small: 0.000001,
                        list: ['a', 'b', 3], joined: 'x' + n, yes: true, nothing: null, missing: undefined});
                """));
        assertEquals("5", rsp.elementText("whole"), "a whole double is sent as an integer");
        assertEquals("3.5", rsp.elementText("half"));
        assertEquals("5", rsp.elementText("literal"));
        assertEquals("1000000000000000000000", rsp.elementText("big"), "no exponent");
        assertEquals("0.000001", rsp.elementText("small"), "no exponent");
        assertEquals("a,b,3", rsp.elementText("list"));
        assertEquals("x10", rsp.elementText("joined"));
        assertEquals("1", rsp.elementText("yes"));
        assertNull(rsp.element("nothing"));
        assertNull(rsp.element("missing"));
    }

    @Test
    void aMethodValueIsAFunction() throws Exception {
        Element rsp = assertInstanceOf(Element.class, eval("""
                var echo = Flickr.method('test.echo');
                echo({foo: 'bar'});
                """));
        assertEquals("bar", rsp.elementText("foo"));
        assertTrue(eval("String(Flickr.api().photos.delete)").toString().startsWith("flickr.photos.delete(photo_id)"));
    }

    @Test
    void aMisspelledMethodIsNamed() {
        // Nashorn asks containsKey first, so a wrong name is JavaScript's own TypeError, naming it.
        ScriptException e = assertThrows(ScriptException.class, () -> eval("Flickr.api().photos.serach({})"));
        assertTrue(e.getMessage().startsWith("TypeError: Flickr.api().photos.serach is not a function"), e.getMessage());
        // Indexing with get() reaches the library, whose error Nashorn passes on as it is.
        FlickrArgumentException viaGet = assertThrows(FlickrArgumentException.class,
                () -> eval("Flickr.api().get('photos').get('serach')"));
        assertTrue(viaGet.getMessage().contains("did you mean flickr.photos.search?"), viaGet.getMessage());
    }

    @Test
    void printShowsTheXml() throws Exception {
        eval("print(Flickr.call('test.echo', {foo: 'bar'}))");
        assertTrue(ScriptSandbox.lines(out.toString()).startsWith("<rsp stat=\"ok\">\n  <method>flickr.test.echo</method>"),
                out.toString());
    }

    @Test
    void theExampleRunsAgainstTheSandbox() throws Exception {
        js.eval(ScriptSandbox.example("search.js"));
        assertEquals(sandbox.expectedSearchOutput(), ScriptSandbox.lines(out.toString()));
    }
}
