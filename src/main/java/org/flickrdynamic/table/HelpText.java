package org.flickrdynamic.table;

/** Plain-text documentation of a method, written from the method table, for people at a prompt. */
public final class HelpText {
    private HelpText() {
    }

    /** The method's description, authentication needs, arguments, errors and example answer. */
    public static String of(MethodTable table, MethodSpec m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.name()).append('\n');
        sb.append(wrap(plain(m.description()), "  ")).append('\n');
        sb.append('\n');
        sb.append("  login: ").append(m.needsLogin() ? "needed (" + m.permission().word() + " permission)" : "not needed")
                .append("; signing: ").append(m.needsSigning() ? "needed" : "not needed")
                .append("; HTTP ").append(m.httpVerb());
        if (m.isPaged()) {
            sb.append("; paged (<").append(m.paging().listElement()).append("> of <")
                    .append(m.paging().itemElement()).append(">)");
        }
        sb.append('\n');
        sb.append("\nArguments:\n");
        if (m.arguments().isEmpty()) {
            sb.append("  (none besides api_key)\n");
        }
        for (ArgumentSpec a : m.arguments()) {
            sb.append("  ").append(a.name()).append(a.required() ? " (required)" : "").append('\n');
            String d = plain(a.description());
            if (!d.isEmpty()) {
                sb.append(wrap(d, "      ")).append('\n');
            }
        }
        sb.append("\nErrors:\n");
        for (ErrorSpec e : table.errors(m)) {
            sb.append("  ").append(e.code()).append(' ').append(plain(e.message()));
            String x = plain(e.explanation());
            if (!x.isEmpty() && !x.equals(plain(e.message()))) {
                sb.append(": ").append(x);
            }
            sb.append('\n');
        }
        if (m.exampleResponse() != null && !m.exampleResponse().isBlank()) {
            sb.append("\nExample response:\n");
            for (String line : m.exampleResponse().strip().split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        }
        if (m.explanation() != null && !m.explanation().isBlank()) {
            sb.append('\n').append(wrap(plain(m.explanation()), "  ")).append('\n');
        }
        return sb.toString();
    }

    /** Documentation HTML as plain text: tags dropped, the common entities decoded. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        return html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&").strip();
    }

    private static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder(indent);
            for (String word : para.strip().split("\\s+")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > 96) {
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
