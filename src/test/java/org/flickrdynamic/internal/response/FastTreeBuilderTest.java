package org.flickrdynamic.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.ProcessingInstruction;
import org.dom4j.QName;
import org.dom4j.tree.DefaultElement;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * The fast parser builds the same tree as the SAX reader it replaced, refuses everything that reader
 * refused, and refuses the malformed UTF-8 the underlying StAX parser alone would let through.
 */
class FastTreeBuilderTest {

    /** Inputs that exercise every kind of node and every escaping rule. */
    private static final List<String> VARIED = List.of(
            "<rsp stat=\"ok\"/>",
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\">\n\t<photos page=\"1\">\n\t\t<photo id=\"1\" />\n\t</photos>\n</rsp>\n",
            "<rsp>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x1F600; &#233; &#10;</rsp>",
            "<rsp t='say \"hi\"' u=\"it's\" v=\"&quot;&apos;&lt;&gt;&amp;\"/>",
            "<rsp a=\"tab\there\" b=\"line\nbreak\" c=\"kept&#10;&#9;&#13;refs\" d=\"  spaced  \"/>",
            "<rsp>line1\r\nline2\rline3\n</rsp>",
            "<rsp><![CDATA[<not> & markup]]>after<![CDATA[]]><![CDATA[x]]></rsp>",
            "<!--before--><?first data?><rsp><!--inside--><?pi with data?><?bare?>text<!----></rsp><!--after--><?last?>",
            "<rsp xmlns=\"urn:default\" xmlns:f=\"urn:flickr\"><f:photo f:id=\"1\" plain=\"2\"><inner xmlns=\"\"/></f:photo></rsp>",
            "<f:rsp xmlns:f=\"urn:a\"><f:x xmlns:f=\"urn:b\"><f:y/></f:x><f:z/></f:rsp>",
            "<rsp xmlns:f=\"urn:f\" xmlns:g=\"urn:g\"><p id=\"1\"/><p f:id=\"2\"/><p id=\"3\"/><p g:id=\"4\"/><p f:id=\"5\"/></rsp>",
            "<rsp>Café Tōkyō 東京 😀 ünïcödé</rsp>",
            "<rsp title=\"Café Tōkyō 東京 😀\">mixed <b>bold</b> and <i>italic</i> tail</rsp>",
            "   \n<rsp>\n  <a>  spaced  </a>  \n  <b/>\n</rsp>   \n",
            "<rsp><a><b><c><d><e><f>deep</f></e></d></c></b></a></rsp>",
            "<rsp>" + "<photo id=\"x\" title=\"t &amp; u\"/>".repeat(300) + "</rsp>",
            "<rsp>" + "long text ".repeat(5000) + "</rsp>");

    private static Document sax(byte[] xml) throws DocumentException {
        return SecureXml.newReader().read(new ByteArrayInputStream(xml));
    }

    private static Document fast(byte[] xml) throws DocumentException {
        return new FastTreeBuilder().build(new ByteArrayInputStream(xml));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void buildsTheSameTreeAsSaxOnVariedInputs() throws DocumentException {
        for (String xml : VARIED) {
            assertSameTree(sax(utf8(xml)), fast(utf8(xml)), xml);
        }
    }

    @Test
    void buildsTheSameTreeWhenTheBytesArriveOneAtATime() throws DocumentException {
        // Multi-byte characters and names split across reads must come out whole.
        for (String xml : VARIED) {
            Document slow = new FastTreeBuilder().build(new Trickle(new ByteArrayInputStream(utf8(xml))));
            assertSameTree(sax(utf8(xml)), slow, xml);
        }
    }

    @Test
    void buildsTheSameTreeForARealSearchPage() throws Exception {
        byte[] page;
        try (Sandbox sandbox = Sandbox.start()) {
            String url = sandbox.restUrl() + "?method=flickr.photos.search&api_key=" + sandbox.apiKey()
                    + "&min_upload_date=0&per_page=500&extras=description,license,date_upload,owner_name,tags,url_m";
            page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        Document fast = fast(page);
        assertSameTree(sax(page), fast, "a 500-photo search page");
        assertEquals(500, fast.selectNodes("//photo/@id").size(), "XPath works on the tree");
        assertNotNull(fast.selectSingleNode("//photo[@title='Tōkyō' or contains(@title, 'Tōkyō')]"),
                "non-ASCII attribute values survive");
    }

    @Test
    void everyNodeIsMadeByTheGivenFactory() throws DocumentException {
        class Marked extends DefaultElement {
            private static final long serialVersionUID = 1L;

            Marked(QName name) {
                super(name);
            }
        }
        DocumentFactory custom = new DocumentFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public Element createElement(QName qname) {
                return new Marked(qname);
            }
        };
        Document doc = new FastTreeBuilder(custom).build(new ByteArrayInputStream(utf8(VARIED.get(8))));
        List<Node> elements = doc.selectNodes("//*");
        assertEquals(3, elements.size());
        for (Node e : elements) {
            assertInstanceOf(Marked.class, e);
            assertEquals(custom, ((Element) e).getQName().getDocumentFactory(), "names come from its QName cache");
        }
        Element built = doc.getRootElement().addElement("added");
        assertInstanceOf(Marked.class, built, "elements added later are the factory's too");
    }

    @Test
    void attributesKnowTheirElement() throws DocumentException {
        Element photo = fast(utf8("<rsp><photo id=\"1\" secret=\"s\" server=\"2\"/></rsp>")).getRootElement().element("photo");
        for (Attribute a : photo.attributes()) {
            assertEquals(photo, a.getParent());
        }
        assertEquals("2", photo.selectSingleNode("@server").getText());
        assertEquals("photo", photo.selectSingleNode("@id/..").getName(), "XPath can walk up from an attribute");
        photo.addAttribute("farm", "5");
        assertEquals("5", photo.attributeValue("farm"), "the tree stays editable");
    }

    @Test
    void refusesWhatSaxRefuses() {
        List<String> malformed = List.of(
                "", "   ", "no markup", "<rsp>", "<rsp stat=\"ok\"><photos page=\"1\"><photo id=\"1\"",
                "<rsp></rsp><rsp/>", "<rsp/>trailing", "<rsp><a></rsp>", "<rsp a=\"1\" a=\"2\"/>", "<rsp a=1/>",
                "<rsp a=\"<\"/>", "<x:rsp/>", "<rsp>&undeclared;</rsp>", "<rsp>&#0;</rsp>", "<rsp>&#xD800;</rsp>",
                "<rsp>\u0001</rsp>", "<rsp><![CDATA[open</rsp>", "<rsp><!-- a -- b --></rsp>", "<1rsp/>",
                "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><rsp/>");
        for (String xml : malformed) {
            assertThrows(DocumentException.class, () -> sax(utf8(xml)), "SAX refuses " + xml);
            DocumentException e = assertThrows(DocumentException.class, () -> fast(utf8(xml)), "refuses " + xml);
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank(), xml);
            assertFalse(e.getMessage().contains("unknown-source"), e.getMessage());
        }
    }

    @Test
    void truncatedInputSaysWhereItEnded() {
        byte[] whole = utf8("<rsp stat=\"ok\"><photos page=\"1\"><photo id=\"1\" title=\"Tōkyō\"/></photos></rsp>");
        for (int cut = 1; cut < whole.length - 1; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            DocumentException e = assertThrows(DocumentException.class, () -> fast(part), "cut at " + cut);
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void refusesDoctypesWithoutReadingAnything() throws IOException {
        try (ServerSocket dtdHost = new ServerSocket()) {
            dtdHost.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            dtdHost.setSoTimeout(300);
            String base = "http://127.0.0.1:" + dtdHost.getLocalPort();
            List<String> doctypes = List.of(
                    "<!DOCTYPE rsp SYSTEM \"" + base + "/x.dtd\"><rsp/>",
                    "<!DOCTYPE rsp [<!ENTITY xxe SYSTEM \"" + base + "/secret\">]><rsp>&xxe;</rsp>",
                    "<!DOCTYPE rsp [<!ENTITY % p SYSTEM \"" + base + "/p\"> %p;]><rsp/>",
                    "<!DOCTYPE rsp [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><rsp>&b;</rsp>",
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE rsp>\n<rsp/>");
            for (String xml : doctypes) {
                DocumentException e = assertThrows(DocumentException.class, () -> fast(utf8(xml)), xml);
                assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            }
            assertThrows(SocketTimeoutException.class, dtdHost::accept, "nothing was fetched");
        }
    }

    @Test
    void refusesMalformedUtf8ThatTheParserAloneWouldAccept() {
        int[][] bad = {
            {0xC0, 0xAF},             // overlong '/'
            {0xE0, 0x80, 0x80},       // overlong NUL
            {0xF0, 0x82, 0x82, 0xAC}, // overlong euro sign
            {0xED, 0xA0, 0x80},       // a surrogate
            {0xF4, 0x90, 0x80, 0x80}, // past U+10FFFF
            {0x80},                   // a lone continuation byte
            {0xC3, 0x41},             // a lead byte without its continuation
            {0xFF}, {0xF8, 0x88, 0x80, 0x80, 0x80}};
        for (int[] sequence : bad) {
            byte[] xml = withBytes("<rsp><t>a", sequence, "b</t></rsp>");
            DocumentException e = assertThrows(DocumentException.class, () -> fast(xml), hex(sequence));
            assertTrue(e.getMessage().contains("UTF-8"), hex(sequence) + ": " + e.getMessage());
        }
        byte[] endsInside = withBytes("<rsp/>", new int[] {0xE6, 0x9D}, "");
        assertThrows(DocumentException.class, () -> fast(endsInside));
    }

    @Test
    void acceptsEveryWellFormedUtf8Length() throws DocumentException {
        byte[] xml = withBytes("<rsp a=\"", new int[] {0xC3, 0xA9, 0xE6, 0x9D, 0xB1, 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0xBF, 0xBD},
                "\">\u00e9</rsp>");
        Element rsp = fast(xml).getRootElement();
        assertEquals("é東😀\uDBFF\uDFFD", rsp.attributeValue("a"));
        assertEquals("é", rsp.getText());
    }

    @Test
    void refusesNestingPastTheLimit() throws DocumentException {
        int limit = FastTreeBuilder.MAX_DEPTH;
        assertEquals(limit, depth(fast(utf8("<a>".repeat(limit) + "</a>".repeat(limit))).getRootElement()));
        String tooDeep = "<a>".repeat(limit + 1) + "</a>".repeat(limit + 1);
        DocumentException e = assertThrows(DocumentException.class, () -> fast(utf8(tooDeep)));
        assertTrue(e.getMessage().contains("deeper than " + limit), e.getMessage());
    }

    @Test
    void oneBuilderParsesManyDocumentsAndRecoversFromFailures() throws DocumentException {
        FastTreeBuilder builder = new FastTreeBuilder();
        for (int i = 0; i < 50; i++) {
            int n = i;
            assertThrows(DocumentException.class, () -> builder.build(new ByteArrayInputStream(utf8("<rsp><t>" + n))));
            Document doc = builder.build(new ByteArrayInputStream(utf8("<rsp><t>" + n + "</t></rsp>")));
            assertEquals(String.valueOf(n), doc.getRootElement().elementText("t"), "no text left over from the failure");
        }
        // Thousands of distinct names: the name cache stays bounded, every name still right.
        StringBuilder many = new StringBuilder("<rsp>");
        for (int i = 0; i < 3000; i++) {
            many.append("<n").append(i).append(" a").append(i).append("=\"").append(i).append("\"/>");
        }
        Element rsp = builder.build(new ByteArrayInputStream(utf8(many.append("</rsp>").toString()))).getRootElement();
        assertEquals(3000, rsp.elements().size());
        assertEquals("2999", rsp.element("n2999").attributeValue("a2999"));
    }

    private static int depth(Element e) {
        int d = 1;
        while (!e.elements().isEmpty()) {
            e = e.elements().get(0);
            d++;
        }
        return d;
    }

    /**
     * Compares two trees node by node after merging adjacent text (SAX splits text where its buffers end;
     * the fast builder never does), then as serialised XML.
     */
    private static void assertSameTree(Document expected, Document actual, String input) {
        expected.normalize();
        actual.normalize();
        assertSameText(describe(expected.content()), describe(actual.content()), input);
        assertSameText(expected.asXML(), actual.asXML(), input);
    }

    /** Equal, or a failure showing where they part, not two whole pages. */
    private static void assertSameText(String expected, String actual, String input) {
        if (expected.equals(actual)) {
            return;
        }
        int at = 0;
        while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 60);
        assertEquals(expected.substring(from, Math.min(expected.length(), at + 60)),
                actual.substring(from, Math.min(actual.length(), at + 60)),
                "trees differ at character " + at + " for " + (input.length() > 80 ? input.substring(0, 80) + "..." : input));
    }

    private static String describe(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            describe(n, sb);
        }
        return sb.toString();
    }

    private static void describe(Node n, StringBuilder sb) {
        switch (n.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element e = (Element) n;
                sb.append("<{").append(e.getNamespaceURI()).append('}').append(e.getQualifiedName());
                for (Attribute a : e.attributes()) {
                    sb.append(" {").append(a.getNamespaceURI()).append('}').append(a.getQualifiedName())
                            .append("=[").append(a.getValue()).append(']');
                }
                sb.append('>');
                for (Node c : e.content()) {
                    describe(c, sb);
                }
                sb.append("</>");
            }
            case Node.NAMESPACE_NODE -> sb.append("ns[").append(n.asXML()).append(']');
            case Node.PROCESSING_INSTRUCTION_NODE -> sb.append("pi[").append(((ProcessingInstruction) n).getTarget())
                    .append('|').append(((ProcessingInstruction) n).getText()).append(']');
            default -> sb.append(n.getNodeTypeName()).append('[').append(n.getText()).append(']');
        }
    }

    private static byte[] withBytes(String before, int[] bytes, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    private static String hex(int[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int b : bytes) {
            sb.append(String.format("%02X ", b));
        }
        return sb.toString().strip();
    }

    /** Hands the bytes over one per read, as a slow network might. */
    private static final class Trickle extends FilterInputStream {
        Trickle(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
