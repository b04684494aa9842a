package org.flickrdynamic.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.generator.ApiReference.ApiMethod;
import org.flickrdynamic.generator.SeedManual.Example;
import org.flickrdynamic.generator.SeedManual.SeedArgument;
import org.flickrdynamic.generator.SeedManual.SeedMethod;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Paging;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;
import org.junit.jupiter.api.Test;

class TableMergerTest {
    private static final FlickrFacts NO_FACTS = new FlickrFacts(Map.of(), java.util.Set.of(), Map.of(),
            java.util.Set.of(), Map.of(), 0, List.of());
    private static final ErrorSpec E100 = new ErrorSpec(100, "Invalid API Key", "The API key passed was not valid or has expired.");
    private static final ErrorSpec E105 = new ErrorSpec(105, "Service currently unavailable", "The requested service is temporarily unavailable.");

    private static SeedMethod seedMethod(String name, boolean login, List<SeedArgument> args, String example,
                                         List<ErrorSpec> errors) {
        return new SeedMethod(name, 1, "Seed says " + name, args, login, login,
                example == null ? null : new Example(example, 1), false, "Notes.", errors, false);
    }

    private static ArgumentSpec arg(String name, boolean required, String description) {
        return new ArgumentSpec(name, required, description);
    }

    private static GeneratedTable merge(List<SeedMethod> detailed, List<String> extraIndex, List<ApiMethod> apiMethods,
                                        Map<String, Paging> known) {
        Map<String, SeedMethod> d = new LinkedHashMap<>();
        detailed.forEach(m -> d.put(m.name(), m));
        List<String> index = new java.util.ArrayList<>(d.keySet());
        index.addAll(extraIndex);
        Map<String, ApiMethod> a = new LinkedHashMap<>();
        apiMethods.forEach(m -> a.put(m.name(), m));
        return TableMerger.merge(new SeedManual(index, d, Map.of()), "seed.txt", "a seed",
                new ApiReference("an api", a), new RecordedReflection("no recording", Map.of()), NO_FACTS, known);
    }

    private static MethodSpec find(GeneratedTable t, String name) {
        return t.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private final SeedMethod search = seedMethod("flickr.photos.search", false,
            List.of(new SeedArgument("api_key", false, null), new SeedArgument("tags", true, "Seed tags."),
                    new SeedArgument("old", false, "Gone."), new SeedArgument("page", false, "Page.")),
            "((photos ((page \"1\") (total \"1\")) (photo ((id \"1\")))))",
            List.of(new ErrorSpec(3, "No search parameters", null), E100, E105,
                    new ErrorSpec(105, "Service currently unavailable", "Different text."), new ErrorSpec(108, "Invalid frob", null)));
    private final SeedMethod browse = seedMethod("flickr.groups.browse", true,
            List.of(new SeedArgument("cat_id", false, "The category.")), null, List.of(E100, E105));
    private final ApiMethod apiSearch = new ApiMethod("flickr.photos.search", "API search.", Permission.NONE, List.of(
            arg("tags", false, ""), arg("oauth_token", true, "x"), arg("auth_token", false, "x"), arg("page", false, "API page."),
            arg("extras", false, "New.")));
    private final ApiMethod apiDelete = new ApiMethod("flickr.photos.delete", "Delete.", Permission.DELETE,
            List.of(arg("photo_id", true, "The photo.")));
    private final ApiMethod apiFrob = new ApiMethod("flickr.auth.getFrob", "<b>This method call must be signed</b>.",
            Permission.NONE, List.of());
    private final ApiMethod apiEcho = new ApiMethod("flickr.test.echo", "Echo.", Permission.NONE, List.of());

    private GeneratedTable table() {
        return merge(List.of(search, browse), List.of("flickr.test.echo"), List.of(apiSearch, apiDelete, apiFrob, apiEcho), Map.of());
    }

    @Test
    void unionOfNamesWithTheirSource() {
        GeneratedTable t = table();
        assertEquals(List.of("flickr.auth.getFrob", "flickr.groups.browse", "flickr.photos.delete", "flickr.photos.search",
                "flickr.test.echo"), t.methods().stream().map(MethodSpec::name).toList());
        assertEquals(Source.API, find(t, "flickr.auth.getFrob").source());
        assertEquals(Source.SEED, find(t, "flickr.groups.browse").source());
        assertEquals(Source.BOTH, find(t, "flickr.photos.search").source());
        assertEquals(Source.BOTH, find(t, "flickr.test.echo").source(), "named in the seed's index only");
    }

    @Test
    void theApiWinsForArgumentsAndTheSeedFillsBlanks() {
        MethodSpec m = find(table(), "flickr.photos.search");
        assertEquals(List.of(arg("tags", false, "Seed tags."), arg("page", false, "API page."), arg("extras", false, "New.")),
                m.arguments(), "API order and required flags; implicit and dropped ones left out");
        assertEquals("API search.", m.description());
        assertEquals("Notes.", m.explanation());
        assertTrue(table().notes().stream().anyMatch(n -> n.contains("old is gone")));
        assertTrue(table().notes().stream().anyMatch(n -> n.contains("tags is optional in the current API")));
        assertTrue(table().notes().stream().anyMatch(n -> n.contains("lists oauth_token as a required argument")));
    }

    @Test
    void loginSigningPermissionAndVerb() {
        GeneratedTable t = table();
        MethodSpec browse = find(t, "flickr.groups.browse");
        assertEquals(Permission.READ, browse.permission(), "seed only: needs login means read");
        assertTrue(browse.needsLogin() && browse.needsSigning());
        assertEquals(List.of(arg("cat_id", false, "The category.")), browse.arguments());
        assertEquals("Seed says flickr.groups.browse", browse.description());

        MethodSpec delete = find(t, "flickr.photos.delete");
        assertTrue(delete.needsLogin() && delete.needsSigning());
        assertEquals("POST", delete.httpVerb());

        MethodSpec frob = find(t, "flickr.auth.getFrob");
        assertFalse(frob.needsLogin());
        assertTrue(frob.needsSigning(), "its description says it must be signed");
        assertEquals("GET", frob.httpVerb());
        assertFalse(find(t, "flickr.test.echo").needsSigning());
    }

    @Test
    void ownErrorsLeaveOutTheCommonOnes() {
        GeneratedTable t = table();
        assertEquals(List.of(100, 105), t.commonErrors().stream().map(ErrorSpec::code).toList(),
                "100 and 105 are listed by two methods; 108 by one");
        assertEquals(E105.withSource("seed"), t.commonErrors().get(1), "the most frequent text wins");
        assertEquals(List.of(new ErrorSpec(3, "No search parameters", null, "seed", false),
                        new ErrorSpec(105, "Service currently unavailable", "Different text.", "seed", false),
                        new ErrorSpec(108, "Invalid frob", null, "seed", false)),
                find(t, "flickr.photos.search").errors());
        assertEquals(List.of(), find(t, "flickr.groups.browse").errors());
    }

    @Test
    void factsAndRecordedAnswersAddCodesFlagsAndCaps() {
        ErrorSpec e201 = new ErrorSpec(201, "API service not currently available", null, "observed: x", false);
        FlickrFacts facts = new FlickrFacts(Map.of(201, e201), java.util.Set.of(105, 201),
                Map.of("flickr.photos.search", List.of(new ErrorSpec(9, "Seen", null, "observed: y", false))),
                java.util.Set.of("flickr.auth.getFrob"), Map.of("flickr.photos.search", 4000), 10_000, List.of());
        RecordedReflection recorded = new RecordedReflection("recorded", Map.of(
                "flickr.photos.search", new RecordedReflection.Recorded(false, List.of(
                        new ErrorSpec(3, "Other text", null, "reflection", false),
                        new ErrorSpec(4, "Too many tags", "Recorded.", "reflection", false))),
                "flickr.test.echo", new RecordedReflection.Recorded(true, List.of())));
        Map<String, SeedMethod> d = new LinkedHashMap<>();
        List.of(search, browse).forEach(m -> d.put(m.name(), m));
        List<String> index = new java.util.ArrayList<>(d.keySet());
        index.add("flickr.test.echo");
        Map<String, ApiMethod> a = new LinkedHashMap<>();
        List.of(apiSearch, apiDelete, apiFrob, apiEcho).forEach(m -> a.put(m.name(), m));
        GeneratedTable t = TableMerger.merge(new SeedManual(index, d, Map.of()), "seed.txt", "a seed",
                new ApiReference("an api", a), recorded, facts, Map.of());

        assertEquals(List.of(100, 105, 201), t.commonErrors().stream().map(ErrorSpec::code).toList());
        assertEquals(List.of(false, true, true), t.commonErrors().stream().map(ErrorSpec::temporary).toList());
        MethodSpec s = find(t, "flickr.photos.search");
        assertEquals(List.of(3, 4, 9, 105, 108), s.errors().stream().map(ErrorSpec::code).toList(),
                "the seed's codes, the recorded answer's the seed lacks, the observed ones; sorted by code");
        assertEquals("No search parameters", s.errors().get(0).message(), "the seed's text wins over the recording's");
        assertEquals(List.of("seed", "reflection", "observed: y", "seed", "seed"),
                s.errors().stream().map(ErrorSpec::source).toList());
        assertEquals(4000, s.maxResults());
        assertEquals(10_000, t.maxPage());
        assertTrue(find(t, "flickr.auth.getFrob").changesStateOnRead());
        assertTrue(find(t, "flickr.test.echo").needsSigning(), "the recorded answer says it must be signed");
        assertTrue(find(t, "flickr.groups.browse").retired(), "the current API lacks it");
        assertFalse(s.retired());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("flickr.groups.browse") && n.contains("retired")));
    }

    @Test
    void factsAboutUnknownMethodsOrAlreadyDocumentedCodesAreRefused() {
        FlickrFacts unknownMethod = new FlickrFacts(Map.of(), java.util.Set.of(), Map.of(),
                java.util.Set.of("flickr.no.such"), Map.of(), 0, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableMerger.merge(
                new SeedManual(List.of(), Map.of(), Map.of()), "seed.txt", "a seed", new ApiReference("an api", Map.of()),
                new RecordedReflection("r", Map.of()), unknownMethod, Map.of()));
        assertTrue(e.getMessage().contains("flickr.no.such"), e.getMessage());

        FlickrFacts documented = new FlickrFacts(Map.of(), java.util.Set.of(), Map.of("flickr.photos.search",
                List.of(new ErrorSpec(3, "Again", null, "observed: z", false))), java.util.Set.of(), Map.of(), 0, List.of());
        Map<String, SeedMethod> d = Map.of(search.name(), search);
        e = assertThrows(IllegalArgumentException.class, () -> TableMerger.merge(
                new SeedManual(List.of(search.name()), d, Map.of()), "seed.txt", "a seed",
                new ApiReference("an api", Map.of(apiSearch.name(), apiSearch)), new RecordedReflection("r", Map.of()),
                documented, Map.of()));
        assertTrue(e.getMessage().contains("code 3") && e.getMessage().contains("documents it"), e.getMessage());

        FlickrFacts notCommon = new FlickrFacts(Map.of(), java.util.Set.of(777), Map.of(), java.util.Set.of(), Map.of(), 0,
                List.of());
        e = assertThrows(IllegalArgumentException.class, () -> TableMerger.merge(
                new SeedManual(List.of(), Map.of(), Map.of()), "seed.txt", "a seed", new ApiReference("an api", Map.of()),
                new RecordedReflection("r", Map.of()), notCommon, Map.of()));
        assertTrue(e.getMessage().contains("777"), e.getMessage());
    }

    @Test
    void exampleBecomesXmlAndShowsThePaging() {
        MethodSpec m = find(table(), "flickr.photos.search");
        assertEquals("<photos page=\"1\" total=\"1\">\n  <photo id=\"1\"/>\n</photos>\n", m.exampleResponse());
        assertEquals(new Paging("photos", "photo"), m.paging());
        assertNull(find(table(), "flickr.photos.delete").paging());
    }

    @Test
    void pagingWithoutExampleNeedsAKnownEntryAndEveryEntryMustBeNeeded() {
        ApiMethod recent = new ApiMethod("flickr.photos.getRecent", "Recent.", Permission.NONE, List.of(arg("per_page", false, "")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> merge(List.of(), List.of(), List.of(recent), Map.of()));
        assertTrue(e.getMessage().contains("flickr.photos.getRecent is paged"), e.getMessage());
        GeneratedTable t = merge(List.of(), List.of(), List.of(recent), Map.of("flickr.photos.getRecent", new Paging("photos", "photo")));
        assertEquals(new Paging("photos", "photo"), t.methods().get(0).paging());
        IllegalArgumentException stale = assertThrows(IllegalArgumentException.class, () -> merge(List.of(), List.of(),
                List.of(recent), Map.of("flickr.photos.getRecent", new Paging("photos", "photo"), "flickr.test.null", new Paging("a", "b"))));
        assertTrue(stale.getMessage().contains("flickr.test.null"), stale.getMessage());
    }

    @Test
    void mustBeSignedReadsThroughMarkup() {
        assertTrue(TableMerger.saysMustBeSigned("This call <b>must</b> be signed, and"));
        assertTrue(TableMerger.saysMustBeSigned("This method call must\nbe signed"));
        assertFalse(TableMerger.saysMustBeSigned("It is designed to allow users"));
    }
}
