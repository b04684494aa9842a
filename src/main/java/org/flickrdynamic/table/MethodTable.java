package org.flickrdynamic.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The method table: every Flickr API method with its arguments, permissions, signing needs, paging,
 * error codes and example answer. Validation, signing, the HTTP verb, paging, help text and the
 * sandbox all read this one table.
 *
 * <p>The table shipped in the jar ({@link #bundled()}) is loaded once, lazily, on first use. A user
 * may load another table file ({@link #load(Path)}), for instance one refreshed from Flickr.
 * Lookup by full ({@code flickr.photos.search}) or short ({@code photos.search}) name is O(1).
 */
public final class MethodTable {
    /** Where the bundled table sits on the class path. */
    public static final String RESOURCE = "/org/flickrdynamic/methods.yaml";

    private final String origin;
    private final List<MethodSpec> methods;
    private final Map<String, MethodSpec> byName;
    private final Map<Integer, ErrorSpec> commonErrors;

    /**
     * Builds a table from already-parsed parts.
     *
     * @param origin       where the table came from (a file path or resource), for messages
     * @param methods      the methods; names must be unique
     * @param commonErrors the error codes every method shares, keyed by code
     */
    public MethodTable(String origin, List<MethodSpec> methods, Map<Integer, ErrorSpec> commonErrors) {
        this.origin = origin;
        List<MethodSpec> sorted = new ArrayList<>(methods);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        this.methods = List.copyOf(sorted);
        Map<String, MethodSpec> index = new HashMap<>(methods.size() * 4);
        for (MethodSpec m : sorted) {
            if (index.put(m.name(), m) != null) {
                throw new IllegalArgumentException(origin + ": method " + m.name() + " is listed twice");
            }
            index.putIfAbsent(m.shortName(), m);
        }
        this.byName = Collections.unmodifiableMap(index);
        this.commonErrors = Collections.unmodifiableMap(new TreeMap<>(commonErrors));
    }

    /** The table shipped inside the jar, loaded on first use and then shared. */
    public static MethodTable bundled() {
        return Bundled.TABLE;
    }

    /**
     * Loads a table file.
     *
     * @throws MethodTableException naming the file (and the line, where the fault has one) when the
     *                              file is missing, unreadable or not a valid method table
     */
    public static MethodTable load(Path file) {
        String origin = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return MethodTableLoader.load(in, origin);
        } catch (NoSuchFileException e) {
            throw new MethodTableException(origin, 0, "no such file");
        } catch (IOException e) {
            throw new MethodTableException(origin, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Where this table came from: a file path or the bundled resource. */
    public String origin() {
        return origin;
    }

    /** Finds a method by full name ({@code flickr.photos.search}) or short name ({@code photos.search}). */
    public Optional<MethodSpec> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** Every method, sorted by name. */
    public List<MethodSpec> methods() {
        return methods;
    }

    /** Every full method name, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>(methods.size());
        for (MethodSpec m : methods) {
            names.add(m.name());
        }
        return names;
    }

    /** The error codes every method shares (95-116 and the like), keyed by code. */
    public Map<Integer, ErrorSpec> commonErrors() {
        return commonErrors;
    }

    /** The documentation of an error code for a method: the method's own first, then the common one. */
    public Optional<ErrorSpec> error(MethodSpec method, int code) {
        if (method != null) {
            for (ErrorSpec e : method.errors()) {
                if (e.code() == code) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.ofNullable(commonErrors.get(code));
    }

    /** Every error a method may answer with: its own codes, then the common ones it does not redefine. */
    public List<ErrorSpec> errors(MethodSpec method) {
        Map<Integer, ErrorSpec> all = new LinkedHashMap<>();
        for (ErrorSpec e : method.errors()) {
            all.put(e.code(), e);
        }
        for (ErrorSpec e : commonErrors.values()) {
            all.putIfAbsent(e.code(), e);
        }
        return List.copyOf(all.values());
    }

    @Override
    public String toString() {
        return "MethodTable[" + origin + ", " + methods.size() + " methods]";
    }

    /** Holder idiom: the bundled table is parsed on first use, once, thread-safely. */
    private static final class Bundled {
        static final MethodTable TABLE = loadBundled();

        private static MethodTable loadBundled() {
            try (InputStream in = MethodTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new MethodTableException("classpath:" + RESOURCE, 0, "is missing from the jar");
                }
                return MethodTableLoader.load(in, "classpath:" + RESOURCE);
            } catch (IOException e) {
                throw new MethodTableException("classpath:" + RESOURCE, 0, "cannot be read");
            }
        }
    }
}
