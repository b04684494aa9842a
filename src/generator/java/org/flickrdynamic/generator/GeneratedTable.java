package org.flickrdynamic.generator;

import java.util.List;

import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;

/**
 * The method table as the generator builds it, before it is written as YAML.
 *
 * @param seedSource   one line describing the seed manual
 * @param apiSource    the API snapshot's own "source" line
 * @param commonErrors the error codes every method shares, by code
 * @param methods      every method, sorted by name
 * @param notes        where the two sources disagreed and how the table resolved it, for the reviewer
 */
record GeneratedTable(String seedSource, String apiSource, List<ErrorSpec> commonErrors,
                      List<MethodSpec> methods, List<String> notes) {
    GeneratedTable {
        commonErrors = List.copyOf(commonErrors);
        methods = List.copyOf(methods);
        notes = List.copyOf(notes);
    }
}
