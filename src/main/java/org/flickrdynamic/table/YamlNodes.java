package org.flickrdynamic.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reading of a composed YAML node tree. Only the standard tags count: a string must be tagged
 * {@code !!str}, a boolean {@code !!bool} and so on, so an explicit or unknown tag is a type fault.
 * Each fault names the file and the node's 1-based line.
 */
final class YamlNodes {
    private final String origin;
    private final int lineOffset;

    /** @param lineOffset lines before the parsed text in the file (its first line is lineOffset + 1) */
    YamlNodes(String origin, int lineOffset) {
        this.origin = origin;
        this.lineOffset = lineOffset;
    }

    String origin() {
        return origin;
    }

    /**
     * The keys of a mapping, checked: each key a string, none twice, none outside {@code allowed}
     * (null allows any), none of {@code required} missing.
     */
    Map<String, Node> keys(Node node, Set<String> allowed, Set<String> required, String what) {
        if (!(node instanceof MappingNode m) || !m.getTag().equals(Tag.MAP)) {
            throw fault(node, what + " must be a mapping, found " + describe(node));
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = string(t.getKeyNode(), what + ": a key");
            if (allowed != null && !allowed.contains(key)) {
                throw fault(t.getKeyNode(), what + ": unknown key '" + key + "' (expected " + new TreeSet<>(allowed) + ")");
            }
            if (keys.put(key, t.getValueNode()) != null) {
                throw fault(t.getKeyNode(), what + ": key '" + key + "' appears twice");
            }
        }
        for (String r : new TreeSet<>(required)) {
            if (!keys.containsKey(r)) {
                throw fault(node, what + ": missing key '" + r + "'");
            }
        }
        return keys;
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode s) || !s.getTag().equals(Tag.SEQ)) {
            throw fault(node, what + " must be a list, found " + describe(node));
        }
        return s.getValue();
    }

    String string(Node node, String what) {
        return scalar(node, Tag.STR, "a string", what);
    }

    boolean bool(Node node, String what) {
        String v = scalar(node, Tag.BOOL, "true or false", what);
        // YAML 1.1 also spells booleans yes/no/on/off; the resolver only tags those words !!bool.
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            default -> false;
        };
    }

    int integer(Node node, String what) {
        String v = scalar(node, Tag.INT, "an integer", what);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw fault(node, what + " must be a decimal integer, not '" + v + "'");
        }
    }

    private String scalar(Node node, Tag tag, String expected, String what) {
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(tag)) {
            throw fault(node, what + " must be " + expected + ", found " + describe(node));
        }
        return s.getValue();
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode s) {
            Tag t = s.getTag();
            String kind = t.equals(Tag.STR) ? "a string" : t.equals(Tag.BOOL) ? "a boolean" : t.equals(Tag.INT)
                    ? "an integer" : t.equals(Tag.FLOAT) ? "a number" : t.equals(Tag.NULL) ? "nothing" : "tag " + t.getValue();
            return kind + " '" + abbreviate(s.getValue()) + "'";
        }
        if (node instanceof SequenceNode s) {
            return s.getTag().equals(Tag.SEQ) ? "a list" : "tag " + s.getTag().getValue();
        }
        return node.getTag().equals(Tag.MAP) ? "a mapping" : "tag " + node.getTag().getValue();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** A fault at a node's line. */
    MethodTableException fault(Node node, String problem) {
        return new MethodTableException(origin, node.getStartMark().getLine() + 1 + lineOffset, problem);
    }
}
