package org.flickrdynamic.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.testing.SharedFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** methods.yaml is exactly the generator's output, and it loads back to exactly the generator's model. */
class RegenerationTest {
    /** The committed table; Maven runs the tests from the project's base directory. */
    private static final Path COMMITTED = Path.of("methods.yaml");

    @TempDir
    Path dir;

    @Test
    @Tag(SharedFolder.TAG)
    void committedTableIsTheGeneratorsOutputByteForByte() throws IOException {
        Path out = dir.resolve("methods.yaml");
        RegenerateMethods.main(new String[] {SharedFolder.path().toString(), out.toString()});
        assertTrue(Files.isRegularFile(COMMITTED), "no methods.yaml in " + Path.of("").toAbsolutePath());
        byte[] expected = Files.readAllBytes(COMMITTED);
        byte[] actual = Files.readAllBytes(out);
        assertArrayEquals(expected, actual, () -> "methods.yaml differs from the generator's output at "
                + firstDifference(expected, actual) + "; run bin/regenerate-methods and review the diff");
    }

    private static String firstDifference(byte[] expected, byte[] actual) {
        String[] a = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        for (int k = 0; k < Math.max(a.length, b.length); k++) {
            String x = k < a.length ? a[k] : "<end of file>";
            String y = k < b.length ? b[k] : "<end of file>";
            if (!x.equals(y)) {
                return "line " + (k + 1) + ":\n  committed: " + x + "\n  generated: " + y;
            }
        }
        return "a byte that is not in a line";
    }

    @Test
    @Tag(SharedFolder.TAG)
    void generatingTwiceGivesTheSameBytes() throws IOException {
        String first = RegenerateMethods.render(RegenerateMethods.build(SharedFolder.path()));
        String second = RegenerateMethods.render(RegenerateMethods.build(SharedFolder.path()));
        assertEquals(first, second);
    }

    @Test
    @Tag(SharedFolder.TAG)
    void loadedTableEqualsTheGeneratorsModel() throws IOException {
        GeneratedTable model = RegenerateMethods.build(SharedFolder.path());
        Path out = dir.resolve("roundtrip.yaml");
        Files.writeString(out, RegenerateMethods.render(model));
        assertSameModel(model, MethodTable.load(out));
        assertSameModel(model, MethodTable.bundled());
    }

    /** Method by method, so a failure shows one method, not the whole table. */
    private static void assertSameModel(GeneratedTable model, MethodTable loaded) {
        assertEquals(model.methods().stream().map(MethodSpec::name).toList(), loaded.names(), loaded.origin());
        for (int k = 0; k < model.methods().size(); k++) {
            assertEquals(model.methods().get(k), loaded.methods().get(k), loaded.origin());
        }
        Map<Integer, ErrorSpec> common = new LinkedHashMap<>();
        model.commonErrors().forEach(e -> common.put(e.code(), e));
        assertEquals(common, loaded.commonErrors(), loaded.origin());
    }

    @Test
    void missingSharedFolderNamesThePath() {
        Path nowhere = dir.resolve("no-shared");
        java.nio.file.NoSuchFileException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.nio.file.NoSuchFileException.class, () -> RegenerateMethods.build(nowhere));
        assertTrue(e.getMessage().contains("no-shared"), e.getMessage());
    }
}
