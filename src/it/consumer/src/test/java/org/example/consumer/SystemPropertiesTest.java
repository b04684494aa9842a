package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/** Loading every class of the library, then using a sandbox and a client, changes no system property. */
class SystemPropertiesTest {
    private static Map<String, String> properties() {
        Map<String, String> all = new TreeMap<>();
        System.getProperties().forEach((k, v) -> all.put(String.valueOf(k), String.valueOf(v)));
        return all;
    }

    /** Each property that differs from {@code before}: name to "old -> new" (null when absent). */
    private static Map<String, String> changes(Map<String, String> before) {
        Map<String, String> now = properties();
        Map<String, String> changed = new TreeMap<>();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            if (!Objects.equals(before.get(name), now.get(name))) {
                changed.put(name, before.get(name) + " -> " + now.get(name));
            }
        }
        return changed;
    }

    @Test
    void noSystemPropertyChanges() throws Exception {
        Map<String, String> before = properties();
        List<String> loaded = new ArrayList<>();
        List<String> notLoaded = new ArrayList<>();
        try (JarFile jar = new JarFile(libraryJar().toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (!name.endsWith(".class") || name.contains("-info")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    Class.forName(className, true, getClass().getClassLoader());
                    loaded.add(className);
                } catch (LinkageError | ClassNotFoundException needsTheCommandLine) {
                    notLoaded.add(className);
                }
            }
        }
        assertTrue(loaded.contains("org.flickrdynamic.sandbox.Sandbox") && loaded.size() > 200, loaded.size() + " classes loaded");
        // Only the command line's classes need what the application does not have (picocli).
        assertTrue(notLoaded.stream().allMatch(n -> n.startsWith("org.flickrdynamic.internal.cli.")), notLoaded.toString());
        assertEquals(Map.of(), changes(before), "after loading and initialising " + loaded.size() + " classes");

        try (Sandbox sandbox = Sandbox.start();
                FlickrClient client = FlickrClient.builder().apiKey(sandbox.apiKey()).endpoint(sandbox.restUrl()).build()) {
            assertEquals("bar", client.call("flickr.test.echo", "foo", "bar").elementText("foo"));
        }
        assertEquals(Map.of(), changes(before), "after a sandbox and a client were used and closed");
    }

    private static Path libraryJar() throws URISyntaxException {
        Path jar = Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(jar.getFileName().toString().startsWith("flickr-dynamic-") && jar.toString().endsWith(".jar"), jar.toString());
        return jar;
    }
}
