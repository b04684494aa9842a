package org.flickrdynamic.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;

import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class PrettyXmlTest {
    private static Element parse(String xml) throws DocumentException {
        return SecureXml.newReader().read(new StringReader(xml)).getRootElement();
    }

    @Test
    void indentsStructureButKeepsTextExactly() throws DocumentException {
        Element rsp = parse("<rsp stat=\"ok\">\n\n <photo id=\"1\" title=\"a &amp; &quot;b&quot;\">"
                + "<title>  two  spaces  </title><tags/></photo></rsp>");
        assertEquals("""
                <rsp stat="ok">
                  <photo id="1" title="a &amp; &quot;b&quot;">
                    <title>  two  spaces  </title>
                    <tags />
                  </photo>
                </rsp>""", PrettyXml.write(rsp));
    }

    @Test
    void mixedContentIsWrittenInline() throws DocumentException {
        Element e = parse("<description>A <b>bold</b> move &lt;3</description>");
        assertEquals("<description>A <b>bold</b> move &lt;3</description>", PrettyXml.write(e));
    }

    @Test
    void unicodeIsKept() throws DocumentException {
        assertEquals("<set title=\"记忆群组\" />", PrettyXml.write(parse("<set title=\"记忆群组\"/>")));
    }
}
