package org.flickrdynamic.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.Permission;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The current API's method list (a {@code flickr.reflection} snapshot in JSON): its "source" line and,
 * per method, name, description, required permission and arguments.
 *
 * @param source  the snapshot's own description of where it came from
 * @param methods the methods by full name, in the file's order
 */
record ApiReference(String source, Map<String, ApiMethod> methods) {

    ApiReference {
        methods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }

    /** One method as the current API describes it; arguments as listed, implicit ones included. */
    record ApiMethod(String name, String description, Permission permission, List<ArgumentSpec> arguments) {
        ApiMethod {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Reads the JSON text. JSON is YAML, so SnakeYAML's safe loader reads it; no other parser is needed.
     *
     * @throws IllegalArgumentException naming the file and the method when the shape is not as expected
     */
    static ApiReference parse(String file, String json) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
        Map<?, ?> top = as(Map.class, root, file + ": top level");
        Map<String, ApiMethod> methods = new LinkedHashMap<>();
        for (Object o : as(List.class, top.get("methods"), file + ": methods")) {
            Map<?, ?> m = as(Map.class, o, file + ": a method");
            String name = as(String.class, m.get("name"), file + ": a method's name");
            String where = file + ": " + name;
            List<ArgumentSpec> args = new ArrayList<>();
            for (Object a : as(List.class, m.get("arguments"), where + ": arguments")) {
                Map<?, ?> arg = as(Map.class, a, where + ": an argument");
                args.add(new ArgumentSpec(
                        as(String.class, arg.get("name"), where + ": argument name"),
                        as(Boolean.class, arg.get("required"), where + ": argument required"),
                        as(String.class, arg.get("description"), where + ": argument description")));
            }
            Permission perm = Permission.fromWord(as(String.class, m.get("requiredperms"), where + ": requiredperms"));
            ApiMethod method = new ApiMethod(name, as(String.class, m.get("description"), where + ": description"),
                    perm, args);
            if (methods.put(name, method) != null) {
                throw new IllegalArgumentException(where + ": listed twice");
            }
        }
        return new ApiReference(as(String.class, top.get("source"), file + ": source"), methods);
    }

    /** The value as a {@code type}, or an error naming {@code what} and what was found instead. */
    static <T> T as(Class<T> type, Object value, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(what + ": expected " + type.getSimpleName() + ", found "
                    + (value == null ? "nothing" : value.getClass().getSimpleName()));
        }
        return type.cast(value);
    }
}
