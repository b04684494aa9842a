package org.flickrdynamic.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import clojure.lang.RT;
import clojure.lang.Var;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library from Clojure 1.12, through clojure.java.api.Clojure, against a sandbox. */
class ClojureTest {
    private static ScriptSandbox sandbox;
    private static IFn eval;
    private static IFn readString;

    @BeforeAll
    static void start() {
        sandbox = new ScriptSandbox();
        eval = Clojure.var("clojure.core", "eval");
        readString = Clojure.var("clojure.core", "read-string");
        eval("(import '(org.flickrdynamic Flickr))");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Object eval(String form) {
        return eval.invoke(readString.invoke(form));
    }

    @Test
    void keywordKeysAndClojureNumbersAreSentAsTheContractSays() {
        Element rsp = assertInstanceOf(Element.class, eval("""
                (Flickr/call "test.echo" {:tags "cat" :per_page 5 :ratio 1/4 :whole 5.0 :bigint 123456789012345678901N
                                          :list [1 "b" :c] :yes true :nothing nil})
                """));
        assertEquals("cat", rsp.elementText("tags"));
        assertEquals("5", rsp.elementText("per_page"));
        assertEquals("0.25", rsp.elementText("ratio"));
        assertEquals("5", rsp.elementText("whole"));
        assertEquals("123456789012345678901", rsp.elementText("bigint"));
        assertEquals("1,b,c", rsp.elementText("list"), "a keyword value is sent as its name");
        assertEquals("1", rsp.elementText("yes"));
        assertEquals(null, rsp.element("nothing"));
    }

    @Test
    void methodValuesAndTheApiTree() {
        Element rsp = assertInstanceOf(Element.class,
                eval("(.call (get-in (Flickr/api) [\"photos\" \"search\"]) {:tags \"cat\" :per_page 3})"));
        assertEquals(3, rsp.element("photos").elements("photo").size());
        Element echo = assertInstanceOf(Element.class, eval("(.call (Flickr/method \"test.echo\") {:foo \"bar\"})"));
        assertEquals("bar", echo.elementText("foo"));
    }

    @Test
    void aMisspelledMethodNamesTheNearest() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> eval("(Flickr/method \"photos.serach\")"));
        FlickrArgumentException cause = ScriptSandbox.findCause(e);
        assertTrue(cause.getMessage().contains("did you mean flickr.photos.search"), cause.getMessage());
    }

    @Test
    void theExampleRunsAgainstTheSandbox() {
        StringWriter out = new StringWriter();
        Var.pushThreadBindings(RT.map(RT.OUT, out));
        try {
            Clojure.var("clojure.core", "load-file").invoke(Path.of("examples", "search.clj").toString());
        } finally {
            Var.popThreadBindings();
        }
        assertEquals(sandbox.expectedSearchOutput(), ScriptSandbox.lines(out.toString()));
    }
}
