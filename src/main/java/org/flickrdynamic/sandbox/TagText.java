package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tags as Flickr reads them from an upload, {@code setTags} or {@code addTags}: separated by spaces (or
 * commas), a tag with spaces in double quotes ({@code cat "new york"}); and each tag's normalised form,
 * the one searches match: lower case, letters and digits only, with a machine tag's {@code :} and
 * {@code =} kept ({@code "New York"} is {@code newyork}).
 */
final class TagText {
    private TagText() {
    }

    /**
     * The distinct tags of a text, in order: each normalised form mapped to the tag as first typed. A
     * tag typed again in another case or spelling is the same tag; one that normalises to nothing is
     * left out.
     */
    static Map<String, String> distinct(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String typed : raw(text)) {
            String norm = normalize(typed);
            if (!norm.isEmpty()) {
                tags.putIfAbsent(norm, typed);
            }
        }
        return tags;
    }

    /** The tags as typed, in order, quotes removed; empty ones dropped. */
    private static List<String> raw(String text) {
        List<String> tags = new ArrayList<>();
        if (text == null) {
            return tags;
        }
        StringBuilder tag = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (Character.isWhitespace(c) || c == ',')) {
                add(tags, tag);
            } else {
                tag.append(c);
            }
        }
        add(tags, tag);
        return tags;
    }

    private static void add(List<String> tags, StringBuilder tag) {
        String t = tag.toString().strip();
        if (!t.isEmpty()) {
            tags.add(t);
        }
        tag.setLength(0);
    }

    /** The normalised form of a tag as typed; empty when nothing of it is kept. */
    private static String normalize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        raw.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || c == ':' || c == '=')
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
