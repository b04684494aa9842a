package org.flickrdynamic.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.tree.DefaultElement;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/** Answers print as indented XML and stay plain dom4j trees. */
class PrettyDocumentFactoryTest {
    private static Document parse(String xml) throws Exception {
        return SecureXml.newReader().read(new StringReader(xml));
    }

    @Test
    void parsedElementsPrintAsIndentedXml() throws Exception {
        Element rsp = parse("<rsp stat=\"ok\"><photos page=\"1\"><photo id=\"7\" title=\"a &amp; b\"/></photos></rsp>")
                .getRootElement();
        String expected = """
                <rsp stat="ok">
                  <photos page="1">
                    <photo id="7" title="a &amp; b" />
                  </photos>
                </rsp>""";
        assertEquals(expected, rsp.toString());
        assertEquals(expected, String.valueOf(rsp), "what println and a JShell prompt show");
        assertEquals("<photo id=\"7\" title=\"a &amp; b\" />", rsp.element("photos").element("photo").toString());
        assertEquals(expected, rsp.getDocument().toString());
    }

    @Test
    void itIsStillAPlainDom4jTree() throws Exception {
        Element rsp = parse("<rsp stat=\"ok\"><photos><photo id=\"1\"/><photo id=\"2\"/></photos></rsp>").getRootElement();
        assertInstanceOf(DefaultElement.class, rsp);
        List<Node> ids = rsp.selectNodes("//photo/@id");
        assertEquals(2, ids.size());
        assertEquals("2", ids.get(1).getText());
        assertEquals("[id=\"1\", id=\"2\"]", ids.toString(), "attributes print as they are written");
        assertEquals("<rsp stat=\"ok\"><photos><photo id=\"1\"/><photo id=\"2\"/></photos></rsp>", rsp.asXML());
        assertEquals("1", rsp.valueOf("count(//photo[@id='2'])"));
    }

    @Test
    void elementsAddedLaterAreMadeByTheSameFactory() throws Exception {
        Element rsp = parse("<rsp stat=\"ok\"/>").getRootElement();
        Element added = rsp.addElement("note").addAttribute("lang", "en\"x");
        added.setText("hi");
        assertEquals("<note lang=\"en&quot;x\">hi</note>", added.toString());
        assertEquals("<rsp stat=\"ok\">\n  <note lang=\"en&quot;x\">hi</note>\n</rsp>", rsp.toString());
        Attribute lang = added.attribute("lang");
        assertEquals("lang=\"en&quot;x\"", lang.toString());
        assertEquals("<rsp stat=\"ok\">\n  <note lang=\"en&quot;x\">hi</note>\n</rsp>", rsp.createCopy().toString());
    }

    @Test
    void elementsSurviveSerialization() throws Exception {
        Element rsp = parse("<rsp stat=\"ok\"><a b=\"c\"/></rsp>").getRootElement();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rsp.getDocument());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Document copy = (Document) in.readObject();
            assertEquals(rsp.toString(), copy.getRootElement().toString());
        }
    }

    @Test
    void anAnswerFromTheClientPrintsItsXml() {
        try (Sandbox sandbox = Sandbox.start();
             FlickrClient flickr = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
            Element rsp = flickr.call("flickr.test.echo", Map.of("foo", "bar"));
            String shown = rsp.toString();
            assertTrue(shown.startsWith("<rsp stat=\"ok\">\n  <method>flickr.test.echo</method>\n"), shown);
            assertTrue(shown.contains("\n  <foo>bar</foo>\n"), shown);
            assertFalse(shown.contains("DefaultElement"), shown);
        }
    }
}
