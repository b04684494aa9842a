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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The method table: every Flickr API method with its arguments, permissions, signing needs, paging,
 * error codes and example answer. Validation, signing, the HTTP verb, paging, help text and the
 * sandbox all read this one table.
 *
 * <p>The table shipped in the jar ({@link #bundled()}) is loaded once, lazily, on first use, and each
 * of its methods is parsed when first looked up. A user may load another table file
 * ({@link #load(Path)}), for instance one refreshed from Flickr; such a file is checked whole as it loads.
 * Lookup by full ({@code flickr.photos.search}) or short ({@code photos.search}) name is O(1).
 */
public final class MethodTable {
    /** Where the bundled table sits on the class path. */
    public static final String RESOURCE = "/org/flickrdynamic/methods.yaml";

    private final String origin;
    /** Full names, sorted; position k holds the name of {@code specs[k]}. */
    private final List<String> names;
    /** Full and short names to their position in {@link #names}. */
    private final Map<String, Integer> byName;
    /** The methods, each filled in when first needed (all at once when built from a list). */
    private final AtomicReferenceArray<MethodSpec> specs;
    /** Reads the method at a position of {@link #names}; null when every method was given. */
    private final IntFunction<MethodSpec> reader;
    /** Reads the part before the methods on first use; null when it was given. */
    private final Supplier<TableHeader> headerReader;
    private volatile TableHeader header;
    private volatile Set<Integer> temporaryCodes;
    private volatile List<MethodSpec> all;

    /**
     * Builds a table from already-parsed parts.
     *
     * @param origin       where the table came from (a file path or resource), for messages
     * @param methods      the methods; names must be unique
     * @param commonErrors the error codes every method shares, keyed by code
     */
    public MethodTable(String origin, List<MethodSpec> methods, Map<Integer, ErrorSpec> commonErrors) {
        this(origin, methods, commonErrors, 0, List.of());
    }

    /**
     * Builds a table from already-parsed parts, with the last page of paged methods and the upload endpoints.
     *
     * @param maxPage the last page Flickr serves of any paged method ({@code 0}: the table states none)
     * @param uploads the upload and replace endpoints, described as methods named {@code upload} and
     *                {@code replace}
     * @param origin where the table came from (a file path or resource), for messages
     * @param methods the methods; names must be unique
     * @param commonErrors the error codes every method shares, keyed by code
     */
    public MethodTable(String origin, List<MethodSpec> methods, Map<Integer, ErrorSpec> commonErrors, int maxPage,
                       List<MethodSpec> uploads) {
        List<MethodSpec> sorted = new ArrayList<>(methods);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        List<String> sortedNames = new ArrayList<>(sorted.size());
        for (MethodSpec m : sorted) {
            sortedNames.add(m.name());
        }
        this.origin = origin;
        this.names = List.copyOf(sortedNames);
        this.byName = index(origin, names);
        this.specs = new AtomicReferenceArray<>(sorted.toArray(new MethodSpec[0]));
        this.reader = null;
        this.headerReader = null;
        this.header = TableHeader.of(commonErrors, maxPage, uploads);
        this.all = List.copyOf(sorted);
    }

    /**
     * Builds a table whose methods are read on first use: the bundled table is known to be valid
     * (the build checks it), so a program that calls one method need not parse all the others.
     *
     * @param names        the full names, sorted and unique
     * @param reader       reads the method at a position of {@code names}
     * @param headerReader reads the part before the methods, needed only when an error is explained,
     *                     a walk is limited or a file uploaded
     */
    MethodTable(String origin, List<String> names, IntFunction<MethodSpec> reader, Supplier<TableHeader> headerReader) {
        this.origin = origin;
        this.names = List.copyOf(names);
        this.byName = index(origin, this.names);
        this.specs = new AtomicReferenceArray<>(names.size());
        this.reader = reader;
        this.headerReader = headerReader;
    }

    private static Map<String, Integer> index(String origin, List<String> names) {
        Map<String, Integer> index = new HashMap<>(names.size() * 4);
        for (int k = 0; k < names.size(); k++) {
            if (index.put(names.get(k), k) != null) {
                throw new IllegalArgumentException(origin + ": method " + names.get(k) + " is listed twice");
            }
        }
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            if (name.startsWith(MethodSpec.PREFIX)) {
                index.putIfAbsent(name.substring(MethodSpec.PREFIX.length()), k);
            }
        }
        return Collections.unmodifiableMap(index);
    }

    private MethodSpec spec(int k) {
        MethodSpec m = specs.get(k);
        if (m == null) {
            specs.compareAndSet(k, null, reader.apply(k));
            m = specs.get(k);
        }
        return m;
    }

    /**
     * The table shipped inside the jar, loaded on first use and then shared.
     *
     * @return the table shipped inside the jar, loaded on first use and then shared
     */
    public static MethodTable bundled() {
        return Bundled.TABLE;
    }

    /**
     * Loads a table file.
     *
     * @param file the table file
     * @return the table
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

    /**
     * Where this table came from: a file path or the bundled resource.
     *
     * @return where this table came from: a file path or the bundled resource
     */
    public String origin() {
        return origin;
    }

    /**
     * Finds a method by full name ({@code flickr.photos.search}) or short name ({@code photos.search}).
     * In the bundled table a method is parsed on its first lookup; should the jar's copy be damaged,
     * that lookup throws a {@link MethodTableException} naming the line.
     *
     * @param name {@code upload} or {@code replace}
     * @return the method, or empty when the table has no such method
     */
    public Optional<MethodSpec> find(String name) {
        Integer k = name == null ? null : byName.get(name);
        return k == null ? Optional.empty() : Optional.of(spec(k));
    }

    /**
     * Every method, sorted by name.
     *
     * @return every method, sorted by name
     */
    public List<MethodSpec> methods() {
        List<MethodSpec> list = all;
        if (list == null) {
            MethodSpec[] every = new MethodSpec[names.size()];
            for (int k = 0; k < every.length; k++) {
                every[k] = spec(k);
            }
            list = List.of(every);
            all = list;
        }
        return list;
    }

    /**
     * Every full method name, sorted.
     *
     * @return every full method name, sorted
     */
    public List<String> names() {
        return names;
    }

    private TableHeader header() {
        TableHeader h = header;
        if (h == null) {
            h = headerReader.get();
            header = h;
        }
        return h;
    }

    /**
     * The error codes every method shares (95-116 and the like), keyed by code.
     *
     * @return the error codes every method shares (95-116 and the like), keyed by code
     */
    public Map<Integer, ErrorSpec> commonErrors() {
        return header().commonErrors();
    }

    /**
     * The codes the table marks as temporary (105 Service currently unavailable, ...): Flickr failed for a
     * passing reason, so the same call may succeed when repeated.
     *
     * @return the codes the table marks as temporary (105 Service currently unavailable, ...)
     */
    public Set<Integer> temporaryErrorCodes() {
        Set<Integer> codes = temporaryCodes;
        if (codes == null) {
            Set<Integer> found = new TreeSet<>();
            for (ErrorSpec e : commonErrors().values()) {
                if (e.temporary()) {
                    found.add(e.code());
                }
            }
            codes = Set.copyOf(found);
            temporaryCodes = codes;
        }
        return codes;
    }

    /**
     * The last page Flickr serves of any paged method: a later page number answers this page again.
     *
     * @return the page number, or {@code 0} when the table states no such limit
     */
    public int maxPage() {
        return header().maxPage();
    }

    /**
     * Flickr's upload or replace endpoint described as a method: its URL, arguments and error codes.
     *
     * @param name {@code upload} or {@code replace}
     * @return Flickr's upload or replace endpoint described as a method: its URL, arguments and error codes
     */
    public Optional<MethodSpec> upload(String name) {
        return Optional.ofNullable(header().uploads().get(name));
    }

    /**
     * The upload endpoints the table describes ({@code upload}, {@code replace}), by name.
     *
     * @return the upload endpoints the table describes ({@code upload}, {@code replace}), by name
     */
    public Map<String, MethodSpec> uploads() {
        return header().uploads();
    }

    /**
     * The documentation of an error code for a method: the method's own first, then the common one.
     *
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @param code the error code
     * @return the documentation of an error code for a method: the method's own first, then the common one
     */
    public Optional<ErrorSpec> error(MethodSpec method, int code) {
        if (method != null) {
            for (ErrorSpec e : method.errors()) {
                if (e.code() == code) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.ofNullable(commonErrors().get(code));
    }

    /**
     * Every error a method may answer with: its own codes, then the common ones it does not redefine.
     *
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @return every error a method may answer with: its own codes, then the common ones it does not redefine
     */
    public List<ErrorSpec> errors(MethodSpec method) {
        Map<Integer, ErrorSpec> all = new LinkedHashMap<>();
        for (ErrorSpec e : method.errors()) {
            all.put(e.code(), e);
        }
        for (ErrorSpec e : commonErrors().values()) {
            all.putIfAbsent(e.code(), e);
        }
        return List.copyOf(all.values());
    }

    @Override
    public String toString() {
        return "MethodTable[" + origin + ", " + names.size() + " methods]";
    }

    /** Holder idiom: the bundled table is parsed on first use, once, thread-safely. */
    private static final class Bundled {
        static final MethodTable TABLE = loadBundled();

        private static MethodTable loadBundled() {
            String origin = "classpath:" + RESOURCE;
            try (InputStream in = MethodTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new MethodTableException(origin, 0, "is missing from the jar");
                }
                byte[] yaml = in.readAllBytes();
                MethodTable compact = CompactTable.read(compactForm(), yaml, origin);
                return compact != null ? compact : LazyTableReader.read(yaml, origin);
            } catch (IOException e) {
                throw new MethodTableException(origin, 0, "cannot be read");
            }
        }

        /** The build's compact form of the bundled table, or null when the jar has none. */
        private static byte[] compactForm() throws IOException {
            try (InputStream in = MethodTable.class.getResourceAsStream(CompactTable.RESOURCE)) {
                return in == null ? null : in.readAllBytes();
            }
        }
    }
}
