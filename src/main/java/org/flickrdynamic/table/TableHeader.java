package org.flickrdynamic.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a method table before its methods: the error codes every method shares, the limits of
 * paged methods and the upload endpoints. The bundled table reads it only when one of them is needed.
 *
 * @param commonErrors the shared codes, by code
 * @param maxPage      the last page Flickr serves of a paged method ({@code 0}: none stated)
 * @param uploads      the upload and replace endpoints described as methods, by name
 */
record TableHeader(Map<Integer, ErrorSpec> commonErrors, int maxPage, Map<String, MethodSpec> uploads) {
    TableHeader {
        commonErrors = Collections.unmodifiableMap(new TreeMap<>(commonErrors));
        uploads = Collections.unmodifiableMap(new LinkedHashMap<>(uploads));
    }

    static TableHeader of(Map<Integer, ErrorSpec> commonErrors, int maxPage, List<MethodSpec> uploads) {
        Map<String, MethodSpec> byName = new LinkedHashMap<>();
        for (MethodSpec u : uploads) {
            byName.put(u.name(), u);
        }
        return new TableHeader(commonErrors, maxPage, byName);
    }
}
