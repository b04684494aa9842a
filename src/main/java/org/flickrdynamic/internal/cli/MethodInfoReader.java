package org.flickrdynamic.internal.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Paging;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;

/**
 * Reads one {@code flickr.reflection.getMethodInfo} answer into a method of the table, as tolerant as
 * Flickr's real answers need: an argument listed twice (Flickr's own answer for
 * {@code flickr.galleries.getPhotos} has listed {@code per_page} twice) keeps its first entry, a missing
 * description is empty, and fields this reader does not know are ignored; each is reported to the
 * warning sink. What cannot be read at all (no name, a code that is not a number, a permission out of
 * range) throws {@link IllegalArgumentException} naming it.
 */
final class MethodInfoReader {
    /** Attributes and children this reader knows, per element; Flickr's, then those the sandbox adds. */
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "method", Set.of("name", "needslogin", "needssigning", "requiredperms", "httpverb", "source", "anyarguments",
                    "paginglist", "pagingitem", "retired", "changesstate", "maxresults",
                    "description", "response", "explanation"),
            "argument", Set.of("name", "optional"),
            "error", Set.of("code", "message", "common", "source", "temporary"),
            "answer", Set.of("stat", "method", "arguments", "errors"));

    private final Consumer<String> warnings;
    /** Unknown fields seen, as element@name or element/child, with how many methods had them. */
    private final Map<String, Integer> unknown = new TreeMap<>();

    MethodInfoReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** The method's name, which every getMethodInfo answer must give. */
    static String name(Element info) {
        Element m = info.element("method");
        if (m == null || m.attributeValue("name") == null || m.attributeValue("name").isBlank()) {
            throw new IllegalArgumentException("a getMethodInfo answer has no <method name=...>");
        }
        return m.attributeValue("name");
    }

    /** The answer's error codes, common or not. */
    static List<Element> errors(Element info) {
        Element errors = info.element("errors");
        return errors == null ? List.of() : errors.elements("error");
    }

    /**
     * The method an answer describes.
     *
     * @param before the bundled table's entry of the same name, for what the answer does not tell
     * @param common the common codes, so a method's copy of one is not kept as its own
     */
    MethodSpec read(Element info, MethodSpec before, Map<Integer, ErrorSpec> common) {
        Element m = info.element("method");
        String name = name(info);
        noteUnknown(info, name);
        Permission permission = permission(name, m.attributeValue("requiredperms"));
        boolean login = "1".equals(m.attributeValue("needslogin"));
        boolean signing = "1".equals(m.attributeValue("needssigning"));
        List<ArgumentSpec> arguments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Element args = info.element("arguments");
        for (Element a : args == null ? List.<Element>of() : args.elements("argument")) {
            String argName = a.attributeValue("name");
            if (argName == null || argName.isBlank()) {
                throw new IllegalArgumentException("an argument of " + name + " has no name");
            }
            boolean required = "0".equals(a.attributeValue("optional"));
            if (!seen.add(argName)) {
                warnings.accept(name + " lists the argument " + argName + " twice; the first entry is kept");
                continue;
            }
            // checkToken's oauth_token is the token to check, not the caller's: an argument of its own.
            boolean tokenToCheck = name.equals("flickr.auth.oauth.checkToken") && argName.equals("oauth_token");
            if (implicit(argName) && !tokenToCheck) {
                // A required token argument means the method acts for a logged-in user, whose signed call carries it.
                if (required && (argName.equals("oauth_token") || argName.equals("auth_token"))) {
                    login = true;
                    signing = true;
                }
                continue;
            }
            arguments.add(new ArgumentSpec(argName, required, a.getText()));
        }
        List<ErrorSpec> own = new ArrayList<>();
        for (Element e : errors(info)) {
            ErrorSpec spec = error(name, e);
            ErrorSpec shared = common.get(spec.code());
            if (!"1".equals(e.attributeValue("common")) && !(shared != null && shared.message().equals(spec.message()))) {
                own.add(spec);
            }
        }
        Paging paging = m.attributeValue("paginglist") != null && m.attributeValue("pagingitem") != null
                ? new Paging(m.attributeValue("paginglist"), m.attributeValue("pagingitem"))
                : before != null ? before.paging() : null;
        String verb = m.attributeValue("httpverb") != null ? m.attributeValue("httpverb")
                : before != null ? before.httpVerb() : permission.covers(Permission.WRITE) ? "POST" : "GET";
        if (!verb.equals("GET") && !verb.equals("POST")) {
            throw new IllegalArgumentException(name + " has httpverb '" + verb + "', not GET or POST");
        }
        Source source = m.attributeValue("source") != null ? source(m.attributeValue("source"))
                : before != null ? before.source() : Source.API;
        Element response = m.element("response");
        Element explanation = m.element("explanation");
        Element description = m.element("description");
        if (description == null) {
            warnings.accept(name + " has no description; it is left empty");
        }
        return new MethodSpec(name, description == null ? "" : description.getText(), source, login, signing,
                permission, verb, arguments, paging, own,
                response != null ? response.getText() : before != null ? before.exampleResponse() : null,
                explanation != null ? explanation.getText() : before != null ? before.explanation() : null,
                flag(m, "anyarguments", before != null && before.acceptsAnyArguments()),
                // The live API lists the method, so it is current unless the answer says otherwise.
                "1".equals(m.attributeValue("retired")),
                flag(m, "changesstate", before != null && before.changesStateOnRead()),
                number(name, m.attributeValue("maxresults"), before != null ? before.maxResults() : 0),
                null);
    }

    /** One warning per unknown field, with how many answers had it, once every answer has been read. */
    void reportUnknownFields() {
        unknown.forEach((field, count) -> warnings.accept("ignored the field " + field + ", which this reader does not know ("
                + count + (count == 1 ? " method)" : " methods)")));
    }

    /** An error entry; its source is the answer's own, else the live API. */
    static ErrorSpec error(String method, Element e) {
        String text = e.getText();
        String code = e.attributeValue("code");
        String message = e.attributeValue("message");
        if (code == null || !code.strip().matches("\\d{1,9}") || message == null) {
            throw new IllegalArgumentException("an error of " + method + " has "
                    + (message == null ? "no message" : "the code '" + code + "'"));
        }
        String source = e.attributeValue("source");
        return new ErrorSpec(Integer.parseInt(code.strip()), message, text == null || text.isEmpty() ? null : text,
                source != null ? source : "api", "1".equals(e.attributeValue("temporary")));
    }

    private void noteUnknown(Element info, String name) {
        Set<String> fields = new java.util.TreeSet<>();
        collect(info, "answer", fields);
        Element m = info.element("method");
        collect(m, "method", fields);
        Element args = info.element("arguments");
        for (Element a : args == null ? List.<Element>of() : args.elements()) {
            collect(a, "argument", fields);
        }
        Element errors = info.element("errors");
        for (Element e : errors == null ? List.<Element>of() : errors.elements()) {
            collect(e, "error", fields);
        }
        fields.forEach(f -> unknown.merge(f, 1, Integer::sum));
    }

    private static void collect(Element e, String kind, Set<String> fields) {
        Set<String> known = KNOWN.get(kind);
        for (Attribute a : e.attributes()) {
            if (!known.contains(a.getName())) {
                fields.add("<" + e.getName() + " " + a.getName() + "=...>");
            }
        }
        for (Element child : e.elements()) {
            if (!known.contains(child.getName()) && !kind.equals("argument") && !kind.equals("error")) {
                fields.add("<" + e.getName() + "><" + child.getName() + ">");
            }
        }
    }

    private static boolean flag(Element m, String attribute, boolean otherwise) {
        String v = m.attributeValue(attribute);
        return v != null ? "1".equals(v) : otherwise;
    }

    private static int number(String method, String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!value.strip().matches("\\d{1,9}")) {
            throw new IllegalArgumentException(method + " has maxresults '" + value + "', not a number");
        }
        return Integer.parseInt(value.strip());
    }

    /** {@code requiredperms}: 0 none, 1 read, 2 write, 3 delete; absent means none. */
    private static Permission permission(String name, String perms) {
        if (perms == null) {
            return Permission.NONE;
        }
        return switch (perms.strip()) {
            case "0" -> Permission.NONE;
            case "1" -> Permission.READ;
            case "2" -> Permission.WRITE;
            case "3" -> Permission.DELETE;
            default -> throw new IllegalArgumentException(name + " has requiredperms '" + perms + "', not 0 to 3");
        };
    }

    private static Source source(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "seed" -> Source.SEED;
            case "both" -> Source.BOTH;
            default -> Source.API;
        };
    }

    /** api_key, api_sig, auth_token and the oauth_* parameters travel with every call; no method lists them. */
    private static boolean implicit(String argument) {
        return argument.equals("api_key") || argument.equals("api_sig") || argument.equals("auth_token")
                || argument.startsWith("oauth_");
    }
}
