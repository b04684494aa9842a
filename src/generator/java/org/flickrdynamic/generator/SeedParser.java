package org.flickrdynamic.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flickrdynamic.generator.SeedManual.Example;
import org.flickrdynamic.generator.SeedManual.SeedArgument;
import org.flickrdynamic.generator.SeedManual.SeedMethod;
import org.flickrdynamic.table.ErrorSpec;

/**
 * Reads the seed manual's formatted text. Its layout, per detailed method: a signature ending in
 * {@code (listof xexpr?)}, typed argument lines ({@code name : contract [= default]}, decisive for
 * required-ness), a description, argument bullets, "Authentication:" with two lines, an optional
 * "Response:" s-expression, an optional "Explanation:", "Error codes:" bullets and an optional
 * "API Explorer:" line. The file may end mid-entry; whatever the last, incomplete line held is dropped.
 */
final class SeedParser {
    private static final String NBSP = "\u00a0";
    private static final String BULLET = "  \u2022 ";
    private static final Pattern ENTRY = Pattern.compile("^\\((flickr\\.[A-Za-z.]+)");
    private static final Pattern TYPED = Pattern.compile("^\\s+(\\w+) : (.+)$");
    private static final Pattern ARG_BULLET = Pattern.compile("^(\\w+) \u2013 (.*)$", Pattern.DOTALL);
    private static final Pattern ERROR_BULLET = Pattern.compile("^(\\d+)(.*?):(?: (.*))?$", Pattern.DOTALL);
    private static final Pattern OVERVIEW_CALL = Pattern.compile("^\\s*> \\((flickr\\.[A-Za-z.]+)");

    private final String file;
    private final List<String> lines;
    /** Index of a last line cut off mid-way (the file does not end with a newline), or -1. */
    private final int cutLine;
    private int i;

    private SeedParser(String file, String text) {
        this.file = file;
        this.lines = List.of(text.split("\n", -1));
        this.cutLine = text.endsWith("\n") ? -1 : lines.size() - 1;
    }

    /**
     * Parses the manual.
     *
     * @param file the file's name, for messages
     * @param text its whole text
     * @throws IllegalArgumentException naming the file and line where the layout is not as expected
     */
    static SeedManual parse(String file, String text) {
        return new SeedParser(file, text).parse();
    }

    private SeedManual parse() {
        List<String> index = new ArrayList<>();
        Map<String, Example> overview = new LinkedHashMap<>();
        Map<String, SeedMethod> detailed = new LinkedHashMap<>();
        while (i < lines.size() && !lines.get(i).startsWith("flickr.")) {
            i++;
        }
        while (i < lines.size() && lines.get(i).startsWith("flickr.")) {
            index.add(String.join("", lines.get(i).trim().split("[\\s" + NBSP + "]+")));
            i++;
        }
        while (i < lines.size() && !ENTRY.matcher(lines.get(i)).find()) {
            Matcher call = OVERVIEW_CALL.matcher(plain(lines.get(i)));
            i++;
            if (call.find()) {
                skipBlank();
                overview.putIfAbsent(call.group(1), new Example(lines.get(i), i + 1));
            }
        }
        while (i < lines.size()) {
            SeedMethod m = parseEntry();
            if (detailed.put(m.name(), m) != null) {
                throw fault(m.line() - 1, "method " + m.name() + " documented twice");
            }
            if (!index.contains(m.name())) {
                throw fault(m.line() - 1, "method " + m.name() + " is not in the index");
            }
        }
        return new SeedManual(index, detailed, overview);
    }

    private SeedMethod parseEntry() {
        int start = i;
        Matcher entry = ENTRY.matcher(lines.get(i));
        if (!entry.find()) {
            throw fault(i, "expected a method entry '(flickr....'");
        }
        String name = entry.group(1);
        while (!plain(lines.get(i)).contains("(listof xexpr?)")) {
            next("the signature's end");
        }
        i++;
        List<String[]> typed = new ArrayList<>();
        Matcher t;
        while (i < lines.size() && (t = TYPED.matcher(plain(lines.get(i)))).matches()) {
            typed.add(new String[] {t.group(1), t.group(2)});
            i++;
        }
        StringBuilder description = new StringBuilder();
        while (!lines.get(i).startsWith(BULLET) && !lines.get(i).equals("Authentication:")) {
            description.append(description.length() > 0 ? "\n" : "").append(lines.get(i));
            next("Authentication:");
        }
        Map<String, String> bullets = new LinkedHashMap<>();
        for (String b : items("Authentication:")) {
            Matcher m = ARG_BULLET.matcher(b);
            if (!m.matches()) {
                throw fault(i, "argument bullet not understood: " + b);
            }
            bullets.put(m.group(1), m.group(2));
        }
        i++;
        boolean login = yesNo("login");
        boolean signing = yesNo("signing");
        Example example = null;
        boolean malformed = false;
        boolean truncated = false;
        if (at("Response:")) {
            int first = ++i;
            StringBuilder sexpr = new StringBuilder();
            while (i < lines.size() && lines.get(i).startsWith(NBSP)) {
                truncated |= i == cutLine;
                sexpr.append(lines.get(i++)).append('\n');
            }
            String literal = XexprReader.readStringLiteral(sexpr.toString(), file, first + 1);
            malformed = "MALFORMED RESPONSE".equals(literal);
            if (!malformed && !truncated) {
                example = new Example(sexpr.toString(), first + 1);
            }
        }
        String explanation = null;
        if (i < lines.size() && lines.get(i).startsWith("Explanation: ")) {
            truncated |= i == cutLine;
            explanation = i == cutLine ? null : lines.get(i).substring("Explanation: ".length());
            i++;
        }
        List<ErrorSpec> errors = new ArrayList<>();
        if (at("Error codes:")) {
            i++;
            int before = i;
            List<String> items = items(null);
            truncated |= cutLine >= before && cutLine < i;
            for (int k = 0; k < items.size(); k++) {
                if (truncated && k == items.size() - 1 && cutLine == i - 1) {
                    break;
                }
                errors.add(error(items.get(k)));
            }
        }
        if (at("API Explorer:")) {
            i++;
        }
        skipBlank();
        if (i < lines.size() && !ENTRY.matcher(lines.get(i)).find()) {
            throw fault(i, "unexpected line in the entry of " + name);
        }
        return new SeedMethod(name, start + 1, description.toString(), arguments(typed, bullets, start),
                login, signing, example, malformed, explanation, errors, truncated);
    }

    private List<SeedArgument> arguments(List<String[]> typed, Map<String, String> bullets, int start) {
        List<SeedArgument> args = new ArrayList<>();
        for (String[] t : typed) {
            // "name : string?" has no default, so the call must give it; "= #f" or "= (current-api-key)" make it optional.
            args.add(new SeedArgument(t[0], !t[1].contains(" = "), bullets.get(t[0])));
        }
        for (String b : bullets.keySet()) {
            if (args.stream().noneMatch(a -> a.name().equals(b))) {
                throw fault(start, "bullet for " + b + " has no typed argument line");
            }
        }
        return args;
    }

    /** Collects "  • " items (blank lines between them) until {@code end} or a line that is neither. */
    private List<String> items(String end) {
        List<String> items = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).equals(end)) {
            String l = lines.get(i);
            if (l.startsWith(BULLET)) {
                items.add(l.substring(BULLET.length()));
            } else if (!l.isEmpty()) {
                break;
            }
            i++;
        }
        if (end != null && !at(end)) {
            throw fault(Math.min(i, lines.size() - 1), "expected " + end);
        }
        return items;
    }

    private ErrorSpec error(String item) {
        Matcher m = ERROR_BULLET.matcher(item);
        if (!m.matches()) {
            throw fault(i, "error code not understood: " + item);
        }
        String explanation = m.group(3) == null || m.group(3).isBlank() ? null : m.group(3);
        return new ErrorSpec(Integer.parseInt(m.group(1)), m.group(2), explanation);
    }

    private boolean yesNo(String what) {
        String l = i < lines.size() ? lines.get(i) : "";
        i++;
        if (l.equals("This method needs " + what + ".")) {
            return true;
        }
        if (l.equals("This method does not need " + what + ".")) {
            return false;
        }
        throw fault(i - 1, "expected 'This method (does not) need(s) " + what + ".'");
    }

    private boolean at(String prefix) {
        return i < lines.size() && lines.get(i).startsWith(prefix);
    }

    private void next(String lookingFor) {
        if (++i >= lines.size()) {
            throw fault(lines.size() - 1, "file ends while looking for " + lookingFor);
        }
    }

    private void skipBlank() {
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
    }

    /** The seed formats code with no-break spaces; structural matching wants plain ones. */
    private static String plain(String line) {
        return line.replace(NBSP, " ");
    }

    private IllegalArgumentException fault(int lineIndex, String problem) {
        return new IllegalArgumentException(file + " line " + (lineIndex + 1) + ": " + problem);
    }
}
