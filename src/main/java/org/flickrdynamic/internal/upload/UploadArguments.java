package org.flickrdynamic.internal.upload;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.internal.request.ArgumentNormalizer;
import org.flickrdynamic.internal.request.Problems;

/**
 * Turns an upload's arguments into the strings sent, and checks the values Flickr constrains. Values
 * are converted as for any call ({@link ArgumentNormalizer}: booleans as {@code 1}/{@code 0}, numbers in
 * plain decimal), except {@code tags}: Flickr's upload takes them space-separated, so a list is joined
 * with spaces and a tag that holds a space is quoted, as Flickr reads {@code "new york"}. Each tag is
 * itself converted by the same rules, and refused where a call's list element would be.
 */
final class UploadArguments {
    /** The arguments that take only some small integers, and what each value means, for messages. */
    private static final Map<String, List<String>> CHOICES = Map.of(
            "is_public", List.of("0 (no)", "1 (yes)"),
            "is_friend", List.of("0 (no)", "1 (yes)"),
            "is_family", List.of("0 (no)", "1 (yes)"),
            "async", List.of("0 (wait for the photo id)", "1 (answer with a ticket id)"),
            "safety_level", List.of("1 (Safe)", "2 (Moderate)", "3 (Restricted)"),
            "content_type", List.of("1 (Photo)", "2 (Screenshot)", "3 (Other)"),
            "hidden", List.of("1 (shown in global search)", "2 (hidden from public searches)"));

    private UploadArguments() {
    }

    /**
     * The arguments as names and strings, in the order given. Problems (a key that is not a name, an
     * unusable value, a value out of range, the file given as an argument) go to {@code problems}.
     */
    static Map<String, String> normalize(Map<?, ?> args, Problems problems) {
        Map<Object, Object> prepared = new LinkedHashMap<>();
        if (args != null) {
            args.forEach((key, value) -> prepared.put(key, isTags(key) ? spaceSeparated(value, problems) : value));
        }
        Map<String, String> given = ArgumentNormalizer.normalize(prepared, problems);
        if (given.containsKey("photo")) {
            problems.add("argument photo cannot be given: the file to upload is the path argument");
            given.remove("photo");
        }
        given.forEach((name, value) -> {
            List<String> choices = CHOICES.get(name);
            if (choices != null && choices.stream().noneMatch(c -> c.startsWith(value + " "))) {
                problems.add("argument " + name + " is '" + value + "'; give " + or(choices));
            }
        });
        return given;
    }

    private static boolean isTags(Object key) {
        return key != null && (key.toString().equals("tags") || key.toString().equals(":tags"));
    }

    /** A list of tags as Flickr's upload reads them: separated by spaces, a tag with a space in quotes. */
    private static Object spaceSeparated(Object value, Problems problems) {
        Object[] items;
        if (value instanceof Collection<?> c) {
            items = c.toArray();
        } else if (value != null && value.getClass().isArray()) {
            items = new Object[Array.getLength(value)];
            for (int i = 0; i < items.length; i++) {
                items[i] = Array.get(value, i);
            }
        } else {
            return value; // a string is sent as the caller wrote it
        }
        List<String> tags = new ArrayList<>();
        boolean usable = true; // every bad tag is reported, not only the first
        for (Object item : items) {
            // Each tag is converted as any call's list element is: toString() would send "Optional[x]" or "[B@1f".
            String text = ArgumentNormalizer.element("tags", item, problems);
            if (text == null) {
                usable = false;
                continue;
            }
            String tag = text.strip();
            if (tag.contains("\"")) {
                problems.add("tag '" + tag + "' holds a double quote, which Flickr's tag syntax cannot carry");
                usable = false;
            } else if (!tag.isEmpty()) {
                tags.add(tag.chars().anyMatch(Character::isWhitespace) ? '"' + tag + '"' : tag);
            }
        }
        if (!usable) {
            return null;
        }
        return String.join(" ", tags);
    }

    private static String or(List<String> choices) {
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }
}
