package org.flickrdynamic.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.flickrdynamic.generator.Xexpr.Attribute;
import org.flickrdynamic.generator.Xexpr.Element;
import org.flickrdynamic.generator.Xexpr.Text;
import org.junit.jupiter.api.Test;

class XexprReaderTest {
    private static List<Xexpr> read(String s) {
        return XexprReader.readPayload(s, "seed.txt", 10);
    }

    @Test
    void elementsAttributesAndText() {
        List<Xexpr> payload = read("((photo ((id \"1\") (secret \"abc\")) (title () \"Hi\") (empty ())))");
        assertEquals(List.of(new Element("photo",
                List.of(new Attribute("id", "1"), new Attribute("secret", "abc")),
                List.of(new Element("title", List.of(), List.of(new Text("Hi"))),
                        new Element("empty", List.of(), List.of())))), payload);
    }

    @Test
    void attributeListMayBeOmitted() {
        assertEquals(List.of(new Element("a", List.of(), List.of(new Element("b", List.of(), List.of(new Text("x")))))),
                read("((a (b \"x\")))"));
    }

    @Test
    void severalTopLevelElementsAndNoBreakSpaces() {
        List<Xexpr> payload = read("(\u00a0(method\u00a0()\u00a0\"flickr.test.echo\")\n\u00a0(api_key () \"k\"))");
        assertEquals(2, payload.size());
        assertEquals("method", ((Element) payload.get(0)).tag());
    }

    @Test
    void racketStringEscapes() {
        Element e = (Element) read("((t () \"q\\\" b\\\\ n\\n r\\r t\\t u\\u8bb0 x\\x41 o\\101 U\\U1F600\"))").get(0);
        assertEquals(new Text("q\" b\\ n\n r\r t\t u\u8bb0 xA oA U\ud83d\ude00"), e.children().get(0));
    }

    @Test
    void entitySymbolsAndCharacterCodes() {
        Element e = (Element) read("((t () \"a\" amp \"b\" 233 nbsp))").get(0);
        assertEquals(List.of(new Text("a"), new Text("&"), new Text("b"), new Text("\u00e9"), new Text("\u00a0")),
                e.children());
    }

    @Test
    void unicodeIsKept() {
        Element set = (Element) read("((set ((id \"392\") (title \"记忆群组\"))))").get(0);
        assertEquals("记忆群组", set.attribute("title"));
        assertNull(set.attribute("nope"));
    }

    @Test
    void faultsNameFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("((a ()\n  \"unterminated))"));
        assertTrue(e.getMessage().startsWith("seed.txt line 11:"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("((a () bogus))"))
                .getMessage().contains("unknown entity symbol 'bogus'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("((a ((id 1))))"))
                .getMessage().contains("needs a string value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("((a)) extra"))
                .getMessage().contains("after the payload"));
    }

    @Test
    void stringLiteral() {
        assertEquals("MALFORMED RESPONSE", XexprReader.readStringLiteral("\u00a0\u00a0\"MALFORMED RESPONSE\"\n", "f", 1));
        assertNull(XexprReader.readStringLiteral("((a ()))", "f", 1));
    }
}
