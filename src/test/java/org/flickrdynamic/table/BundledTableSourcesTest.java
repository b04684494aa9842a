package org.flickrdynamic.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.flickrdynamic.testing.ApiList;
import org.flickrdynamic.testing.SeedText;
import org.flickrdynamic.testing.SharedFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The bundled table held against its two sources, each read here without the generator's code. */
@Tag(SharedFolder.TAG)
class BundledTableSourcesTest {
    private static MethodTable table;
    private static SeedText seed;
    private static Map<String, Map<String, Object>> api;

    /** Per test, not in a BeforeAll, so that without the sources each test is reported as skipped, with the reason. */
    @BeforeEach
    void read() throws IOException {
        if (seed == null) {
            table = MethodTable.bundled();
            seed = SeedText.read();
            api = ApiList.read();
        }
    }

    /** checkToken's oauth_token names the token to check: an argument of its own in the current API. */
    private static boolean isTokenToCheck(String method, String argument) {
        return method.equals("flickr.auth.oauth.checkToken") && argument.equals("oauth_token");
    }

    private static boolean implicit(String argument) {
        return Set.of("api_key", "api_sig", "auth_token").contains(argument) || argument.startsWith("oauth_");
    }

    private static MethodSpec method(String name) {
        return table.find(name).orElseThrow(() -> new AssertionError(name + " is missing from the table"));
    }

    @Test
    void loadsOnceFromTheJar() {
        assertSame(table, MethodTable.bundled());
        assertEquals("classpath:" + MethodTable.RESOURCE, table.origin());
    }

    @Test
    void namesAreTheUnionOfBothSources() {
        assertEquals(174, seed.indexNames.size(), "the seed's index");
        assertEquals(75, seed.entries.size(), "the seed's detailed methods");
        assertEquals(223, api.size(), "the API list");
        Set<String> union = new TreeSet<>(seed.indexNames);
        union.addAll(api.keySet());
        assertEquals(224, union.size());
        assertEquals(new ArrayList<>(union), table.names());

        Set<String> seedOnly = new TreeSet<>(seed.indexNames);
        seedOnly.removeAll(api.keySet());
        assertEquals(Set.of("flickr.groups.browse"), seedOnly);
        for (MethodSpec m : table.methods()) {
            boolean inSeed = seed.indexNames.contains(m.name());
            boolean inApi = api.containsKey(m.name());
            Source expected = inSeed && inApi ? Source.BOTH : inSeed ? Source.SEED : Source.API;
            assertEquals(expected, m.source(), m.name());
        }
    }

    @Test
    void findsByFullAndShortName() {
        for (MethodSpec m : table.methods()) {
            assertSame(m, table.find(m.name()).orElseThrow());
            assertSame(m, table.find(m.shortName()).orElseThrow());
        }
        assertTrue(table.find("photos.nothing").isEmpty());
        assertTrue(table.find(null).isEmpty());
    }

    /** Every seed argument is in the table with the seed's required flag, unless the 2023 API says otherwise. */
    @Test
    void seedArgumentsAndRequiredFlagsMatchTheSeed() {
        List<String> apiDisagrees = new ArrayList<>();
        for (SeedText.Entry e : seed.entries.values()) {
            MethodSpec m = method(e.name);
            Map<String, Boolean> current = api.containsKey(e.name) ? ApiList.arguments(api.get(e.name)) : null;
            for (Map.Entry<String, Boolean> arg : e.arguments.entrySet()) {
                String name = arg.getKey();
                if (implicit(name)) {
                    assertTrue(m.argument(name).isEmpty(), e.name + " lists implicit " + name);
                    continue;
                }
                if (current != null && !current.containsKey(name)) {
                    apiDisagrees.add(e.name + " " + name + ": dropped");
                    assertTrue(m.argument(name).isEmpty(), e.name + " keeps " + name + ", which the API dropped");
                    continue;
                }
                boolean expected = arg.getValue();
                if (current != null && current.get(name) != expected) {
                    apiDisagrees.add(e.name + " " + name + ": required " + current.get(name));
                    expected = current.get(name);
                }
                ArgumentSpec spec = m.argument(name).orElseThrow(() -> new AssertionError(e.name + " lacks " + name));
                assertEquals(expected, spec.required(), e.name + " " + name);
            }
        }
        // The 2023 list happens to agree with every seed argument; should that change, these lines say where.
        System.out.println("seed arguments the 2023 API overrides: " + (apiDisagrees.isEmpty() ? "none" : apiDisagrees));
    }

    @Test
    void apiArgumentsAreTheTablesInTheirOrder() {
        for (Map.Entry<String, Map<String, Object>> e : api.entrySet()) {
            List<String> expected = new ArrayList<>();
            ApiList.arguments(e.getValue()).forEach((name, required) -> {
                if (!implicit(name) || isTokenToCheck(e.getKey(), name)) {
                    expected.add(name + "=" + required);
                }
            });
            List<String> actual = new ArrayList<>();
            method(e.getKey()).arguments().forEach(a -> actual.add(a.name() + "=" + a.required()));
            assertEquals(expected, actual, e.getKey());
        }
    }

    /** The methods whose recorded getMethodInfo answer says needssigning=1, read from the recording itself. */
    private static final Set<String> RECORDED_SIGNED = recordedSigned();

    @SuppressWarnings("unchecked")
    private static Set<String> recordedSigned() {
        String resource = "/org/flickrdynamic/generator/recorded-reflection-2016.json";
        try (InputStream in = BundledTableSourcesTest.class.getResourceAsStream(resource)) {
            Map<String, Object> top = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Set<String> signed = new HashSet<>();
            for (Map<String, Object> m : (List<Map<String, Object>>) top.get("methods")) {
                if (Boolean.TRUE.equals(m.get("needssigning"))) {
                    signed.add((String) m.get("name"));
                }
            }
            return signed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void permissionVerbLoginAndSigning() {
        for (MethodSpec m : table.methods()) {
            Map<String, Object> a = api.get(m.name());
            SeedText.Entry s = seed.entries.get(m.name());
            if (a != null) {
                assertEquals(a.get("requiredperms"), m.permission().word(), m.name());
            }
            boolean writes = m.permission() == Permission.WRITE || m.permission() == Permission.DELETE;
            assertEquals(writes ? "POST" : "GET", m.httpVerb(), m.name());
            if (a == null) {
                // Only the seed knows the method: its Authentication lines decide.
                assertEquals(s.needsLogin, m.needsLogin(), m.name() + " login, per the seed");
                assertEquals(s.needsSigning, m.needsSigning(), m.name() + " signing, per the seed");
            } else {
                // The current API decides: login follows its permission; signing follows login, a
                // description that says the call must be signed, or Flickr's recorded reflection answer
                // (needssigning 1 there, as for flickr.auth.oauth.getAccessToken and checkToken).
                boolean tokenArgument = ApiList.arguments(a).entrySet().stream().anyMatch(e -> Boolean.TRUE.equals(e.getValue())
                        && (e.getKey().equals("oauth_token") && !isTokenToCheck(m.name(), e.getKey())
                            || e.getKey().equals("auth_token")));
                assertEquals(m.permission() != Permission.NONE || tokenArgument, m.needsLogin(), m.name());
                String text = String.valueOf(a.get("description")).replaceAll("<[^>]*>", "").toLowerCase();
                boolean recordedSigned = RECORDED_SIGNED.contains(m.name());
                assertEquals(m.needsLogin() || text.contains("must be signed") || recordedSigned, m.needsSigning(),
                        m.name());
            }
        }
        MethodSpec browse = method("flickr.groups.browse");
        assertTrue(browse.needsLogin());
        assertEquals(Permission.READ, browse.permission(), "derived from the seed's 'needs login'");
    }

    @Test
    void descriptionsComeFromTheApiAndFallBackToTheSeed() {
        for (Map.Entry<String, Map<String, Object>> e : api.entrySet()) {
            String d = (String) e.getValue().get("description");
            if (!d.isBlank()) {
                assertEquals(d, method(e.getKey()).description(), e.getKey());
            }
        }
        for (SeedText.Entry e : seed.entries.values()) {
            Map<String, Object> a = api.get(e.name);
            if (a == null || ((String) a.get("description")).isBlank()) {
                assertEquals(e.description, method(e.name).description(), e.name + ": the seed's description");
            }
        }
        assertEquals("Browse the group category tree, finding groups and sub-categories.",
                method("flickr.groups.browse").description());
        assertEquals("Retrieves a list of EXIF/TIFF/GPS tags for a given photo. The calling user must have "
                + "permission to view the photo.", seed.entries.get("flickr.photos.getExif").description);
    }

    @Test
    void seedErrorCodesAreKnownForTheirMethod() {
        for (SeedText.Entry e : seed.entries.values()) {
            MethodSpec m = method(e.name);
            for (int code : e.errorCodes) {
                assertTrue(table.error(m, code).isPresent(), e.name + " error " + code);
            }
            for (ErrorSpec own : m.errors()) {
                ErrorSpec common = table.commonErrors().get(own.code());
                assertFalse(own.equals(common), e.name + " repeats common error " + own.code());
            }
        }
        assertTrue(seed.cutShort, "the seed ends mid-line");
    }

    @Test
    void commonErrorsCoverTheSharedRange() {
        Map<Integer, Integer> listing = new java.util.TreeMap<>();
        for (SeedText.Entry e : seed.entries.values()) {
            for (int code : e.errorCodes) {
                if (code >= 95) {
                    listing.merge(code, 1, Integer::sum);
                }
            }
        }
        listing.forEach((code, methods) -> {
            if (methods > 1) {
                assertTrue(table.commonErrors().containsKey(code), "code " + code + " is listed by " + methods + " methods");
            }
        });
        for (int code : new int[] {95, 96, 97, 98, 99, 100, 105, 106, 111, 112, 114, 115, 116}) {
            ErrorSpec e = table.commonErrors().get(code);
            assertNotNull(e, "common code " + code);
            assertFalse(e.message().isBlank());
        }
    }

    @Test
    void everyPagedMethodNamesItsListAndItem() {
        for (MethodSpec m : table.methods()) {
            boolean hasPageArgs = m.argument("page").isPresent() || m.argument("per_page").isPresent();
            assertEquals(hasPageArgs, m.isPaged(), m.name());
            if (m.isPaged()) {
                assertTrue(m.paging().listElement().matches("[a-z_]+"), m.name() + " list " + m.paging());
                assertTrue(m.paging().itemElement().matches("[a-z_]+"), m.name() + " item " + m.paging());
            }
        }
        long apiPaged = api.values().stream()
                .filter(a -> ApiList.arguments(a).containsKey("page") || ApiList.arguments(a).containsKey("per_page")).count();
        assertEquals(apiPaged, table.methods().stream().filter(MethodSpec::isPaged).count());
    }
}
