package org.flickrdynamic.sandbox;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * Flickr's JSON form of an answer, made from the same XML payload as the {@code format=rest} answer, with
 * Flickr's rules (matched against JSON answers recorded from Flickr, see {@code JsonShapeTest}):
 * <ul>
 * <li>an element is an object; its attributes are properties; its text is {@code _content} (an element
 *     with neither attributes nor child elements always has one, {@code ""} when empty);</li>
 * <li>the items of a list ({@code photos/photo}, {@code tags/tag}, {@code sizes/size} ... a child whose
 *     name plus "s" is its parent's, and the few lists named otherwise) are arrays even with one item,
 *     and an empty list holds an empty array, as {@code "notes":{"note":[]}};</li>
 * <li>the counters and flags Flickr sends as numbers ({@code page}, {@code farm}, {@code ispublic},
 *     {@code width} ...) are numbers, everything else strings, ids included; an empty
 *     {@code path_alias} is {@code null};</li>
 * <li>{@code "stat":"ok"} ends the top object; a failure is {@code {"stat":"fail","code":N,"message":".."}}.</li>
 * </ul>
 */
final class JsonAnswer {
    private static final XMLInputFactory INPUT = secureFactory();
    /** Attributes Flickr's JSON carries as numbers. */
    private static final Set<String> NUMBERS = Set.of("page", "pages", "perpage", "per_page", "total", "farm",
            "iconfarm", "ispublic", "isfriend", "isfamily", "iscontact", "isfavorite", "rotation", "cancomment",
            "canaddmeta", "candownload", "canblog", "canprint", "canshare", "haspeople", "machine_tag", "width",
            "height", "datetakengranularity", "count_photos", "count_videos", "photos", "videos", "ispro",
            "can_comment", "needs_interstitial", "visibility_can_see_set", "count_views", "count_comments");
    private static final Pattern HEIGHT_OR_WIDTH = Pattern.compile("(height|width)_[a-z0-9]+");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    /** Lists whose item is not their name less "s": parent name to item name. */
    private static final Map<String, String> ODD_LISTS = Map.of("people", "person", "collection", "set");
    /** Lists that hold an empty array when they have no items: parent name to item name. */
    private static final Map<String, String> ALWAYS_LISTS = Map.ofEntries(Map.entry("photos", "photo"),
            Map.entry("photosets", "photoset"), Map.entry("sizes", "size"), Map.entry("tags", "tag"),
            Map.entry("notes", "note"), Map.entry("urls", "url"), Map.entry("galleries", "gallery"),
            Map.entry("collections", "collection"), Map.entry("groups", "group"), Map.entry("contacts", "contact"),
            Map.entry("methods", "method"), Map.entry("users", "user"));

    /** One element of the payload. */
    private static final class Node {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Node> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Node(String name) {
            this.name = name;
        }
    }

    private JsonAnswer() {
    }

    /** The JSON of {@code <rsp stat="ok">payload</rsp>}. */
    static String ok(String payload) {
        Node rsp = parse(payload);
        StringBuilder sb = new StringBuilder(payload.length() + 64).append('{');
        members(rsp, sb);
        if (sb.length() > 1) {
            sb.append(',');
        }
        return sb.append("\"stat\":\"ok\"}").toString();
    }

    /** The JSON of a failure, as Flickr writes it. */
    static String failure(int code, String message) {
        StringBuilder sb = new StringBuilder(96).append("{\"stat\":\"fail\",\"code\":").append(code).append(",\"message\":");
        return string(message, sb).append('}').toString();
    }

    private static Node parse(String payload) {
        try {
            XMLStreamReader r = INPUT.createXMLStreamReader(new StringReader("<rsp>" + payload + "</rsp>"));
            List<Node> open = new ArrayList<>();
            Node root = null;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Node n = new Node(r.getLocalName());
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            n.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        if (open.isEmpty()) {
                            root = n;
                        } else {
                            open.get(open.size() - 1).children.add(n);
                        }
                        open.add(n);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.get(open.size() - 1).text.append(r.getText());
                        }
                    }
                    default -> {
                        // comments and processing instructions have no JSON form
                    }
                }
            }
            return root;
        } catch (XMLStreamException e) {
            // The payloads are the sandbox's own and the method table's examples: this is a bug, not bad input.
            throw new IllegalStateException("an answer is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The properties of an element's object, without braces. */
    private static void members(Node n, StringBuilder sb) {
        boolean first = true;
        for (Map.Entry<String, String> a : n.attributes.entrySet()) {
            first = comma(first, sb);
            string(a.getKey(), sb).append(':');
            value(a.getKey(), a.getValue(), sb);
        }
        String item = ALWAYS_LISTS.get(n.name);
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        for (Node c : n.children) {
            groups.computeIfAbsent(c.name, k -> new ArrayList<>()).add(c);
        }
        // Only a list with nothing in it: people.getInfo's <photos> holds counts, not photos.
        if (item != null && n.children.isEmpty() && n.text.toString().isBlank()) {
            first = comma(first, sb);
            string(item, sb).append(":[]");
        }
        for (Map.Entry<String, List<Node>> g : groups.entrySet()) {
            first = comma(first, sb);
            string(g.getKey(), sb).append(':');
            List<Node> items = g.getValue();
            if (items.size() > 1 || isListItem(n.name, g.getKey())) {
                sb.append('[');
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    object(items.get(i), sb);
                }
                sb.append(']');
            } else {
                object(items.get(0), sb);
            }
        }
        String text = n.text.toString();
        boolean bare = n.attributes.isEmpty() && n.children.isEmpty() && item == null;
        if (!text.isBlank() || bare) {
            comma(first, sb);
            string("_content", sb).append(':');
            string(text, sb);
        }
    }

    private static void object(Node n, StringBuilder sb) {
        sb.append('{');
        members(n, sb);
        sb.append('}');
    }

    private static boolean isListItem(String parent, String child) {
        return parent.equals(child + "s") || child.equals(ODD_LISTS.get(parent)) || child.equals(ALWAYS_LISTS.get(parent))
                || parent.equals("collection") && child.equals("collection");
    }

    private static void value(String name, String value, StringBuilder sb) {
        if (name.equals("path_alias") && value.isEmpty()) {
            sb.append("null");
        } else if ((NUMBERS.contains(name) || HEIGHT_OR_WIDTH.matcher(name).matches()) && INTEGER.matcher(value).matches()) {
            sb.append(value);
        } else {
            string(value, sb);
        }
    }

    private static boolean comma(boolean first, StringBuilder sb) {
        if (!first) {
            sb.append(',');
        }
        return false;
    }

    /** A JSON string; {@code /} is escaped as Flickr escapes it. */
    private static StringBuilder string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '/' -> sb.append("\\/");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c)); // 2028/2029 would end a JSONP line
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
