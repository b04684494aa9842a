package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.flickrdynamic.testing.Jdks;
import org.flickrdynamic.testing.ScratchLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' start-up caches, as a user meets them: bin/flickr makes its class-data archive (Java 17 to
 * 24) or ahead-of-time cache (Java 25 and later) on first use, starts from it afterwards, makes a new one
 * when the jar is rebuilt, and still answers when the cache is damaged. A copy of the launcher sits in a
 * scratch root with a jar of the compiled classes (the JVM archives classes from jars only).
 */
class StartupCacheTest {
    @TempDir
    Path root;
    @TempDir
    Path home;

    @Test
    void theClassDataArchiveOfThisJava() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Assumptions.assumeTrue(Runtime.version().feature() < 25, "the test JVM is a Java 25; the next test covers it");
        cacheLifecycle(java, root.resolve("target/cds/flickr-java" + Runtime.version().feature() + ".jsa"));
    }

    @Test
    void theAheadOfTimeCacheOfAJava25() throws Exception {
        Path home = Jdks.java25Home();
        Assumptions.assumeTrue(home != null, "no Java 25 on this machine (JAVA25_HOME or /usr/lib/jvm/*25*)");
        cacheLifecycle(home.resolve("bin/java"), root.resolve("target/aot/flickr-java25.aot"));
    }

    private void cacheLifecycle(Path realJava, Path cache) throws Exception {
        Path jar = install();
        Path java = logging(realJava);
        Path loaded = root.resolve("classes.log");

        Result first = run(java, null);
        assertTrue(first.err.contains("preparing"), "the first command says it is preparing the cache: " + first.err);
        assertTrue(Files.size(cache) > 0, cache + " was made");

        Result second = run(java, loaded);
        assertFalse(second.err.contains("preparing"), "made once, not again: " + second.err);
        String log = Files.readString(loaded);
        assertTrue(log.lines().anyMatch(l -> l.contains("org.flickrdynamic.internal.cli.FlickrCommand ")
                && l.contains("shared objects file")), "the command's classes came from the cache");

        // A rebuilt jar (newer than the cache) gets a new cache; the old one is never used for it.
        FileTime before = Files.getLastModifiedTime(cache);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        Result rebuilt = run(java, null);
        assertTrue(rebuilt.err.contains("preparing"), "a newer jar makes a new cache: " + rebuilt.err);
        assertTrue(Files.getLastModifiedTime(cache).compareTo(before) > 0, "the cache was made anew");

        // A damaged cache, newer than everything, is refused by the JVM and the command still answers.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        cache.toFile().setWritable(true);
        Files.write(cache, new byte[4096]);
        run(java, null); // (run checks the exit status and the answer)
    }

    private record Result(String out, String err) {
    }

    private Result run(Path java, Path classLog) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/flickr").toString(), "--sandbox", "flickr.test.echo",
                "foo=bar");
        pb.environment().put("FLICKR_DYNAMIC_HOME", home.toString());
        pb.environment().put("FLICKR_DYNAMIC_JAVA", java.toString());
        pb.environment().remove("FLICKR_DYNAMIC_CDS");
        pb.environment().remove("FLICKR_API_KEY");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("CLASS_LOG");
        if (classLog != null) {
            pb.environment().put("CLASS_LOG", classLog.toString());
        }
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("bin/flickr did not finish; it printed: " + Files.readString(err));
        }
        Result r = new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertEquals(0, p.exitValue(), r.err);
        assertTrue(r.out.contains("<foo>bar</foo>"), r.out);
        return r;
    }

    /**
     * A stand-in JDK whose java is {@code real} with, when {@code CLASS_LOG} is set, a log of where each
     * class came from: added just before {@code -cp}, after the launcher's own {@code -Xlog:disable}, which
     * would silence it anywhere earlier (JAVA_TOOL_OPTIONS included). Its release file is the real one's,
     * which is how the launcher tells the Java's version.
     */
    private Path logging(Path real) throws IOException {
        Path jdk = root.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.copy(real.toRealPath().getParent().getParent().resolve("release"), jdk.resolve("release"));
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "args=()\n"
                + "for a in \"$@\"; do\n"
                + "  if [ \"$a\" = -cp ] && [ -n \"${CLASS_LOG:-}\" ]; then args+=(\"-Xlog:class+load:file=$CLASS_LOG\"); fi\n"
                + "  args+=(\"$a\")\n"
                + "done\n"
                + "exec '" + real.toRealPath() + "' \"${args[@]}\"\n");
        assertTrue(java.toFile().setExecutable(true));
        return java;
    }

    /** The launcher files in a scratch root, and a jar of the compiled classes beside their dependencies. */
    private Path install() throws IOException {
        ScratchLauncher.install(root);
        Path jar = root.resolve("flickr-dynamic.jar");
        jarOf(Path.of("target/classes"), jar);
        List<String> cp = new ArrayList<>(List.of(jar.toString()));
        for (String e : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            if (e.endsWith(".jar") && !e.contains("jruby") && !e.contains("groovy") && !e.contains("clojure")
                    && !e.contains("nashorn") && !e.contains("junit") && !e.contains("opentest4j")) {
                cp.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        Files.writeString(root.resolve("bin/.classpath.sh"), "FLICKR_DYNAMIC_CP='" + String.join(":", cp) + "'\n");
        return jar;
    }

    private static void jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
