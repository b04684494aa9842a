package org.flickrdynamic.generator;

import java.util.List;

import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;

/**
 * The method table as the generator builds it, before it is written as YAML.
 *
 * @param seedSource   one line describing the seed manual
 * @param apiSource    the API snapshot's own "source" line
 * @param reflectionSource where Flickr's recorded reflection answers come from
 * @param commonErrors the error codes every method shares, by code
 * @param maxPage      the last page Flickr serves of a paged method
 * @param uploads      the upload and replace endpoints, as methods
 * @param methods      every method, sorted by name
 * @param notes        where the two sources disagreed and how the table resolved it, for the reviewer
 */
record GeneratedTable(String seedSource, String apiSource, String reflectionSource, List<ErrorSpec> commonErrors,
                      int maxPage, List<MethodSpec> uploads, List<MethodSpec> methods, List<String> notes) {
    GeneratedTable {
        commonErrors = List.copyOf(commonErrors);
        uploads = List.copyOf(uploads);
        methods = List.copyOf(methods);
        notes = List.copyOf(notes);
    }
}
