package org.flickrdynamic.testing;

import java.util.LinkedHashMap;

/**
 * Stands in for a JavaScript array as Nashorn hands it to Java: a map from indexes to items that
 * answers {@code isArray()} with true (Nashorn's {@code ScriptObjectMirror} does). Public, as the real one is.
 */
public final class ScriptArray extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    /** An array of these items. */
    public ScriptArray(Object... items) {
        for (int i = 0; i < items.length; i++) {
            put(Integer.toString(i), items[i]);
        }
    }

    /** What Nashorn's mirror answers for an array. */
    public boolean isArray() {
        return true;
    }
}
