package org.flickrdynamic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, as the build wrote it, for the User-Agent and the command line. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0}, or {@code dev} when run from unpackaged sources. */
    public static String get() {
        return VERSION;
    }

    /** The User-Agent every request carries: the library, its version and the Java version. */
    public static String userAgent() {
        return "flickr-dynamic/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    }

    private static String read() {
        // From the jar's manifest, which the class loader has already read to define this package; the
        // resource below only for unpackaged classes (tests, an IDE), since finding a resource costs a
        // first call several milliseconds.
        String packaged = Version.class.getPackage().getImplementationVersion();
        if (packaged != null && !packaged.isBlank()) {
            return packaged;
        }
        try (InputStream in = Version.class.getResourceAsStream("/org/flickrdynamic/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
