package org.flickrdynamic.table;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flickrdynamic.internal.table.MethodTableWriter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses a methods.yaml stream into a {@link MethodTable}. The YAML is only composed into a node tree,
 * never constructed into objects, so no tag can make it build a Java type; every node is then checked
 * against the table's format, and every fault is reported with the file and the 1-based line of the node.
 * The format is described in docs/method-table.md.
 */
final class MethodTableLoader {
    /** The table format this loader reads; the file's {@code format} key must say it. */
    static final int FORMAT = MethodTableWriter.FORMAT;

    private static final Set<String> TOP = Set.of("format", "sources", "common_errors", "limits", "uploads", "methods");
    private static final Set<String> TOP_REQUIRED = Set.of("format", "common_errors", "methods");
    private static final Set<String> METHOD = Set.of("name", "source", "description", "needs_login",
            "needs_signing", "permission", "http_verb", "accepts_any_arguments", "retired", "changes_state_on_read",
            "max_results", "paging", "arguments", "errors", "example", "explanation");
    private static final Set<String> UPLOAD = union(METHOD, Set.of("endpoint"));
    private static final Set<String> UPLOAD_REQUIRED = union(Set.of("name", "source", "description", "needs_login",
            "needs_signing", "permission", "http_verb", "arguments"), Set.of("endpoint"));
    private static final Set<String> LIMITS = Set.of("max_page");
    private static final Set<String> METHOD_REQUIRED = Set.of("name", "source", "description", "needs_login",
            "needs_signing", "permission", "http_verb", "arguments");
    private static final Set<String> ARGUMENT = Set.of("name", "required", "description");
    private static final Set<String> ERROR = Set.of("code", "message", "explanation", "source", "temporary");
    private static final Set<String> ERROR_REQUIRED = Set.of("code", "message");
    private static final Set<String> PAGING = Set.of("list", "item");

    private final YamlNodes nodes;

    private MethodTableLoader(String origin, int lineOffset) {
        this.nodes = new YamlNodes(origin, lineOffset);
    }

    /**
     * Reads a whole table.
     *
     * @param in     the YAML text (UTF-8, or UTF-16/32 with a byte-order mark)
     * @param origin the file or resource name, for messages and {@link MethodTable#origin()}
     * @throws MethodTableException naming {@code origin} and the line of the first fault
     */
    static MethodTable load(InputStream in, String origin) {
        Node root = compose(new UnicodeReader(in), origin, 0);
        if (root == null) {
            throw new MethodTableException(origin, 0, "is empty");
        }
        return new MethodTableLoader(origin, 0).table(root);
    }

    /**
     * Reads the top of a table (format, sources, common errors, limits, uploads) given without its methods.
     */
    static TableHeader header(String yaml, String origin) {
        Node root = compose(new StringReader(yaml), origin, 0);
        if (root == null) {
            throw new MethodTableException(origin, 0, "is empty");
        }
        MethodTableLoader loader = new MethodTableLoader(origin, 0);
        return loader.header(loader.top(root));
    }

    private TableHeader header(Map<String, Node> top) {
        Map<Integer, ErrorSpec> common = errors(top.get("common_errors"), "common_errors");
        int maxPage = 0;
        if (top.containsKey("limits")) {
            Map<String, Node> l = nodes.keys(top.get("limits"), LIMITS, Set.of(), "limits");
            maxPage = l.containsKey("max_page") ? positive(l.get("max_page"), "limits: max_page") : 0;
        }
        List<MethodSpec> uploads = new ArrayList<>();
        if (top.containsKey("uploads")) {
            Set<String> names = new HashSet<>();
            for (Node u : nodes.sequence(top.get("uploads"), "uploads")) {
                MethodSpec spec = method(u, true);
                if (!names.add(spec.name())) {
                    throw nodes.fault(u, "upload " + spec.name() + " is listed twice");
                }
                uploads.add(spec);
            }
        }
        return TableHeader.of(common, maxPage, uploads);
    }

    private int positive(Node node, String what) {
        int n = nodes.integer(node, what);
        if (n <= 0) {
            throw nodes.fault(node, what + " must be a positive number, not " + n);
        }
        return n;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * Reads one entry of the methods list, given as its own text ({@code "  - name: ...\n    source: ..."}).
     *
     * @param firstLine the file line the text starts on, so faults name the line in the whole file
     */
    static MethodSpec method(String yaml, String origin, int firstLine) {
        MethodTableLoader loader = new MethodTableLoader(origin, firstLine - 1);
        Node root = compose(new StringReader(yaml), origin, firstLine - 1);
        List<Node> items = loader.nodes.sequence(root, "a methods entry");
        if (items.size() != 1) {
            throw new MethodTableException(origin, firstLine, "expected one method here, found " + items.size());
        }
        return loader.method(items.get(0), false);
    }

    /** Composes YAML into nodes only: no objects are constructed, whatever tags the text holds. */
    private static Node compose(Reader reader, String origin, int lineOffset) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            // The low-level composer: the Yaml facade would also build a dumper's worth of classes.
            return new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new MethodTableException(origin, mark == null ? 0 : mark.getLine() + 1 + lineOffset,
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new MethodTableException(origin, 0, "not valid YAML: " + e.getMessage());
        }
    }

    private MethodTable table(Node root) {
        Map<String, Node> top = top(root);
        TableHeader header = header(top);
        List<MethodSpec> methods = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node m : nodes.sequence(top.get("methods"), "methods")) {
            MethodSpec spec = method(m, false);
            if (!names.add(spec.name())) {
                throw nodes.fault(m, "method " + spec.name() + " is listed twice");
            }
            methods.add(spec);
        }
        return new MethodTable(nodes.origin(), methods, header.commonErrors(), header.maxPage(),
                List.copyOf(header.uploads().values()));
    }

    /** The top-level keys, with format and sources checked. */
    private Map<String, Node> top(Node root) {
        // The format first: a table of another format may lack, or name otherwise, the keys this one needs.
        Node format = nodes.keys(root, null, Set.of("format"), "the table").get("format");
        int version = nodes.integer(format, "format");
        if (version != FORMAT) {
            throw nodes.fault(format, "format " + version + " is not supported (expected " + FORMAT + ")");
        }
        Map<String, Node> top = nodes.keys(root, TOP, TOP_REQUIRED, "the table");
        if (top.containsKey("sources")) {
            for (Node value : nodes.keys(top.get("sources"), null, Set.of(), "sources").values()) {
                nodes.string(value, "a source's description");
            }
        }
        return top;
    }

    /** A methods entry, or with {@code upload} an uploads entry (a plain name and an endpoint). */
    private MethodSpec method(Node node, boolean upload) {
        Map<String, Node> k = upload ? nodes.keys(node, UPLOAD, UPLOAD_REQUIRED, "an upload")
                : nodes.keys(node, METHOD, METHOD_REQUIRED, "a method");
        String name = nodes.string(k.get("name"), "name");
        if (upload ? !name.matches("[a-z_]+")
                : !name.startsWith(MethodSpec.PREFIX) || name.length() == MethodSpec.PREFIX.length()
                        || name.chars().anyMatch(Character::isWhitespace)) {
            throw nodes.fault(k.get("name"), (upload ? "upload name '" + name + "' is not a plain lower-case word"
                    : "method name '" + name + "' is not a full Flickr method name (flickr.x.y)"));
        }
        String what = (upload ? "upload " : "method ") + name;
        Source source = source(k.get("source"), what + ": source");
        Permission permission;
        try {
            permission = Permission.fromWord(nodes.string(k.get("permission"), what + ": permission"));
        } catch (org.flickrdynamic.FlickrArgumentException e) {
            throw nodes.fault(k.get("permission"), what + ": " + e.problems().get(0));
        }
        String verb = nodes.string(k.get("http_verb"), what + ": http_verb");
        if (!verb.equals("GET") && !verb.equals("POST")) {
            throw nodes.fault(k.get("http_verb"), what + ": http_verb must be GET or POST, not '" + verb + "'");
        }
        Paging paging = null;
        if (k.containsKey("paging")) {
            Map<String, Node> p = nodes.keys(k.get("paging"), PAGING, PAGING, what + ": paging");
            paging = new Paging(nodes.string(p.get("list"), what + ": paging list"),
                    nodes.string(p.get("item"), what + ": paging item"));
        }
        List<ErrorSpec> errors = k.containsKey("errors")
                ? List.copyOf(errors(k.get("errors"), what + ": errors").values()) : List.of();
        return new MethodSpec(name,
                nodes.string(k.get("description"), what + ": description"),
                source,
                nodes.bool(k.get("needs_login"), what + ": needs_login"),
                nodes.bool(k.get("needs_signing"), what + ": needs_signing"),
                permission,
                verb,
                arguments(k.get("arguments"), what),
                paging,
                errors,
                k.containsKey("example") ? nodes.string(k.get("example"), what + ": example") : null,
                k.containsKey("explanation") ? nodes.string(k.get("explanation"), what + ": explanation") : null,
                flag(k, "accepts_any_arguments", what),
                flag(k, "retired", what),
                flag(k, "changes_state_on_read", what),
                k.containsKey("max_results") ? positive(k.get("max_results"), what + ": max_results") : 0,
                upload ? nodes.string(k.get("endpoint"), what + ": endpoint") : null);
    }

    /** An optional boolean key: absent means false. */
    private boolean flag(Map<String, Node> keys, String key, String what) {
        return keys.containsKey(key) && nodes.bool(keys.get(key), what + ": " + key);
    }

    private List<ArgumentSpec> arguments(Node node, String what) {
        List<ArgumentSpec> args = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node a : nodes.sequence(node, what + ": arguments")) {
            Map<String, Node> k = nodes.keys(a, ARGUMENT, ARGUMENT, what + ": an argument");
            String name = nodes.string(k.get("name"), what + ": argument name");
            if (!seen.add(name)) {
                throw nodes.fault(a, what + ": argument " + name + " is listed twice");
            }
            args.add(new ArgumentSpec(name, nodes.bool(k.get("required"), what + ": " + name + ": required"),
                    nodes.string(k.get("description"), what + ": " + name + ": description")));
        }
        return args;
    }

    /** A list of error codes, kept in the file's order, each code once. */
    private Map<Integer, ErrorSpec> errors(Node node, String what) {
        Map<Integer, ErrorSpec> errors = new LinkedHashMap<>();
        for (Node e : nodes.sequence(node, what)) {
            Map<String, Node> k = nodes.keys(e, ERROR, ERROR_REQUIRED, what + ": an error");
            int code = nodes.integer(k.get("code"), what + ": code");
            ErrorSpec spec = new ErrorSpec(code, nodes.string(k.get("message"), what + ": " + code + ": message"),
                    k.containsKey("explanation") ? nodes.string(k.get("explanation"), what + ": " + code + ": explanation") : null,
                    k.containsKey("source") ? nodes.string(k.get("source"), what + ": " + code + ": source") : null,
                    flag(k, "temporary", what + ": " + code));
            if (errors.put(code, spec) != null) {
                throw nodes.fault(e, what + ": code " + code + " is listed twice");
            }
        }
        return errors;
    }

    private Source source(Node node, String what) {
        return switch (nodes.string(node, what)) {
            case "seed" -> Source.SEED;
            case "api" -> Source.API;
            case "both" -> Source.BOTH;
            default -> throw nodes.fault(node, what + " must be seed, api or both, not '" + nodes.string(node, what) + "'");
        };
    }
}
