package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the public surface: the classes users may name stay few, and none of them makes a user name a
 * class of an {@code internal} package. Reads the compiled main classes (a directory or the jar), so a new
 * public class is counted the moment it is written.
 */
class PublicSurfaceTest {
    /** The most public top-level types outside {@code org.flickrdynamic.internal}. */
    private static final int MAX_API_TYPES = 45;
    private static final String INTERNAL = "org.flickrdynamic.internal";

    @Test
    void fewPublicTypesOutsideInternalPackages() throws Exception {
        List<String> api = apiTypes().stream().map(Class::getName).sorted().toList();
        assertTrue(api.size() >= 20, "the compiled classes were not found: " + api);
        assertTrue(api.size() <= MAX_API_TYPES, api.size() + " public top-level types outside " + INTERNAL
                + " (at most " + MAX_API_TYPES + "); make plumbing package-private or move it under "
                + INTERNAL + ":\n" + String.join("\n", api));
    }

    @Test
    void noApiSignatureNamesAnInternalType() throws Exception {
        Set<String> leaks = new TreeSet<>();
        for (Class<?> type : apiTypes()) {
            checkType(type, leaks);
        }
        assertTrue(leaks.isEmpty(), "public API signatures naming internal types:\n" + String.join("\n", leaks));
    }

    private static void checkType(Class<?> type, Set<String> leaks) {
        check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
        for (Type i : type.getGenericInterfaces()) {
            check(type.getName() + " implements", i, leaks);
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c)) {
                checkExecutable(c, leaks);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
                check(where(m), m.getGenericReturnType(), leaks);
                checkExecutable(m, leaks);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f) && !f.isSynthetic()) {
                check(where(f), f.getGenericType(), leaks);
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers()) || Modifier.isProtected(nested.getModifiers())) {
                checkType(nested, leaks);
            }
        }
    }

    private static void checkExecutable(Executable e, Set<String> leaks) {
        for (Type p : e.getGenericParameterTypes()) {
            check(where(e), p, leaks);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(where(e), x, leaks);
        }
    }

    private static boolean visible(Member m) {
        int mod = m.getModifiers();
        // A protected member of a final class is as unreachable as a private one.
        boolean finalType = Modifier.isFinal(m.getDeclaringClass().getModifiers());
        return Modifier.isPublic(mod) || (Modifier.isProtected(mod) && !finalType);
    }

    private static String where(Member m) {
        return m.getDeclaringClass().getName() + "." + m.getName();
    }

    private static void check(String where, Type t, Set<String> leaks) {
        check(where, t, leaks, new HashSet<>());
    }

    private static void check(String where, Type t, Set<String> leaks, Set<Type> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.getName().startsWith(INTERNAL + ".")) {
                leaks.add(where + " names " + c.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            check(where, p.getRawType(), leaks, seen);
            for (Type a : p.getActualTypeArguments()) {
                check(where, a, leaks, seen);
            }
        } else if (t instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(b -> check(where, b, leaks, seen));
        } else if (t instanceof GenericArrayType g) {
            check(where, g.getGenericComponentType(), leaks, seen);
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(where, b, leaks, seen);
            }
        }
    }

    /** The public top-level classes of the main code outside the internal packages. */
    private static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path home = Path.of(Flickr.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.map(f -> home.relativize(f).toString().replace('\\', '/')).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(home.toFile())) {
                jar.stream().map(e -> e.getName()).forEach(names::add);
            }
        }
        List<Class<?>> api = new ArrayList<>();
        for (String n : names) {
            if (!n.startsWith("org/flickrdynamic/") || !n.endsWith(".class") || n.contains("$")
                    || n.endsWith("package-info.class") || n.startsWith(INTERNAL.replace('.', '/') + "/")) {
                continue;
            }
            String className = n.substring(0, n.length() - ".class".length()).replace('/', '.');
            Class<?> c = Class.forName(className, false, Flickr.class.getClassLoader());
            if (Modifier.isPublic(c.getModifiers())) {
                api.add(c);
            }
        }
        return api;
    }
}
