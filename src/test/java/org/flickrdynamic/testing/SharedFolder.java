package org.flickrdynamic.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared folder beside the repository that holds the method table's sources. Tests find it through
 * the system property {@value #PROPERTY}, which the build sets.
 */
public final class SharedFolder {
    /** The system property naming the shared folder. */
    public static final String PROPERTY = "flickrdynamic.shared";
    /** The seed manual, relative to the shared folder. */
    public static final String SEED = "seeds/002_f0066e5f0a05da11.txt";
    /** The current API's method list, relative to the shared folder. */
    public static final String API = "reference/flickr-api-methods-2023.json";

    private SharedFolder() {
    }

    /** The shared folder; fails the test, saying where it looked, when it is not there. */
    public static Path path() {
        String p = System.getProperty(PROPERTY);
        if (p == null) {
            fail("system property " + PROPERTY + " is not set; run the tests through Maven, which sets it to ../shared");
        }
        Path dir = Path.of(p);
        if (!Files.isRegularFile(dir.resolve(SEED)) || !Files.isRegularFile(dir.resolve(API))) {
            fail("the shared folder " + dir.toAbsolutePath().normalize() + " (system property " + PROPERTY
                    + ") does not hold " + SEED + " and " + API);
        }
        return dir;
    }

    /** The seed manual's path. */
    public static Path seed() {
        return path().resolve(SEED);
    }

    /** The API list's path. */
    public static Path api() {
        return path().resolve(API);
    }
}
