package org.flickrdynamic.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The generator's own data files, read from the class path beside its classes. */
final class Resources {
    private Resources() {
    }

    /** A resource of this package as UTF-8 text; a missing one is named. */
    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the generator's data file " + name
                        + " is not on the class path (src/generator/resources/org/flickrdynamic/generator/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generator's data file " + name, e);
        }
    }
}
