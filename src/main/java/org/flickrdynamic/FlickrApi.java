package org.flickrdynamic;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.flickrdynamic.internal.request.Suggestions;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * The Flickr API as a tree, for dotted calls from dynamic languages: a group of methods
 * ({@code flickr.}, {@code flickr.photos.}, {@code flickr.photos.comments.} ...) as a read-only map from
 * the next part of a name to a smaller group or to a {@link FlickrMethod}. Made by {@link Flickr#api()}
 * and {@link FlickrClient#api()}.
 *
 * <pre>{@code
 * // Groovy: a map's entries are its properties, and a property holding a callable object can be called
 * Flickr.api().photos.search(tags: 'cat', per_page: 5)
 * // JavaScript (Nashorn): the same, with the arguments as an object
 * Flickr.api().photos.search({tags: 'cat', per_page: 5})
 * // JRuby: index the map, then call
 * Flickr.api['photos']['search'].(tags: 'cat', per_page: 5)
 * // Clojure
 * (.call (get-in (Flickr/api) ["photos" "search"]) {:tags "cat" :per_page 5})
 * // Java
 * Flickr.method("photos.search").call("tags", "cat")
 * }</pre>
 *
 * <p>Unlike an ordinary map, {@link #get(Object)} of a name the group does not have fails with a
 * {@link FlickrArgumentException} suggesting the nearest names, so a typo says what is wrong instead of
 * ending in a null. The map cannot be changed; {@link #remove(Object)} on a group that has a method
 * called {@code remove} ({@code flickr.favorites.remove}, {@code flickr.groups.pools.remove}) calls it,
 * so {@code api.favorites.remove(photo_id: '1')} does what it says. Immutable and thread-safe.
 */
public final class FlickrApi extends AbstractMap<String, Object> {
    private final String prefix;
    private final MethodTable table;
    private final Supplier<FlickrClient> client;
    private volatile Map<String, Object> children;

    FlickrApi(String prefix, MethodTable table, Supplier<FlickrClient> client) {
        this.prefix = prefix;
        this.table = table;
        this.client = client;
    }

    /**
     * The start every method name of this group shares, e.g. {@code flickr.photos.}.
     *
     * @return the prefix, e.g. {@code flickr.photos.}
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The subgroup or method of this name: {@code get("photos")} of the root is the group
     * {@code flickr.photos.}, whose {@code get("search")} is the method {@code flickr.photos.search}.
     *
     * @throws FlickrArgumentException when the group has no such name (with the nearest ones)
     */
    @Override
    public Object get(Object name) {
        Object child = name == null ? null : children().get(name.toString());
        if (child == null) {
            throw new FlickrArgumentException(null, unknown(String.valueOf(name)));
        }
        return child;
    }

    @Override
    public boolean containsKey(Object name) {
        return name != null && children().containsKey(name.toString());
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return children().entrySet();
    }

    /**
     * Calls this group's method named {@code remove} with {@code args} (a map of arguments, or
     * {@code null}); the map itself cannot be changed.
     *
     * @throws UnsupportedOperationException when the group has no method called {@code remove}
     */
    @Override
    public Object remove(Object args) {
        if (children().get("remove") instanceof FlickrMethod m) {
            return m.call(args == null ? Map.of() : asArguments(m, args));
        }
        throw new UnsupportedOperationException("the Flickr API map " + prefix + " cannot be changed");
    }

    private static Map<?, ?> asArguments(FlickrMethod m, Object args) {
        if (args instanceof Map<?, ?> map) {
            return map;
        }
        throw new FlickrArgumentException(m.name(), "give the arguments as a map, not a "
                + args.getClass().getSimpleName());
    }

    /** The group's prefix and what it holds, e.g. {@code flickr.photos.: comments, geo, ..., search, ...}. */
    @Override
    public String toString() {
        return prefix + " " + children().keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    private Map<String, Object> children() {
        Map<String, Object> c = children;
        if (c == null) {
            // Built on first look: the bundled table is parsed per method, and most scripts touch a few groups.
            TreeMap<String, Object> m = new TreeMap<>();
            for (String name : table.names()) {
                if (!name.startsWith(prefix)) {
                    continue;
                }
                String rest = name.substring(prefix.length());
                int dot = rest.indexOf('.');
                if (dot < 0) {
                    MethodSpec spec = table.find(name).orElseThrow();
                    m.putIfAbsent(rest, new FlickrMethod(spec, table, client));
                } else {
                    String group = rest.substring(0, dot);
                    m.computeIfAbsent(group, g -> new FlickrApi(prefix + g + ".", table, client));
                }
            }
            c = Collections.unmodifiableMap(m);
            children = c;
        }
        return c;
    }

    private String unknown(String name) {
        List<String> near = Suggestions.closest(name, List.copyOf(children().keySet()), 3);
        near.replaceAll(n -> prefix + n);
        return prefix + name + " is neither a method nor a group of methods"
                + (near.isEmpty() ? "; " + prefix + " holds " + String.join(", ", children().keySet())
                : "; did you mean " + String.join(", ", near) + "?");
    }
}
