package org.flickrdynamic.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately simple, line-by-line reading of the seed manual, independent of the generator's
 * parser, so tests can hold the generated table against the seed itself.
 */
public final class SeedText {
    /** One detailed entry: typed arguments (name to required), auth lines, error codes, response state. */
    public static final class Entry {
        public final String name;
        public final Map<String, Boolean> arguments = new LinkedHashMap<>();
        public final List<Integer> errorCodes = new ArrayList<>();
        /** The line under the typed arguments, or "" when the entry has none. */
        public String description = "";
        public Boolean needsLogin;
        public Boolean needsSigning;
        /** "none", "malformed" or "example". */
        public String response = "none";

        Entry(String name) {
            this.name = name;
        }
    }

    private static final Pattern ENTRY = Pattern.compile("^\\((flickr\\.[A-Za-z.]+)");
    private static final Pattern TYPED = Pattern.compile("^[ \u00a0]+(\\w+)[ \u00a0]:[ \u00a0](.*)$");
    private static final Pattern ERROR = Pattern.compile("^  \u2022 (\\d+)\\D");

    public final List<String> indexNames = new ArrayList<>();
    public final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Whether the file stops mid-line (it has no final newline). */
    public final boolean cutShort;

    private SeedText(String text) {
        cutShort = !text.endsWith("\n");
        String[] lines = text.split("\n", -1);
        Entry current = null;
        boolean inIndex = false;
        boolean afterSignature = false;
        for (int k = 0; k < lines.length; k++) {
            String l = lines[k];
            if (entries.isEmpty() && current == null) {
                if (l.startsWith("flickr.")) {
                    inIndex = true;
                    indexNames.add(l.replaceAll("[ \u00a0]", ""));
                    continue;
                } else if (inIndex) {
                    inIndex = false;
                }
            }
            Matcher m = ENTRY.matcher(l);
            if (m.find()) {
                current = new Entry(m.group(1));
                entries.put(current.name, current);
                afterSignature = false;
            }
            if (current != null && !afterSignature) {
                afterSignature = l.replace('\u00a0', ' ').contains("(listof xexpr?)");
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher t = TYPED.matcher(l);
            Matcher e = ERROR.matcher(l);
            if (t.matches() && current.needsLogin == null) {
                current.arguments.put(t.group(1), !t.group(2).contains("="));
            } else if (TYPED.matcher(lines[k - 1]).matches() && current.needsLogin == null
                    && !l.startsWith("  \u2022") && !l.equals("Authentication:")) {
                current.description = l;
            } else if (l.equals("This method needs login.") || l.equals("This method does not need login.")) {
                current.needsLogin = !l.contains("not");
            } else if (l.equals("This method needs signing.") || l.equals("This method does not need signing.")) {
                current.needsSigning = !l.contains("not");
            } else if (l.equals("Response:")) {
                current.response = lines[k + 1].contains("\"MALFORMED RESPONSE\"") ? "malformed" : "example";
            } else if (e.find() && !(cutShort && k == lines.length - 1)) {
                current.errorCodes.add(Integer.parseInt(e.group(1)));
            }
        }
    }

    /** Reads the seed from the shared folder. */
    public static SeedText read() throws IOException {
        return new SeedText(Files.readString(SharedFolder.seed(), StandardCharsets.UTF_8));
    }
}
