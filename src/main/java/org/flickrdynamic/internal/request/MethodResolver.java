package org.flickrdynamic.internal.request;

import java.util.ArrayList;
import java.util.List;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/** Looks a method up in the table by full or short name; an unknown name fails with the nearest names. */
public final class MethodResolver {
    private MethodResolver() {
    }

    /**
     * The method named {@code name} ({@code flickr.photos.search} or {@code photos.search}).
     *
     * @throws FlickrArgumentException for a missing or unknown name, suggesting the nearest ones
     */
    public static MethodSpec resolve(MethodTable table, String name) {
        if (name == null || name.isBlank()) {
            throw new FlickrArgumentException(null, "no method named: give one such as flickr.test.echo");
        }
        String trimmed = name.strip();
        return table.find(trimmed).orElseThrow(() -> new FlickrArgumentException(trimmed, unknown(table, trimmed)));
    }

    private static String unknown(MethodTable table, String name) {
        String full = name.startsWith(MethodSpec.PREFIX) ? name : MethodSpec.PREFIX + name;
        List<String> near = Suggestions.closest(full, table.names(), 3);
        if (near.isEmpty()) {
            // A wrong group is far in edit distance but often has the right last word: photos.getInfo
            // typed as photo.getInfo is caught above; people.getInfo typed as user.getInfo is caught here.
            String last = full.substring(full.lastIndexOf('.') + 1);
            near = new ArrayList<>();
            for (String n : table.names()) {
                if (n.endsWith("." + last) && near.size() < 3) {
                    near.add(n);
                }
            }
        }
        String hint = near.isEmpty() ? "; see Flickr.methods() for the list" : "; did you mean " + String.join(", ", near) + "?";
        return "unknown method " + name + hint;
    }
}
