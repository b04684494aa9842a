package org.flickrdynamic.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.flickrdynamic.table.ErrorSpec;

/**
 * Picks the error codes every method shares out of the seed's per-method lists, so the table defines
 * them once. Flickr numbers its API-wide errors from 95 up; a code there that the seed lists for more
 * than one method is common. A code only one method lists (108, Invalid frob) stays that method's own.
 */
final class CommonErrors {
    /** Where Flickr's API-wide codes start. */
    static final int FIRST_COMMON = 95;

    private CommonErrors() {
    }

    /**
     * The seed's common codes, sorted by code. Those Flickr added after the seed was written come from
     * {@link FlickrFacts}.
     */
    static List<ErrorSpec> of(SeedManual seed) {
        Map<Integer, Map<ErrorSpec, Integer>> texts = new TreeMap<>();
        Map<Integer, Integer> methodsListing = new TreeMap<>();
        for (SeedManual.SeedMethod m : seed.detailed().values()) {
            for (ErrorSpec e : m.errors()) {
                if (e.code() >= FIRST_COMMON) {
                    texts.computeIfAbsent(e.code(), c -> new TreeMap<>(CommonErrors::compare)).merge(e, 1, Integer::sum);
                    methodsListing.merge(e.code(), 1, Integer::sum);
                }
            }
        }
        Map<Integer, ErrorSpec> common = new TreeMap<>();
        texts.forEach((code, variants) -> {
            if (methodsListing.get(code) > 1) {
                common.put(code, mostFrequent(variants));
            }
        });
        return new ArrayList<>(common.values());
    }

    /** Whether a method's error entry only repeats a common one (same code, same texts). */
    static boolean isCommon(ErrorSpec e, Map<Integer, ErrorSpec> common) {
        ErrorSpec c = common.get(e.code());
        return c != null && c.message().equals(e.message()) && Objects.equals(c.explanation(), e.explanation());
    }

    private static ErrorSpec mostFrequent(Map<ErrorSpec, Integer> variants) {
        ErrorSpec best = null;
        for (Map.Entry<ErrorSpec, Integer> v : variants.entrySet()) {
            if (best == null || v.getValue() > variants.get(best)) {
                best = v.getKey();
            }
        }
        return best;
    }

    private static int compare(ErrorSpec a, ErrorSpec b) {
        int c = a.message().compareTo(b.message());
        return c != 0 ? c : Objects.toString(a.explanation(), "").compareTo(Objects.toString(b.explanation(), ""));
    }
}
