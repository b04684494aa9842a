package org.flickrdynamic.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.internal.table.MethodTableWriter;

/** Writes the generated table as methods.yaml, through the library's {@link MethodTableWriter}. */
final class YamlWriter {
    private YamlWriter() {
    }

    /** The whole file: header comment, then format, sources, common_errors and methods. */
    static String write(GeneratedTable table, List<String> header) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("seed", table.seedSource());
        sources.put("api", table.apiSource());
        sources.put("reflection", table.reflectionSource());
        sources.put("facts", "src/generator/resources/org/flickrdynamic/generator/" + FlickrFacts.RESOURCE
                + ": facts neither source states; each entry that comes from it cites its own evidence");
        return MethodTableWriter.write(header, sources, table.commonErrors(), table.maxPage(), table.uploads(),
                table.methods());
    }

    /** One string as YAML; see {@link MethodTableWriter#scalar}. */
    static String scalar(String s, int indent) {
        return MethodTableWriter.scalar(s, indent);
    }
}
