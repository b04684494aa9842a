package org.flickrdynamic.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds the method table's sources: the seed manual and the 2023 reflection data. It is
 * not part of the repository, so the tests that read it (tagged {@value #TAG}) name it through the
 * system property {@value #PROPERTY} or the environment variable {@value #VARIABLE}; without either
 * they are skipped, saying how to run them (see {@link Outside} for strict runs).
 */
public final class SharedFolder {
    /** The JUnit tag of the tests that need the sources. */
    public static final String TAG = "sources";
    /** The system property naming the folder. */
    public static final String PROPERTY = "flickrdynamic.sources";
    /** The environment variable naming the folder when the property is not set. */
    public static final String VARIABLE = "FLICKR_DYNAMIC_SOURCES";
    /** The seed manual, relative to the folder. */
    public static final String SEED = "seeds/002_f0066e5f0a05da11.txt";
    /** The current API's method list, relative to the folder. */
    public static final String API = "reference/flickr-api-methods-2023.json";

    private SharedFolder() {
    }

    /**
     * The folder; skips the test (fails it in a strict run), saying how to name it, when it is not named,
     * and fails it when the named folder does not hold the sources.
     */
    public static Path path() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(VARIABLE);
        }
        Outside.requireOrSkip(p != null && !p.isBlank(), "the method table's sources are not named; run with -D"
                + PROPERTY + "=DIR (or " + VARIABLE + "=DIR), DIR holding " + SEED + " and " + API);
        Path dir = Path.of(p).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(SEED)) || !Files.isRegularFile(dir.resolve(API))) {
            // A folder that was named but is wrong is a mistake to report, not a reason to skip.
            fail("the sources folder " + dir + " (" + PROPERTY + " / " + VARIABLE + ") does not hold " + SEED + " and " + API);
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
