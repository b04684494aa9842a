package org.flickrdynamic.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.flickrdynamic.testing.SeedText;
import org.flickrdynamic.testing.SharedFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The examples converted from the seed's s-expressions, parsed as XML and checked field by field. */
@Tag(SharedFolder.TAG)
class BundledTableExamplesTest {
    private static MethodTable table;
    private static SeedText seed;

    /** Per test, not in a BeforeAll, so that without the sources each test is reported as skipped, with the reason. */
    @BeforeEach
    void read() throws IOException {
        if (seed == null) {
            table = MethodTable.bundled();
            seed = SeedText.read();
        }
    }

    /** The example as Flickr would send it, parsed: {@code <rsp stat="ok">payload</rsp>}. */
    private static Element rsp(String method) {
        MethodSpec m = table.find(method).orElseThrow();
        assertNotNull(m.exampleResponse(), method + " has no example");
        try {
            Document d = DocumentHelper.parseText("<rsp stat=\"ok\">" + m.exampleResponse() + "</rsp>");
            return d.getRootElement();
        } catch (DocumentException e) {
            throw new AssertionError(method + ": example is not XML: " + e.getMessage(), e);
        }
    }

    private static List<String> attributes(Element e) {
        List<String> list = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            list.add(a.getName() + "=" + a.getValue());
        }
        return list;
    }

    /** The element's own text nodes, concatenated, without its children's text. */
    private static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n : e.content()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                sb.append(n.getText());
            }
        }
        return sb.toString();
    }

    @Test
    void everyExampleParsesAsXml() {
        int parsed = 0;
        for (MethodSpec m : table.methods()) {
            if (m.exampleResponse() != null) {
                assertTrue(rsp(m.name()).elements().size() >= 1, m.name());
                parsed++;
            }
        }
        assertTrue(parsed > 40, parsed + " examples");
    }

    @Test
    void examplesExistExactlyWhereTheSeedPrintsOne() {
        Set<String> expected = new TreeSet<>();
        for (SeedText.Entry e : seed.entries.values()) {
            if (e.response.equals("example")) {
                expected.add(e.name);
            }
        }
        expected.add("flickr.test.echo"); // the overview's example call
        Set<String> actual = new TreeSet<>();
        for (MethodSpec m : table.methods()) {
            if (m.exampleResponse() != null) {
                actual.add(m.name());
            }
        }
        assertEquals(expected, actual);
        for (SeedText.Entry e : seed.entries.values()) {
            if (e.response.equals("malformed")) {
                assertNull(table.find(e.name).orElseThrow().exampleResponse(), e.name);
            }
        }
    }

    @Test
    void unicodeTitleSurvives() {
        Element set = rsp("flickr.photos.getAllContexts").element("set");
        assertEquals(List.of("id=392", "title=\u8bb0\u5fc6\u7fa4\u7ec4"), attributes(set));
        assertEquals("记忆群组", set.attributeValue("title"));
        assertTrue(set.elements().isEmpty() && set.getText().isEmpty());
    }

    @Test
    void exifKeepsAttributeOrderNestingAndEscapedQuote() {
        Element photo = rsp("flickr.photos.getExif").element("photo");
        assertEquals(List.of("id=4424", "secret=06b8e43bc7", "server=2"), attributes(photo));
        List<Element> exif = photo.elements("exif");
        assertEquals(3, exif.size());
        assertEquals(List.of("label=Longitude", "tag=4", "tagspace=GPS", "tagspaceid=3"), attributes(exif.get(2)));
        assertEquals("64/1, 42/1, 4414/100", exif.get(2).elementText("raw"));
        assertEquals("64\u00b0 42' 44.14\"", exif.get(2).elementText("clean"));
        assertNull(exif.get(0).element("clean"));
        assertEquals("Canon", exif.get(0).elementText("raw"));
    }

    @Test
    void textBesideElementsIsKeptExactly() {
        Element members = rsp("flickr.groups.members.getList").element("members");
        assertEquals(List.of("page=1", "pages=1", "perpage=100", "total=33"), attributes(members));
        assertEquals(4, members.elements("member").size());
        assertEquals("Alpha Shanan", members.elements("member").get(2).attributeValue("username"));
        assertEquals("\r\n...\r\n", ownText(members));
    }

    @Test
    void severalTopLevelElements() {
        Element rsp = rsp("flickr.test.echo");
        assertEquals(2, rsp.elements().size());
        assertEquals("flickr.test.echo", rsp.elementText("method"));
        assertEquals("138427ce2d97d6a2d0c4a2f045a59bfa", rsp.elementText("api_key"));
    }

    @Test
    void aPrintedEnvelopeIsUnwrapped() {
        Element rsp = rsp("flickr.commons.getInstitutions");
        assertEquals(List.of("institutions"), rsp.elements().stream().map(Element::getName).toList());
        Element institution = rsp.element("institutions").element("institution");
        assertEquals(List.of("date_launch=1232000000", "nsid=123456@N01"), attributes(institution));
        assertEquals("Institution", institution.elementText("name"));
        List<Element> urls = institution.element("urls").elements("url");
        assertEquals("license", urls.get(1).attributeValue("type"));
        assertEquals("http://example.com/commons/license", urls.get(1).getText());
    }

    @Test
    void repeatedChildrenAndApostrophes() {
        List<Element> services = rsp("flickr.blogs.getServices").element("services").elements("service");
        assertEquals(11, services.size());
        assertEquals("beta.blogger.com", services.get(0).attributeValue("id"));
        assertEquals("Blogger", services.get(0).getText());
        assertEquals("Movable Type", services.get(2).getText());

        Element gallery = rsp("flickr.galleries.getInfo").element("gallery");
        assertEquals("Cat Pictures I've Sent To Kevin Collins", gallery.elementText("title"));
        assertEquals("", gallery.elementText("description"));
        assertEquals("Cal's Public Test Group",
                rsp("flickr.groups.browse").element("category").elements("group").get(0).attributeValue("name"));
    }

    @Test
    void pagedExamplesHoldTheirListAndItem() {
        for (MethodSpec m : table.methods()) {
            if (m.isPaged() && m.exampleResponse() != null) {
                Element list = findElement(rsp(m.name()), m.paging().listElement());
                assertNotNull(list, m.name() + ": no <" + m.paging().listElement() + ">");
                assertTrue(!list.elements(m.paging().itemElement()).isEmpty(), m.name() + ": no items");
            }
        }
    }

    private static Element findElement(Element e, String name) {
        if (e.getName().equals(name)) {
            return e;
        }
        for (Element c : e.elements()) {
            Element found = findElement(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
