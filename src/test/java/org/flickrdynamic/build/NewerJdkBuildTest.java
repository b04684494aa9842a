package org.flickrdynamic.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flickrdynamic.testing.Jdks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer whose Java is newer than the one the build is usually run with gets the same result: the
 * sources compile with a Java 25's javac, and its stricter doclint finds nothing to warn about in the API
 * (the build fails on any Javadoc warning). Each has gone wrong once: a bare {@code Entry} that javac 25
 * reads as an inherited type, and constructor comments of tags alone. Runs when the machine has a Java 25.
 */
class NewerJdkBuildTest {
    @TempDir
    Path out;

    @Test
    void theSourcesCompileAndTheirJavadocIsCleanOnJava25() throws Exception {
        Path jdk = Jdks.java25Home();
        Assumptions.assumeTrue(jdk != null, "no Java 25 on this machine (JAVA25_HOME or /usr/lib/jvm/*25*)");
        Path sourceList = out.resolve("sources.txt");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            Files.write(sourceList, files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> f.toAbsolutePath().toString()).sorted().collect(Collectors.toList()));
        }
        String classPath = dependencyJars();

        run(List.of(jdk.resolve("bin/javac").toString(), "--release", "17", "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "-d", out.resolve("classes").toString(), "-cp", classPath, "@" + sourceList));

        // As the pom runs it: the API packages only, every doclint group, internal packages left out.
        String printed = run(List.of(jdk.resolve("bin/javadoc").toString(), "--release", "17", "-quiet",
                "-encoding", "UTF-8", "-Xdoclint:all", "-Xdoclint/package:-org.flickrdynamic.internal.*",
                "-d", out.resolve("apidocs").toString(), "-cp", classPath, "-sourcepath", "src/main/java",
                "-subpackages", "org.flickrdynamic", "-exclude", "org.flickrdynamic.internal"));
        assertFalse(printed.contains("warning"), printed);
    }

    private static String dependencyJars() {
        List<String> jars = new ArrayList<>();
        for (String e : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            if (e.endsWith(".jar")) {
                jars.add(e);
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Path log = out.resolve("tool.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " did not finish: " + Files.readString(log));
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command.get(0) + ":\n" + printed);
        return printed;
    }
}
