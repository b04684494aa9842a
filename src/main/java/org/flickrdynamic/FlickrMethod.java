package org.flickrdynamic;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.dom4j.Element;
import org.flickrdynamic.internal.table.HelpText;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * One Flickr API method as a value: it can be called, knows its entry in the method table, and
 * documents itself. Made by {@link Flickr#method(String)} (calls use the current settings at the time
 * of the call) or {@link FlickrClient#method(String)} (calls go through that client).
 *
 * <pre>{@code
 * FlickrMethod search = Flickr.method("photos.search");
 * search                                         // flickr.photos.search([user_id], [tags], ...) [no login, GET, paged]
 * System.out.println(search.help());             // arguments, permission, errors (photos.search has no example)
 * Element rsp = search.call(Map.of("tags", "cat", "per_page", 5));
 * Element same = search.call("tags", "cat", "per_page", 5);
 * }</pre>
 *
 * <p>From other JVM languages: Groovy calls it like a closure ({@code search(tags: 'cat')}); JavaScript
 * (Nashorn) like a function ({@code search({tags: 'cat'})}), since it is a {@link Function} of the
 * arguments; JRuby with {@code search.(tags: 'cat')} or {@code search.call(...)}; Clojure with
 * {@code (.call search {:tags "cat"})}. Immutable and thread-safe.
 */
public final class FlickrMethod implements Function<Map<?, ?>, Element> {
    private final MethodSpec spec;
    private final MethodTable table;
    private final Supplier<FlickrClient> client;

    FlickrMethod(MethodSpec spec, MethodTable table, Supplier<FlickrClient> client) {
        this.spec = spec;
        this.table = table;
        this.client = client;
    }

    /**
     * Calls the method with these arguments, converted as {@link FlickrClient#call(String, Map)} describes.
     *
     * @param args the arguments by name; {@code null} values are left out
     * @return the {@code <rsp stat="ok">} element
     */
    public Element call(Map<?, ?> args) {
        return client.get().call(spec.name(), args);
    }

    /**
     * Calls the method with arguments as alternating keys and values: {@code call("tags", "cat", "page", 2)}.
     *
     * @param keysAndValues the arguments as name, value, name, value ...
     * @return the {@code <rsp stat="ok">} element of the answer
     */
    public Element call(Object... keysAndValues) {
        return client.get().call(spec.name(), keysAndValues);
    }

    /** The same as {@link #call(Map)}: lets the method be passed where a function is wanted. */
    @Override
    public Element apply(Map<?, ?> args) {
        return call(args);
    }

    /**
     * The full name, e.g. {@code flickr.photos.search}.
     *
     * @return the full name, e.g. {@code flickr.photos.search}
     */
    public String name() {
        return spec.name();
    }

    /**
     * Everything the method table says about the method.
     *
     * @return everything the method table says about the method
     */
    public MethodSpec spec() {
        return spec;
    }

    /**
     * The method's documentation: description, arguments (required ones marked), login, signing, errors,
     * and the example answer when the table has one.
     *
     * @return the method's documentation
     */
    public String help() {
        return HelpText.of(table, spec);
    }

    /** A one-line signature, e.g. {@code flickr.photos.delete(photo_id) [login: delete, signed, POST]}. */
    @Override
    public String toString() {
        return HelpText.signature(spec);
    }
}
