package org.flickrdynamic.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class XmlWriterTest {
    private static String xml(String sexpr) {
        return XmlWriter.write(XexprReader.readPayload(sexpr, "t", 1));
    }

    @Test
    void indentsElementOnlyContentByTwo() {
        assertEquals("""
                <photos page="1" pages="2">
                  <photo id="1"/>
                  <photo id="2">
                    <title>A</title>
                  </photo>
                </photos>
                """, xml("((photos ((page \"1\") (pages \"2\")) (photo ((id \"1\"))) (photo ((id \"2\")) (title () \"A\"))))"));
    }

    @Test
    void elementsHoldingTextGetNoAddedWhitespace() {
        assertEquals("<m a=\"1\"><x/>  text <y>z</y></m>\n", xml("((m ((a \"1\")) (x ()) \"  text \" (y () \"z\")))"));
    }

    @Test
    void escapesMarkupAndKeepsWhatParsersWouldChange() throws Exception {
        String out = xml("((e ((a \"<&>\\\"'\\n\\t\")) \"a<b & c>d \\\"q\\\" \\r\\n\"))");
        assertEquals("<e a=\"&lt;&amp;&gt;&quot;'&#10;&#9;\">a&lt;b &amp; c&gt;d \"q\" &#13;\n</e>\n", out);
        Element e = DocumentHelper.parseText(out).getRootElement();
        assertEquals("<&>\"'\n\t", e.attributeValue("a"));
        assertEquals("a<b & c>d \"q\" \r\n", e.getText());
    }

    @Test
    void severalTopLevelElements() {
        assertEquals("<method>flickr.test.echo</method>\n<api_key>k</api_key>\n",
                xml("((method () \"flickr.test.echo\") (api_key () \"k\"))"));
    }

    @Test
    void rejectsWhatXmlCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> xml("((e () \"bell\\a\"))"));
        assertThrows(IllegalArgumentException.class, () -> XmlWriter.write(List.of(new Xexpr.Text("loose"))));
    }
}
