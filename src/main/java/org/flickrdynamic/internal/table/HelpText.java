package org.flickrdynamic.internal.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * Plain-text documentation of a method, written from the method table, for people at a prompt. The one
 * place that does it: {@code bin/flickr --help}, {@code Flickr.help} and {@code FlickrMethod.help()} all
 * print this.
 */
public final class HelpText {
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");
    private static final int WIDTH = 96;
    /** How the table's source of a code Flickr sends without documenting it begins. */
    private static final String UNDOCUMENTED = "observed:";

    private HelpText() {
    }

    /**
     * The method's documentation: its call signature, description, what it needs (login and permission,
     * signing, HTTP verb, paging), every argument with the required ones marked, the error codes with
     * their meanings (the method's own, then those every method shares) and the example answer.
     */
    public static String of(MethodTable table, MethodSpec m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.name()).append('\n');
        if (m.retired()) {
            sb.append("  RETIRED: Flickr's current API no longer lists this method; Flickr may refuse it.\n");
        }
        String description = plain(m.description());
        if (!description.isEmpty()) {
            sb.append(wrap(description, "  ")).append('\n');
        }
        sb.append('\n');
        sb.append("  call:       ").append(callExample(m)).append('\n');
        sb.append("  login:      ").append(m.needsLogin()
                ? "needed: the user's token must hold " + m.permission().word() + " permission"
                : "not needed").append('\n');
        sb.append("  signed:     ").append(m.needsSigning()
                ? "yes, always (with the API secret)" : "no, unless signed(true) is set").append('\n');
        sb.append("  HTTP:       ").append(m.httpVerb());
        if (m.isPaged()) {
            sb.append("; paged (<").append(m.paging().listElement()).append("> of <")
                    .append(m.paging().itemElement()).append(">), see page and per_page");
        }
        sb.append('\n');
        if (m.maxResults() > 0) {
            sb.append("  results:    at most ").append(m.maxResults()).append(" per query (Flickr's cap)\n");
        }
        if (m.changesStateOnRead()) {
            sb.append("  state:      changes state on Flickr although it is a read; never repeated blindly\n");
        }

        sb.append("\nArguments: (api_key is added from the settings)\n");
        if (m.arguments().isEmpty()) {
            sb.append("  (none)\n");
        }
        for (ArgumentSpec a : m.arguments()) {
            sb.append("  ").append(a.name()).append(a.required() ? " (required)" : "").append('\n');
            String d = plain(a.description());
            if (!d.isEmpty()) {
                sb.append(wrap(d, "      ")).append('\n');
            }
        }
        if (m.acceptsAnyArguments()) {
            sb.append("  ... any other name=value pairs are accepted too\n");
        }

        List<ErrorSpec> own = new ArrayList<>();
        List<ErrorSpec> shared = new ArrayList<>();
        for (ErrorSpec e : table.errors(m)) {
            (m.errors().contains(e) ? own : shared).add(e);
        }
        if (!own.isEmpty()) {
            sb.append("\nErrors of this method:\n");
            own.forEach(e -> appendError(e, sb));
        }
        sb.append(own.isEmpty() ? "\nErrors (shared by every method):\n" : "\nErrors shared by every method:\n");
        shared.forEach(e -> appendError(e, sb));

        if (m.exampleResponse() != null && !m.exampleResponse().isBlank()) {
            sb.append("\nExample response:\n");
            // A carriage return kept from the documentation's source is noise on a screen.
            for (String line : m.exampleResponse().replace("&#13;", "").strip().split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        }
        if (m.explanation() != null && !m.explanation().isBlank()) {
            sb.append('\n').append(wrap(plain(m.explanation()), "  ")).append('\n');
        }
        return sb.toString();
    }

    /**
     * A one-line signature: the name, the arguments (optional ones in brackets) and what the call needs,
     * e.g. {@code flickr.photos.delete(photo_id) [login: delete, signed, POST]}.
     */
    public static String signature(MethodSpec m) {
        StringBuilder sb = new StringBuilder(m.name()).append('(');
        boolean first = true;
        for (ArgumentSpec a : m.arguments()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(a.required() ? a.name() : "[" + a.name() + "]");
        }
        if (m.acceptsAnyArguments()) {
            sb.append(first ? "..." : ", ...");
        }
        sb.append(") [");
        sb.append(m.needsLogin() ? "login: " + m.permission().word() : "no login");
        if (m.needsSigning()) {
            sb.append(", signed");
        }
        sb.append(", ").append(m.httpVerb());
        if (m.isPaged()) {
            sb.append(", paged");
        }
        if (m.retired()) {
            sb.append(", retired");
        }
        return sb.append(']').toString();
    }

    /** How to call it from Java, with the required arguments as placeholders. */
    private static String callExample(MethodSpec m) {
        StringBuilder sb = new StringBuilder("Flickr.call(\"").append(m.shortName()).append('"');
        for (ArgumentSpec a : m.arguments()) {
            if (a.required()) {
                sb.append(", \"").append(a.name()).append("\", ...");
            }
        }
        return sb.append(')').toString();
    }

    private static void appendError(ErrorSpec e, StringBuilder sb) {
        sb.append("  ").append(e.code()).append(' ').append(plain(e.message()));
        String x = plain(e.explanation());
        if (!x.isEmpty() && !x.equals(plain(e.message()))) {
            sb.append(": ").append(x);
        }
        if (e.source() != null && e.source().startsWith(UNDOCUMENTED)) {
            sb.append(" (undocumented; Flickr is known to send it)");
        }
        sb.append('\n');
    }

    /** Documentation HTML as plain text: tags dropped, named and numeric entities decoded. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String s = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&mdash;", "\u2014").replace("&ndash;", "\u2013");
        Matcher m = NUMERIC_ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String num = m.group(1);
            int cp = num.startsWith("x") ? Integer.parseInt(num.substring(1), 16) : Integer.parseInt(num);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group()));
        }
        m.appendTail(out);
        return out.toString().replace("&amp;", "&").strip();
    }

    /**
     * Wraps text to the width, each line indented; the source's line breaks are kept, but a run of blank
     * lines (the documentation has many) becomes one.
     */
    private static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        boolean lastBlank = false;
        for (String para : text.split("\n")) {
            if (para.isBlank()) {
                if (!lastBlank && out.length() > 0) {
                    out.append('\n');
                }
                lastBlank = true;
                continue;
            }
            lastBlank = false;
            StringBuilder line = new StringBuilder(indent);
            for (String word : para.strip().split("\\s+")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                    out.append(line).append('\n');
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(line).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
