package org.flickrdynamic.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The compact form of the method table holds exactly what methods.yaml says, and is used only for the
 * YAML it was made from.
 */
class CompactTableTest {
    private static final Path YAML = Path.of("methods.yaml");

    @Test
    void holdsEveryFactOfTheYaml() throws Exception {
        byte[] yaml = Files.readAllBytes(YAML);
        MethodTable full = MethodTable.load(YAML);
        MethodTable compact = CompactTable.read(CompactTable.write(full, yaml), yaml, "compact");
        assertNotNull(compact);
        assertEquals(full.names(), compact.names());
        for (String name : full.names()) {
            assertEquals(full.find(name), compact.find(name), name);
        }
        assertEquals(full.find("photos.search"), compact.find("photos.search"), "short names too");
        assertEquals(full.commonErrors(), compact.commonErrors());
        assertEquals(full.maxPage(), compact.maxPage());
        assertEquals(full.uploads(), compact.uploads());
    }

    @Test
    void isRefusedForAnyOtherYaml() throws Exception {
        byte[] yaml = Files.readAllBytes(YAML);
        byte[] data = CompactTable.write(MethodTable.load(YAML), yaml);
        byte[] edited = (new String(yaml, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        assertNull(CompactTable.read(data, edited, "compact"), "made from another methods.yaml");
        assertNull(CompactTable.read(Arrays.copyOf(data, 8), yaml, "compact"), "cut short");
        assertNull(CompactTable.read(null, yaml, "compact"), "no compact form in the jar");
    }

    @Test
    void theBundledTableIsTheYamlBesideIt() {
        MethodTable bundled = MethodTable.bundled();
        MethodTable full = MethodTable.load(YAML);
        assertEquals(full.methods(), bundled.methods());
        assertEquals(full.commonErrors(), bundled.commonErrors());
    }
}
