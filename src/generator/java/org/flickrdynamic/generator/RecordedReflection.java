package org.flickrdynamic.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.table.ErrorSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.flickrdynamic.generator.ApiReference.as;

/**
 * Flickr's own {@code flickr.reflection.getMethodInfo} answers as a public project recorded them
 * ({@value #RESOURCE}): per method, whether Flickr said it must be signed, and its error codes. The
 * current API's snapshot lists no error codes; these answers list every method's. The resource's
 * "source" line says where they were recorded.
 *
 * @param source  where the answers were recorded
 * @param methods per method name, what its answer said
 */
record RecordedReflection(String source, Map<String, Recorded> methods) {
    /** The class-path resource, beside this class. */
    static final String RESOURCE = "recorded-reflection-2016.json";

    RecordedReflection {
        methods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }

    /** One method's answer: its needssigning flag and its codes (the API-wide ones left out). */
    record Recorded(boolean needsSigning, List<ErrorSpec> errors) {
        Recorded {
            errors = List.copyOf(errors);
        }
    }

    /** Reads the bundled resource. */
    static RecordedReflection bundled() {
        return parse(RESOURCE, Resources.text(RESOURCE));
    }

    /**
     * Reads the JSON text.
     *
     * @throws IllegalArgumentException naming the file and the method when the shape is not as expected
     */
    static RecordedReflection parse(String file, String json) {
        Map<?, ?> top = as(Map.class, new Yaml(new SafeConstructor(new LoaderOptions())).load(json), file + ": top level");
        Map<String, Recorded> methods = new LinkedHashMap<>();
        for (Object o : as(List.class, top.get("methods"), file + ": methods")) {
            Map<?, ?> m = as(Map.class, o, file + ": a method");
            String name = as(String.class, m.get("name"), file + ": a method's name");
            String where = file + ": " + name;
            List<ErrorSpec> errors = new ArrayList<>();
            for (Object e : as(List.class, m.get("errors"), where + ": errors")) {
                Map<?, ?> err = as(Map.class, e, where + ": an error");
                String explanation = as(String.class, err.get("explanation"), where + ": an error's explanation");
                errors.add(new ErrorSpec(as(Integer.class, err.get("code"), where + ": an error's code"),
                        as(String.class, err.get("message"), where + ": an error's message"),
                        explanation.isBlank() ? null : explanation, FlickrFacts.REFLECTION, false));
            }
            if (methods.put(name, new Recorded(as(Boolean.class, m.get("needssigning"), where + ": needssigning"),
                    errors)) != null) {
                throw new IllegalArgumentException(where + ": listed twice");
            }
        }
        return new RecordedReflection(as(String.class, top.get("source"), file + ": source"), methods);
    }
}
