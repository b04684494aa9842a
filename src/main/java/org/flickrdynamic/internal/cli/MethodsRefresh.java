package org.flickrdynamic.internal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.table.MethodTableWriter;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.MethodTableException;

/**
 * {@code flickr methods refresh}: rebuilds a method table from a live endpoint's
 * {@code flickr.reflection.getMethods} and {@code flickr.reflection.getMethodInfo}, in the methods.yaml
 * format. The live answers decide names, descriptions, arguments, required flags, login, signing,
 * permission and error codes. What Flickr's reflection does not tell (paging, example answers,
 * explanations, the HTTP verb, the common error codes and which are temporary, result and page caps,
 * reads that change state, the upload endpoints) is read from the extra attributes a sandbox adds, else
 * kept from the bundled table, so a refresh loses nothing the bundled table knew.
 *
 * <p>Real answers are not always tidy. A method whose getMethodInfo fails or cannot be read is left out
 * (its bundled entry kept, when there is one) and the others are written; an argument listed twice, a
 * missing description and unknown fields are read past. Each is reported in {@link Result#warnings()}.
 * Only when no method at all can be read does the refresh fail, writing nothing.
 */
final class MethodsRefresh {
    /** getMethodInfo calls in flight at once: quicker than one by one, still polite to Flickr. */
    private static final int PARALLEL = 4;

    private final FlickrClient client;
    private final MethodTable bundled;

    /** What a refresh produced: the file's text, a one-line summary and what it read past. */
    record Result(String yaml, String summary, List<String> warnings) {
        Result {
            warnings = List.copyOf(warnings);
        }
    }

    MethodsRefresh(FlickrClient client, MethodTable bundled) {
        this.client = client;
        this.bundled = bundled;
    }

    Result run() {
        List<String> names = new ArrayList<>();
        Element methods = client.call("flickr.reflection.getMethods").element("methods");
        if (methods == null) {
            throw new FlickrTransportException("flickr.reflection.getMethods answered without a <methods> element",
                    0, false, null);
        }
        for (Element m : methods.elements("method")) {
            names.add(m.getTextTrim());
        }
        List<String> warnings = new ArrayList<>();
        Map<String, Element> infos = fetchAll(names, warnings);
        Result result = build(names, infos, warnings);
        checkLoads(result.yaml());
        return result;
    }

    private Result build(List<String> names, Map<String, Element> infos, List<String> warnings) {
        Map<Integer, ErrorSpec> common = new LinkedHashMap<>(bundled.commonErrors());
        for (Element info : infos.values()) {
            for (Element e : MethodInfoReader.errors(info)) {
                if ("1".equals(e.attributeValue("common"))) {
                    try {
                        ErrorSpec spec = MethodInfoReader.error(MethodInfoReader.name(info), e);
                        ErrorSpec known = common.get(spec.code());
                        // Whether a code is temporary is the bundled table's fact when the answer does not say.
                        common.put(spec.code(), e.attributeValue("temporary") == null && known != null && known.temporary()
                                ? new ErrorSpec(spec.code(), spec.message(), spec.explanation(), spec.source(), true) : spec);
                    } catch (IllegalArgumentException unreadable) {
                        // The method's own reading below reports it.
                    }
                }
            }
        }
        MethodInfoReader reader = new MethodInfoReader(warnings::add);
        List<MethodSpec> specs = new ArrayList<>();
        String firstProblem = null;
        int kept = 0;
        int read = 0;
        for (String name : names) {
            MethodSpec before = bundled.find(name).filter(s -> s.name().equals(name)).orElse(null);
            Element info = infos.get(name);
            MethodSpec spec = null;
            if (info != null) {
                try {
                    spec = reader.read(info, before, common);
                    read++;
                } catch (IllegalArgumentException e) {
                    firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
                    warnings.add(name + ": its getMethodInfo answer cannot be read (" + e.getMessage() + "); "
                            + (before != null ? "the bundled table's entry is kept" : "it is left out"));
                }
            }
            if (spec == null) {
                spec = before;
            } else if (before != null && (spec.exampleResponse() != null && info.element("method").element("response") == null
                    || spec.paging() != null && info.element("method").attributeValue("paginglist") == null)) {
                kept++;
            }
            if (spec != null && specs.stream().noneMatch(s -> s.name().equals(name))) {
                specs.add(spec);
            }
        }
        reader.reportUnknownFields();
        if (read == 0) {
            throw new FlickrTransportException("The reflection answers from " + client.endpoint()
                    + " cannot be made into a method table: " + (firstProblem != null ? firstProblem
                    : warnings.isEmpty() ? "flickr.reflection.getMethods listed no methods" : warnings.get(0)), 0, false, null);
        }
        specs.sort((a, b) -> a.name().compareTo(b.name()));
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("api", "flickr.reflection.getMethods and getMethodInfo at " + client.endpoint());
        sources.put("bundled", "flickr-dynamic's bundled table, for what the answers lack");
        String yaml = MethodTableWriter.write(List.of(
                "The Flickr API method table, rebuilt by `flickr methods refresh` from " + client.endpoint() + ".",
                "Paging, examples and explanations the live answers lack are kept from the bundled table.",
                "Load it with FlickrClient.builder().methodTable(Path.of(\"this file\"))."),
                sources, List.copyOf(common.values()), bundled.maxPage(), List.copyOf(bundled.uploads().values()), specs);
        return new Result(yaml, read + " methods from " + client.endpoint() + "; " + kept
                + " kept paging or examples from the bundled table"
                + (warnings.isEmpty() ? "" : "; " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")),
                warnings);
    }

    /** The rebuilt table must load as any table does, or no file is written. */
    private void checkLoads(String yaml) {
        try {
            Path probe = Files.createTempFile("flickr-methods-", ".yaml");
            try {
                Files.writeString(probe, yaml);
                MethodTable.load(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (MethodTableException e) {
            throw new FlickrTransportException("The table rebuilt from " + client.endpoint() + " would not load ("
                    + e.problems().get(0) + "), so nothing was written", 0, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the rebuilt table in a temporary file", e);
        }
    }

    /**
     * Every method's getMethodInfo answer by name; a method whose call fails is missing, with a warning.
     * A refresh that cannot reach the endpoint at all fails as the first call did.
     */
    private Map<String, Element> fetchAll(List<String> names, List<String> warnings) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "methods-refresh");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Element>> answers = new LinkedHashMap<>();
            for (String name : names) {
                answers.putIfAbsent(name, pool.submit(() -> client.call("flickr.reflection.getMethodInfo", "method_name", name)));
            }
            Map<String, Element> infos = new LinkedHashMap<>();
            FlickrException firstFailure = null;
            for (Map.Entry<String, Future<Element>> a : answers.entrySet()) {
                try {
                    infos.put(a.getKey(), a.getValue().get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof FlickrException fe)) {
                        throw new FlickrTransportException("getMethodInfo failed: " + e.getCause(), 0, false, e.getCause());
                    }
                    firstFailure = firstFailure == null ? fe : firstFailure;
                    warnings.add(a.getKey() + ": getMethodInfo failed (" + fe.getMessage() + "); "
                            + (bundled.find(a.getKey()).isPresent() ? "the bundled table's entry is kept" : "it is left out"));
                }
            }
            if (infos.isEmpty() && firstFailure != null) {
                throw firstFailure;
            }
            return infos;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlickrTransportException("interrupted", 0, false, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
