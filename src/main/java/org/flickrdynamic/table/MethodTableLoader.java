package org.flickrdynamic.table;

import java.io.InputStream;

/** Parses a methods.yaml stream into a {@link MethodTable}. (Placeholder until the loader lands.) */
final class MethodTableLoader {
    private MethodTableLoader() {
    }

    static MethodTable load(InputStream in, String origin) {
        throw new MethodTableException(origin, 0, "loader not implemented yet");
    }
}
