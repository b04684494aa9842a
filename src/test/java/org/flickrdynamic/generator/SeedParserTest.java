package org.flickrdynamic.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.flickrdynamic.generator.SeedManual.SeedArgument;
import org.flickrdynamic.generator.SeedManual.SeedMethod;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.testing.SharedFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SeedParserTest {
    private static final String S = "\u00a0";

    /** A two-entry manual in the seed's layout, no-break spaces included, cut off mid-way. */
    private static final String MINI = String.join("\n",
            "3" + S + "Methods",
            "flickr.photos.get Info",
            "flickr.test.echo",
            "",
            "Example:",
            "",
            S + S + "> (flickr.test.echo" + S + "#:api_key" + S + "\"k\")",
            "",
            S + S + "((method" + S + "()" + S + "\"flickr.test.echo\"))",
            "",
            "(flickr.photos.getInfo" + S + "[#:api_sig" + S + "api_sig" + S,
            S + S + "#:api_key" + S + "api_key]" + S,
            S + S + "#:photo_id" + S + "photo_id" + S,
            S + S + "[#:secret" + S + "secret])" + S,
            S + S + "(listof" + S + "xexpr?)",
            S + S + "api_sig" + S + ":" + S + "(or/c" + S + "#f" + S + "string?)" + S + "=" + S + "#f",
            S + S + "api_key" + S + ":" + S + "string?" + S + "=" + S + "(current-api-key)",
            S + S + "photo_id" + S + ":" + S + "string?",
            S + S + "secret" + S + ":" + S + "(or/c" + S + "#f" + S + "string?)" + S + "=" + S + "#f",
            "Get information about a photo.",
            "  \u2022 photo_id \u2013 The id of the photo.",
            "",
            "  \u2022 secret \u2013 The secret.",
            "",
            "Authentication:",
            "This method does not need login.",
            "This method needs signing.",
            "Response:",
            S + S + "((photo" + S + "((id" + S + "\"1\"))))",
            "Explanation: <p>Some notes.</p>",
            "Error codes:",
            "  \u2022 1Photo not found: The photo id was not valid.",
            "",
            "  \u2022 2Odd: colon: inside",
            "",
            "  \u2022 3Empty:",
            "",
            "API Explorer: flickr.photos.getInfo",
            "(flickr.test.echo" + S + "[#:api_key" + S + "api_key])" + S + S + "(listof" + S + "xexpr?)",
            S + S + "api_key" + S + ":" + S + "string?" + S + "=" + S + "(current-api-key)",
            "Echo.",
            "Authentication:",
            "This method does not need login.",
            "This method does not need signing.",
            "Response:",
            S + S + "\"MALFORMED RESPONSE\"",
            "Error codes:",
            "  \u2022 100Invalid API Key: The API key passed was not valid.",
            "",
            "  \u2022 111Format \"xxx\" not found: The requested r");

    @Test
    void readsEveryPartOfAnEntry() {
        SeedManual seed = SeedParser.parse("mini.txt", MINI);
        assertEquals(List.of("flickr.photos.getInfo", "flickr.test.echo"), seed.indexNames());
        SeedMethod info = seed.detailed().get("flickr.photos.getInfo");
        assertEquals("Get information about a photo.", info.description());
        assertEquals(List.of(new SeedArgument("api_sig", false, null), new SeedArgument("api_key", false, null),
                new SeedArgument("photo_id", true, "The id of the photo."), new SeedArgument("secret", false, "The secret.")),
                info.arguments());
        assertFalse(info.needsLogin());
        assertTrue(info.needsSigning());
        assertEquals(29, info.example().line());
        assertTrue(info.example().sexpr().contains("((photo"));
        assertEquals("<p>Some notes.</p>", info.explanation());
        assertEquals(List.of(new ErrorSpec(1, "Photo not found", "The photo id was not valid."),
                new ErrorSpec(2, "Odd", "colon: inside"), new ErrorSpec(3, "Empty", null)), info.errors());
        assertFalse(info.truncated());
        assertEquals(9, seed.overviewExamples().get("flickr.test.echo").line());
    }

    @Test
    void malformedResponseAndCutOffEnd() {
        SeedMethod echo = SeedParser.parse("mini.txt", MINI).detailed().get("flickr.test.echo");
        assertTrue(echo.malformed());
        assertNull(echo.example());
        assertTrue(echo.truncated());
        assertEquals(List.of(new ErrorSpec(100, "Invalid API Key", "The API key passed was not valid.")), echo.errors(),
                "the cut-off last error is left out");
    }

    @Test
    void aCompleteLastLineIsKept() {
        SeedMethod echo = SeedParser.parse("mini.txt", MINI + " was not found.\n").detailed().get("flickr.test.echo");
        assertFalse(echo.truncated());
        assertEquals(2, echo.errors().size());
    }

    @Test
    void layoutFaultsNameTheLine() {
        String broken = MINI.replace("This method needs signing.", "This method may need signing.");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeedParser.parse("mini.txt", broken));
        assertTrue(e.getMessage().startsWith("mini.txt line 27:"), e.getMessage());
        String unindexed = MINI.replace("flickr.test.echo\n\nExample", "\nExample");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedParser.parse("mini.txt", unindexed))
                .getMessage().contains("flickr.test.echo is not in the index"));
    }

    @Test
    @Tag(SharedFolder.TAG)
    void theRealSeed() throws IOException {
        SeedManual seed = SeedParser.parse(SharedFolder.SEED, Files.readString(SharedFolder.seed(), StandardCharsets.UTF_8));
        assertEquals(174, seed.indexNames().size());
        assertTrue(seed.indexNames().contains("flickr.stats.getCSVFiles"));
        assertTrue(seed.indexNames().contains("flickr.places.resolvePlaceURL"));
        assertEquals(75, seed.detailed().size());
        assertEquals(7, seed.detailed().values().stream().filter(SeedMethod::malformed).count());
        List<SeedMethod> cut = seed.detailed().values().stream().filter(SeedMethod::truncated).toList();
        assertEquals(List.of("flickr.photos.getExif"), cut.stream().map(SeedMethod::name).toList());
        assertEquals(List.of(1, 2, 100, 105), cut.get(0).errors().stream().map(ErrorSpec::code).toList());
        SeedMethod members = seed.detailed().get("flickr.groups.members.getList");
        assertEquals(new ErrorSpec(1, "Group not found", null), members.errors().get(0));
        assertEquals("", seed.detailed().get("flickr.blogs.postPhoto").description());
    }
}
