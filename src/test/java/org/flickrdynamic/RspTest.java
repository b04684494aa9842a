package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.dom4j.Element;
import org.flickrdynamic.internal.response.SecureXml;
import org.junit.jupiter.api.Test;

class RspTest {
    private static final String XML = """
            <rsp stat="ok">
              <photos page="2" pages="9" total="41">
                <photo id="10" owner="a@N01" title="One"/>
                <photo id="11" owner="b@N01" title="Two"/>
                <photo id="12" owner="a@N01" title=""/>
              </photos>
              <note>  spaced text  </note>
            </rsp>""";

    private static Element rsp() throws Exception {
        return SecureXml.newReader().read(new StringReader(XML)).getRootElement();
    }

    @Test
    void payloadIsTheFirstChildElement() throws Exception {
        Element rsp = rsp();
        assertEquals("photos", Rsp.payload(rsp).getName());
        assertNull(Rsp.payload(SecureXml.newReader().read(new StringReader("<rsp stat=\"ok\"/>")).getRootElement()));
        assertTrue(assertThrows(FlickrArgumentException.class, () -> Rsp.payload(null)).getMessage()
                .contains("no <rsp> element was given"));
    }

    @Test
    void valueReadsAttributesTextAndFunctions() throws Exception {
        Element rsp = rsp();
        assertEquals("9", Rsp.value(rsp, "/rsp/photos/@pages"));
        assertEquals("10", Rsp.value(rsp, "//photo/@id"), "the first of several");
        assertEquals("  spaced text  ", Rsp.value(rsp, "//note"), "text exactly as sent");
        assertEquals("", Rsp.value(rsp, "//photo[@id='12']/@title"), "an empty attribute is not a missing one");
        assertNull(Rsp.value(rsp, "//photo/@nothing"));
        assertEquals("3", Rsp.value(rsp, "count(//photo)"));
        assertEquals("2", Rsp.value(rsp, "count(//photo[@owner='a@N01'])"));
        Element photos = Rsp.payload(rsp);
        assertEquals("Two", Rsp.value(photos, "photo[2]/@title"), "relative to the node given");
    }

    @Test
    void valuesListsEveryMatchInOrder() throws Exception {
        Element rsp = rsp();
        assertEquals(List.of("10", "11", "12"), Rsp.values(rsp, "//photo/@id"));
        assertEquals(List.of("One", "Two", ""), Rsp.values(rsp, "//photo/@title"));
        assertEquals(List.of(), Rsp.values(rsp, "//video/@id"));
    }

    @Test
    void elementsAreTyped() throws Exception {
        List<Element> photos = Rsp.elements(rsp(), "//photo[@owner='a@N01']");
        assertEquals(2, photos.size());
        assertEquals("12", photos.get(1).attributeValue("id"));
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> Rsp.elements(rsp(), "//photo/@id"));
        assertTrue(e.getMessage().contains("//photo/@id") && e.getMessage().contains("Rsp.values"), e.getMessage());
    }

    @Test
    void aBadXPathIsNamed() throws Exception {
        Element rsp = rsp();
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> Rsp.values(rsp, "//photo[@id="));
        assertTrue(e.getMessage().startsWith("Bad XPath '//photo[@id=' is not a valid XPath"), e.getMessage());
        assertThrows(FlickrArgumentException.class, () -> Rsp.value(rsp, " "));
        assertTrue(assertThrows(FlickrArgumentException.class, () -> Rsp.value(null, "//x")).getMessage()
                .contains("has no node to search"));
    }

    @Test
    void anXPathThatCannotBeEvaluatedIsNamed() throws Exception {
        Element rsp = rsp();
        FlickrArgumentException variable = assertThrows(FlickrArgumentException.class, () -> Rsp.value(rsp, "$x"));
        assertTrue(variable.getMessage().startsWith("Bad XPath '$x' cannot be evaluated: "), variable.getMessage());
        FlickrArgumentException function = assertThrows(FlickrArgumentException.class, () -> Rsp.values(rsp, "nofn()"));
        assertTrue(function.getMessage().startsWith("Bad XPath 'nofn()' cannot be evaluated: "), function.getMessage());
        assertThrows(FlickrArgumentException.class, () -> Rsp.elements(rsp, "$x"));
    }

    @Test
    void valuesOfASingleValueIsThatValueAndElementsOfItIsRefused() throws Exception {
        Element rsp = rsp();
        assertEquals(List.of("6"), Rsp.values(rsp, "count(//*)"));
        assertEquals(List.of("One"), Rsp.values(rsp, "string(//photo/@title)"));
        assertEquals(List.of("true"), Rsp.values(rsp, "count(//photo) = 3"));
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> Rsp.elements(rsp, "count(//*)"));
        assertEquals("Bad XPath 'count(//*)' gives a number, not elements; use Rsp.value for it", e.getMessage());
    }

    @Test
    void prettyWritesElementsAndDocuments() throws Exception {
        Element rsp = rsp();
        assertEquals("<photo id=\"10\" owner=\"a@N01\" title=\"One\" />", Rsp.pretty(Rsp.elements(rsp, "//photo").get(0)));
        assertTrue(Rsp.pretty(rsp.getDocument()).startsWith("<rsp stat=\"ok\">\n  <photos"));
        assertEquals("9", Rsp.pretty(rsp.selectSingleNode("//@pages")));
    }
}
