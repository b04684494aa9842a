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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library from JRuby 9.4, through its JSR-223 engine, against a sandbox. JRuby takes seconds to
 * start, so one engine serves every test here.
 */
class RubyTest {
    private static ScriptSandbox sandbox;
    private static ScriptEngine ruby;
    private StringWriter out;

    @BeforeAll
    static void start() throws ScriptException {
        sandbox = new ScriptSandbox();
        ruby = new ScriptEngineManager().getEngineByName("jruby");
        assertNotNull(ruby, "jruby-complete is a test dependency");
        ruby.eval("require 'java'\njava_import 'org.flickrdynamic.Flickr'");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void capture() {
        out = new StringWriter();
        ruby.getContext().setWriter(out);
    }

    @Test
    void symbolKeysAndRubyValuesAreSentAsTheContractSays() throws Exception {
        Element rsp = assertInstanceOf(Element.class, ruby.eval("""
                Flickr.api['test']['echo'].(tags: 'cat', per_page: 5, whole: 5.0, half: 3.5,
                                            big: 2**70, list: ['a', 'b', 3], yes: true, nothing: nil)
                """));
        assertEquals("cat", rsp.elementText("tags"));
        assertEquals("5", rsp.elementText("per_page"));
        assertEquals("5", rsp.elementText("whole"));
        assertEquals("3.5", rsp.elementText("half"));
        assertEquals("1180591620717411303424", rsp.elementText("big"));
        assertEquals("a,b,3", rsp.elementText("list"));
        assertEquals("1", rsp.elementText("yes"));
        assertEquals(null, rsp.element("nothing"));
    }

    @Test
    void stringKeysAndCallWork() throws Exception {
        Element rsp = assertInstanceOf(Element.class,
                ruby.eval("Flickr.call('photos.search', {'tags' => 'cat', 'per_page' => 2})"));
        assertEquals(2, rsp.element("photos").elements("photo").size());
        assertEquals("2", sandbox.lastRequest().param("per_page"));
    }

    @Test
    void flickrMethodIsTheLibrarysNotRubysObjectMethod() throws Exception {
        Element rsp = assertInstanceOf(Element.class,
                ruby.eval("m = Flickr.method('photos.search')\nm.(tags: 'cat', per_page: 3)"));
        assertEquals(3, rsp.element("photos").elements("photo").size());
        assertEquals("cat", sandbox.lastRequest().param("tags"));
    }

    @Test
    void aMisspelledMethodNamesTheNearest() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> ruby.eval("Flickr.api['photos']['serach'].(tags: 'cat')"));
        FlickrArgumentException cause = ScriptSandbox.findCause(e);
        assertTrue(cause.getMessage().contains("did you mean flickr.photos.search?"), cause.getMessage());
    }

    @Test
    void theExampleRunsAgainstTheSandbox() throws Exception {
        ruby.eval(ScriptSandbox.example("search.rb"));
        assertEquals(sandbox.expectedSearchOutput(), ScriptSandbox.lines(out.toString()));
    }
}
