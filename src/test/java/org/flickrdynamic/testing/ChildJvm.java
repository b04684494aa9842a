package org.flickrdynamic.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a test needs to start another JVM with the suite's classes, as a user's program would run. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The {@code java} of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The suite's class path without slf4j-simple. The suite carries two SLF4J providers (its own log
     * recorder, and the launchers' slf4j-simple for the tests that run them); a child JVM given both
     * prints SLF4J's notice about the choice on standard error, which a user of the library never sees.
     */
    public static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
