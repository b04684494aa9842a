package org.flickrdynamic.generator;

import java.util.List;
import java.util.Map;

import org.flickrdynamic.table.ErrorSpec;

/**
 * What the seed manual (the Scheme wrapper's documentation) says: the names in its index, the methods
 * it documents in detail, and the example calls of its overview.
 *
 * @param indexNames       every method name of the index, in the index's order
 * @param detailed         the methods documented in detail, by full name, in the manual's order
 * @param overviewExamples example payloads shown in the overview, by method name (source text and line)
 */
record SeedManual(List<String> indexNames, Map<String, SeedMethod> detailed, Map<String, Example> overviewExamples) {

    SeedManual {
        indexNames = List.copyOf(indexNames);
        detailed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detailed));
        overviewExamples = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overviewExamples));
    }

    /** An example response as the seed prints it: s-expression text and the line it starts on. */
    record Example(String sexpr, int line) {
    }

    /**
     * One method of the detailed part.
     *
     * @param name         full method name
     * @param line         the line its entry starts on
     * @param description  the text under the signature ("" when there is none)
     * @param arguments    every typed argument line, implicit ones included, in order
     * @param needsLogin   "This method needs login."
     * @param needsSigning "This method needs signing."
     * @param example      the "Response:" s-expression, or null (absent or "MALFORMED RESPONSE")
     * @param malformed    whether the seed printed "MALFORMED RESPONSE" instead of an example
     * @param explanation  the "Explanation:" text, or null
     * @param errors       the "Error codes:" entries, an entry cut off by the end of the file left out
     * @param truncated    whether the file ends inside this entry
     */
    record SeedMethod(String name, int line, String description, List<SeedArgument> arguments,
                      boolean needsLogin, boolean needsSigning, Example example, boolean malformed,
                      String explanation, List<ErrorSpec> errors, boolean truncated) {
        SeedMethod {
            arguments = List.copyOf(arguments);
            errors = List.copyOf(errors);
        }
    }

    /**
     * One argument of a detailed method.
     *
     * @param name        the keyword's name
     * @param required    the typed line has no default ({@code photo_id : string?})
     * @param description the bullet's text, or null when the seed has no bullet for it
     */
    record SeedArgument(String name, boolean required, String description) {
    }
}
