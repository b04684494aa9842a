package org.flickrdynamic.testing;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the library's home ({@code flickrdynamic.home}: logins, the kept sandbox) at a test's own folder
 * for each test, and puts the previous value back after it, so no test sees another's logins or sandbox:
 * <pre>{@code
 * @TempDir Path home;
 * @RegisterExtension final OwnHome ownHome = new OwnHome(() -> home);
 * }</pre>
 */
public final class OwnHome implements BeforeEachCallback, AfterEachCallback {
    private static final String PROPERTY = "flickrdynamic.home";
    private final Supplier<Path> folder;
    private String before;

    /** @param folder the test's folder, read when each test starts (a {@code @TempDir} is set by then) */
    public OwnHome(Supplier<Path> folder) {
        this.folder = folder;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, folder.get().toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }
}
