package org.flickrdynamic.generator;

import static org.flickrdynamic.generator.ApiReference.as;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Facts about Flickr that neither source of the table states, each with where it comes from: the
 * generator's data file {@value #RESOURCE}. Common codes Flickr added after the seed was written, the
 * temporary codes, codes Flickr sends though undocumented, reads that change state, result and page
 * caps, and the upload endpoints.
 *
 * @param commonErrors        common codes the seed lacks, by code
 * @param temporaryCodes      the codes that report a passing failure
 * @param observedErrors      undocumented codes per method name
 * @param changesStateOnRead  the reads that change state
 * @param maxResults          result caps per method name
 * @param maxPage             the last page Flickr serves
 * @param uploads             the upload and replace endpoints as methods
 */
record FlickrFacts(Map<Integer, ErrorSpec> commonErrors, Set<Integer> temporaryCodes,
                   Map<String, List<ErrorSpec>> observedErrors, Set<String> changesStateOnRead,
                   Map<String, Integer> maxResults, int maxPage, List<MethodSpec> uploads) {
    /** The class-path resource, beside this class. */
    static final String RESOURCE = "flickr-facts.yaml";
    /** The source name of codes from the seed manual. */
    static final String SEED = "seed";
    /** The source name of codes from the recorded reflection answers ({@link RecordedReflection}). */
    static final String REFLECTION = "reflection";

    /** Reads the bundled data file. */
    static FlickrFacts bundled() {
        return parse(RESOURCE, Resources.text(RESOURCE));
    }

    /**
     * Reads the YAML text.
     *
     * @throws IllegalArgumentException naming the file and the entry when the shape is not as expected
     */
    static FlickrFacts parse(String file, String yaml) {
        Map<?, ?> top = as(Map.class, new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), file);
        Map<Integer, ErrorSpec> common = new TreeMap<>();
        for (Map<?, ?> e : entries(top, "common_errors", file)) {
            ErrorSpec spec = error(e, file + ": common_errors");
            common.put(spec.code(), spec);
        }
        Set<Integer> temporary = new TreeSet<>();
        for (Map<?, ?> e : entries(top, "temporary_errors", file)) {
            as(String.class, e.get("source"), file + ": temporary_errors: source");
            temporary.add(as(Integer.class, e.get("code"), file + ": temporary_errors: code"));
        }
        Map<String, List<ErrorSpec>> observed = new TreeMap<>();
        for (Map<?, ?> e : entries(top, "observed_errors", file)) {
            String method = as(String.class, e.get("method"), file + ": observed_errors: method");
            observed.computeIfAbsent(method, m -> new ArrayList<>()).add(error(e, file + ": observed_errors: " + method));
        }
        Set<String> stateful = new TreeSet<>();
        for (Map<?, ?> e : entries(top, "changes_state_on_read", file)) {
            as(String.class, e.get("source"), file + ": changes_state_on_read: source");
            stateful.add(as(String.class, e.get("method"), file + ": changes_state_on_read: method"));
        }
        Map<String, Integer> caps = new TreeMap<>();
        for (Map<?, ?> e : entries(top, "max_results", file)) {
            as(String.class, e.get("source"), file + ": max_results: source");
            caps.put(as(String.class, e.get("method"), file + ": max_results: method"),
                    as(Integer.class, e.get("value"), file + ": max_results: value"));
        }
        Map<?, ?> page = as(Map.class, top.get("max_page"), file + ": max_page");
        as(String.class, page.get("source"), file + ": max_page: source");
        List<MethodSpec> uploads = new ArrayList<>();
        for (Map<?, ?> u : entries(top, "uploads", file)) {
            uploads.add(upload(u, file));
        }
        return new FlickrFacts(common, temporary, observed, stateful, caps,
                as(Integer.class, page.get("value"), file + ": max_page: value"), uploads);
    }

    FlickrFacts {
        commonErrors = Collections.unmodifiableMap(new TreeMap<>(commonErrors));
        temporaryCodes = Set.copyOf(temporaryCodes);
        observedErrors = Collections.unmodifiableMap(new LinkedHashMap<>(observedErrors));
        changesStateOnRead = Set.copyOf(changesStateOnRead);
        maxResults = Collections.unmodifiableMap(new TreeMap<>(maxResults));
        uploads = List.copyOf(uploads);
    }

    /** An upload endpoint: a write that needs login and signing, sent as a multipart POST. */
    private static MethodSpec upload(Map<?, ?> u, String file) {
        String name = as(String.class, u.get("name"), file + ": uploads: name");
        String where = file + ": uploads: " + name;
        String source = as(String.class, u.get("source"), where + ": source");
        List<ArgumentSpec> args = new ArrayList<>();
        for (Object o : as(List.class, u.get("arguments"), where + ": arguments")) {
            Map<?, ?> a = as(Map.class, o, where + ": an argument");
            args.add(new ArgumentSpec(as(String.class, a.get("name"), where + ": argument name"),
                    Boolean.TRUE.equals(a.get("required")), as(String.class, a.get("description"), where + ": argument description")));
        }
        List<ErrorSpec> errors = new ArrayList<>();
        for (Object o : as(List.class, u.get("errors"), where + ": errors")) {
            ErrorSpec e = error(as(Map.class, o, where + ": an error"), where);
            errors.add(e.source() == null ? e.withSource(source) : e);
        }
        return new MethodSpec(name, as(String.class, u.get("description"), where + ": description"), Source.API,
                true, true, Permission.WRITE, "POST", args, null, errors,
                as(String.class, u.get("example"), where + ": example"), null, false, false, false, 0,
                as(String.class, u.get("endpoint"), where + ": endpoint"));
    }

    private static ErrorSpec error(Map<?, ?> e, String where) {
        int code = as(Integer.class, e.get("code"), where + ": code");
        Object source = e.get("source");
        return new ErrorSpec(code, as(String.class, e.get("message"), where + ": " + code + ": message"),
                as(String.class, e.get("explanation"), where + ": " + code + ": explanation"),
                source == null ? null : as(String.class, source, where + ": " + code + ": source"), false);
    }

    private static List<Map<?, ?>> entries(Map<?, ?> top, String key, String file) {
        List<Map<?, ?>> list = new ArrayList<>();
        for (Object o : as(List.class, top.get(key), file + ": " + key)) {
            list.add(as(Map.class, o, file + ": an entry of " + key));
        }
        return list;
    }
}
