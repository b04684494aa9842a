package org.flickrdynamic.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlWriterTest {
    private static final List<String> NASTY = List.of("", "plain", "flickr.photos.search", "yes", "No", "ON", "null",
            "~", "true", "1", "0x1F", "1.5", "1_000", ".inf", "-", "- item", "a: b", "a #b", "#c", " lead", "trail ",
            "tab\there", "line1\nline2", "line1\nline2\n", "\nlead newline", "x\n\n", "ends with space \nnext",
            "  indented\nfirst", "first\n  indented\n\nblank between\n", "quote\"s and \\ back", "记忆群组",
            "nbsp\u00a0here", "sep\u2028arator", "nel\u0085", "\r\n", "bom\ufeff", "emoji \ud83d\ude00",
            "<b>html</b>: \"x\"", "@at", "`tick", "!bang", "&anchor", "*alias", "%percent", "{flow}", "[seq]",
            "|pipe", ">gt", "'single'", "=", "<<", "?", "key:", "a\u0007bell", "\u00e9t\u00e9");

    @SuppressWarnings("unchecked")
    private static Object readBack(String yaml) {
        Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Object v = m.get("k");
        while (v instanceof Map<?, ?> inner) {
            v = ((Map<String, Object>) inner).get("k");
        }
        return v;
    }

    @Test
    void everyStringReadsBackUnchanged() {
        for (String s : NASTY) {
            assertEquals(s, readBack("k: " + YamlWriter.scalar(s, 0) + "\n"), "top level: " + s);
            assertEquals(s, readBack("k:\n  k:\n    k: " + YamlWriter.scalar(s, 4) + "\n"), "nested: " + s);
        }
    }

    @Test
    void styles() {
        assertEquals("flickr.photos.search", YamlWriter.scalar("flickr.photos.search", 0));
        assertEquals("\"yes\"", YamlWriter.scalar("yes", 0));
        assertEquals("\"a: b\"", YamlWriter.scalar("a: b", 0));
        assertEquals("|\n      <a>\n        <b/>\n      </a>", YamlWriter.scalar("<a>\n  <b/>\n</a>\n", 4));
        assertEquals("|-\n  one\n\n  two", YamlWriter.scalar("one\n\ntwo", 0));
        assertEquals("\"nbsp\\u00A0here\"", YamlWriter.scalar("nbsp\u00a0here", 0), "invisible characters are escaped");
        assertTrue(YamlWriter.scalar(" lead\nx", 0).startsWith("\""), "a leading space rules out a block");
    }
}
