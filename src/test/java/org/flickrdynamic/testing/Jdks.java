package org.flickrdynamic.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The other JDKs of this machine that tests can use beside the one running them. */
public final class Jdks {
    private Jdks() {
    }

    /**
     * A Java 25's home: {@code JAVA25_HOME} when it names one, else the first {@code /usr/lib/jvm/*25*} with a
     * java in it.
     *
     * @return the home, or {@code null} when this machine has none
     */
    public static Path java25Home() {
        String configured = System.getenv("JAVA25_HOME");
        if (configured != null && Files.isExecutable(Path.of(configured, "bin", "java"))) {
            return Path.of(configured);
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(d -> d.getFileName().toString().contains("25"))
                    .filter(d -> Files.isExecutable(d.resolve("bin/java"))).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
