package org.flickrdynamic.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing outside thing skips a test with its reason, and fails it in a strict run. */
class OutsideTest {
    private String strict;
    private String sources;

    @BeforeEach
    void keep() {
        strict = System.getProperty(Outside.STRICT);
        sources = System.getProperty(SharedFolder.PROPERTY);
    }

    @AfterEach
    void restore() {
        put(Outside.STRICT, strict);
        put(SharedFolder.PROPERTY, sources);
    }

    private static void put(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void presentGoesOn() {
        System.setProperty(Outside.STRICT, "true");
        assertDoesNotThrow(() -> Outside.requireOrSkip(true, "never said"));
    }

    @Test
    void missingSkipsWithTheReason() {
        System.clearProperty(Outside.STRICT);
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> Outside.requireOrSkip(false, "no node on the PATH"));
        assertTrue(e.getMessage().contains("no node on the PATH"), e.getMessage());
    }

    @Test
    void strictRunsFailInsteadOfSkipping() {
        System.setProperty(Outside.STRICT, "true");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Outside.requireOrSkip(false, "no node on the PATH"));
        assertTrue(e.getMessage().startsWith("no node on the PATH (flickrdynamic.strict=true"), e.getMessage());
    }

    @Test
    void unnamedSourcesSaySoAndHowToNameThem() {
        System.clearProperty(Outside.STRICT);
        System.clearProperty(SharedFolder.PROPERTY);
        if (System.getenv(SharedFolder.VARIABLE) != null) {
            return; // the environment names them; the property cannot be unset for this run
        }
        TestAbortedException e = assertThrows(TestAbortedException.class, SharedFolder::path);
        assertTrue(e.getMessage().contains("-Dflickrdynamic.sources=DIR"), e.getMessage());
    }

    @Test
    void aNamedFolderWithoutTheSourcesFailsEvenWhenNotStrict(@TempDir Path empty) {
        System.clearProperty(Outside.STRICT);
        System.setProperty(SharedFolder.PROPERTY, empty.toString());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, SharedFolder::path);
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains(SharedFolder.SEED), e.getMessage());
    }
}
