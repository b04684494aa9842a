package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tags as Flickr reads them from an upload, {@code setTags} or {@code addTags}: separated by spaces (or
 * commas), a tag with spaces in double quotes ({@code cat "new york"}); and each tag's normalised form,
 * the one searches match: lower case, letters and digits only, with a machine tag's {@code :} and
 * {@code =} kept ({@code "New York"} is {@code newyork}).
 */
final class TagText {
    private TagText() {
    }

    /** The tags as typed, in order, quotes removed; empty ones dropped. */
    static List<String> raw(String text) {
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
    static String normalize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        raw.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || c == ':' || c == '=')
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
