package org.flickrdynamic.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The 2023 API list read as plain maps (JSON is YAML), for tests that check the table against it. */
public final class ApiList {
    private ApiList() {
    }

    /** Every method's JSON object, by name. */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> read() throws IOException {
        try (Reader r = Files.newBufferedReader(SharedFolder.api(), StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
            for (Map<String, Object> m : (List<Map<String, Object>>) root.get("methods")) {
                byName.put((String) m.get("name"), m);
            }
            return byName;
        }
    }

    /** A method's arguments, name to required, in the file's order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Boolean> arguments(Map<String, Object> method) {
        Map<String, Boolean> args = new LinkedHashMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) method.get("arguments")) {
            args.put((String) a.get("name"), (Boolean) a.get("required"));
        }
        return args;
    }
}
