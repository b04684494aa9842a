package org.flickrdynamic.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flickrdynamic.testing.ApiList;
import org.flickrdynamic.testing.SeedText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The bundled table's error codes held against their sources, each read here without the generator's
 * code: the 2023 method list (which methods are current), Flickr's recorded reflection answers (the
 * codes each method documents; the 2023 snapshot lists none), the seed manual, and the codes the table
 * says Flickr sends undocumented.
 */
@Tag("sources")
class ErrorCodesAgainstSourcesTest {
    private static final String RECORDED = "/org/flickrdynamic/generator/recorded-reflection-2016.json";
    /** The codes every method lists in Flickr's answers, which the table keeps once, as common_errors. */
    private static final Set<Integer> API_WIDE = Set.of(95, 96, 97, 98, 99, 100, 105, 106, 111, 112, 114, 115, 116);

    private static MethodTable table;
    private static Map<String, Map<String, Object>> api;
    private static SeedText seed;
    /** Per method, its codes in the recorded answers, with their messages. */
    private static Map<String, Map<Integer, String>> recorded;

    @BeforeAll
    static void read() throws IOException {
        table = MethodTable.bundled();
        api = ApiList.read();
        seed = SeedText.read();
        recorded = new TreeMap<>();
        try (InputStream in = ErrorCodesAgainstSourcesTest.class.getResourceAsStream(RECORDED)) {
            assertNotNull(in, RECORDED + " is on the test class path");
            Map<?, ?> top = new Yaml(new SafeConstructor(new LoaderOptions())).load(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Object o : (List<?>) top.get("methods")) {
                Map<?, ?> m = (Map<?, ?>) o;
                Map<Integer, String> codes = new TreeMap<>();
                for (Object e : (List<?>) m.get("errors")) {
                    codes.put((Integer) ((Map<?, ?>) e).get("code"), (String) ((Map<?, ?>) e).get("message"));
                }
                recorded.put((String) m.get("name"), codes);
            }
        }
    }

    private static MethodSpec method(String name) {
        return table.find(name).orElseThrow(() -> new AssertionError(name + " is missing from the table"));
    }

    @Test
    void everyCurrentMethodHasEveryCodeFlickrDocumentsForIt() {
        int documented = 0;
        Set<String> unrecorded = new TreeSet<>();
        for (String name : api.keySet()) {
            MethodSpec m = method(name);
            assertFalse(m.retired(), name + " is in the 2023 API");
            Map<Integer, String> codes = recorded.get(name);
            if (codes == null) {
                unrecorded.add(name); // added to Flickr's API after the answers were recorded
                continue;
            }
            for (Map.Entry<Integer, String> code : codes.entrySet()) {
                ErrorSpec e = table.error(m, code.getKey()).orElse(null);
                assertNotNull(e, name + " documents code " + code.getKey() + " " + code.getValue());
                documented++;
            }
        }
        assertTrue(documented > 380, "the recorded answers document " + documented + " method codes");
        assertTrue(unrecorded.size() < api.size() / 10, "methods newer than the recording: " + unrecorded);
    }

    @Test
    void aMethodsOwnCodesAreExactlyThoseItsSourcesGive() {
        Map<String, SeedText.Entry> detailed = seed.entries;
        for (MethodSpec m : table.methods()) {
            Set<Integer> expected = new TreeSet<>(recorded.getOrDefault(m.name(), Map.of()).keySet());
            SeedText.Entry s = detailed.get(m.name());
            if (s != null) {
                expected.addAll(s.errorCodes);
            }
            expected.removeAll(table.commonErrors().keySet());
            Set<Integer> observed = new TreeSet<>();
            Set<Integer> own = new TreeSet<>();
            for (ErrorSpec e : m.errors()) {
                assertNotNull(e.source(), m.name() + " code " + e.code() + " names its source");
                (e.source().startsWith("observed:") ? observed : own).add(e.code());
            }
            own.removeAll(table.commonErrors().keySet()); // a common code the method words otherwise
            assertEquals(expected, own, m.name() + ": codes from the seed and the recorded answers");
            for (int code : observed) {
                assertFalse(expected.contains(code), m.name() + " code " + code + " is documented, not only observed");
            }
        }
    }

    @Test
    void everyCodesSourceIsNamed() {
        Set<String> named = Set.of("seed", "reflection");
        for (MethodSpec m : table.methods()) {
            for (ErrorSpec e : m.errors()) {
                assertTrue(named.contains(e.source()) || e.source().startsWith("observed: "),
                        m.name() + " code " + e.code() + ": " + e.source());
                if (e.source().equals("reflection")) {
                    assertEquals(recorded.get(m.name()).get(e.code()), e.message(), m.name() + " code " + e.code());
                }
            }
        }
        for (ErrorSpec e : table.commonErrors().values()) {
            assertNotNull(e.source(), "common code " + e.code());
        }
        for (int code : API_WIDE) {
            assertTrue(table.commonErrors().containsKey(code), "Flickr lists " + code + " for every method");
        }
    }

    @Test
    void codesFlickrSendsUndocumentedAreInTheTable() {
        ErrorSpec busy = table.commonErrors().get(201);
        assertEquals("API service not currently available", busy.message());
        assertTrue(busy.temporary() && busy.source().startsWith("observed: "), busy.toString());
        ErrorSpec privatePhoto = table.error(method("flickr.photos.getInfo"), 2).orElseThrow();
        assertEquals("Photo is private", privatePhoto.message());
        assertTrue(privatePhoto.source().startsWith("observed: "), privatePhoto.source());
        assertEquals("Photo not found.", table.error(method("flickr.photos.getInfo"), 1).orElseThrow().message());
        assertEquals("User deleted", table.error(method("flickr.people.getInfo"), 5).orElseThrow().message());
    }

    @Test
    void methodsTheCurrentApiLacksAreRetired() {
        for (MethodSpec m : table.methods()) {
            assertEquals(!api.containsKey(m.name()), m.retired(), m.name());
        }
        assertTrue(method("flickr.groups.browse").retired());
    }
}
