package org.flickrdynamic.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flickrdynamic.internal.table.MethodTableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MethodTableLoaderTest {
    @TempDir
    Path dir;

    /** A small valid table; the faulty variants below each break one thing in it. */
    private static final String VALID = """
            format: 1
            sources:
              seed: a manual
            common_errors:
              - code: 100
                message: Invalid API Key
                explanation: The API key passed was not valid or has expired.
            methods:
              - name: flickr.photos.search
                source: both
                description: "Return a list of photos <b>matching</b> some criteria."
                needs_login: false
                needs_signing: false
                permission: none
                http_verb: GET
                paging: {list: photos, item: photo}
                arguments:
                  - name: tags
                    required: false
                    description: A comma-delimited list of tags.
                  - name: page
                    required: false
                    description: The page.
                errors:
                  - code: 3
                    message: No search parameters
                example: |
                  <photos page="1">
                    <photo id="1"/>
                  </photos>
              - name: flickr.photos.delete
                source: api
                description: Delete a photo.
                needs_login: true
                needs_signing: true
                permission: delete
                http_verb: POST
                arguments:
                  - name: photo_id
                    required: true
                    description: The photo.
                errors: []
            """;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("methods.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private MethodTableException fails(String text) throws IOException {
        Path file = write(text);
        MethodTableException e = assertThrows(MethodTableException.class, () -> MethodTable.load(file));
        assertEquals(file.toString(), e.file());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    /** Replaces exactly one occurrence, so a variant cannot silently stay valid. */
    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "fixture must contain '" + from + "' once");
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    @Test
    void loadsEveryField() throws IOException {
        MethodTable table = MethodTable.load(write(VALID));
        assertEquals(List.of("flickr.photos.delete", "flickr.photos.search"), table.names());
        MethodSpec search = table.find("photos.search").orElseThrow();
        assertSame(search, table.find("flickr.photos.search").orElseThrow());
        assertEquals("Return a list of photos <b>matching</b> some criteria.", search.description());
        assertEquals(Source.BOTH, search.source());
        assertEquals(Permission.NONE, search.permission());
        assertEquals("GET", search.httpVerb());
        assertEquals(new Paging("photos", "photo"), search.paging());
        assertEquals(List.of(new ArgumentSpec("tags", false, "A comma-delimited list of tags."),
                new ArgumentSpec("page", false, "The page.")), search.arguments());
        assertEquals(List.of(new ErrorSpec(3, "No search parameters", null)), search.errors());
        assertEquals("<photos page=\"1\">\n  <photo id=\"1\"/>\n</photos>\n", search.exampleResponse());
        assertNull(search.explanation());

        MethodSpec delete = table.find("flickr.photos.delete").orElseThrow();
        assertTrue(delete.needsLogin() && delete.needsSigning() && delete.isPost());
        assertEquals(Permission.DELETE, delete.permission());
        assertFalse(delete.isPaged());
        assertNull(delete.exampleResponse());
        assertEquals(new ErrorSpec(100, "Invalid API Key", "The API key passed was not valid or has expired."),
                table.error(delete, 100).orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> delete.arguments().clear());
        assertThrows(UnsupportedOperationException.class, () -> table.methods().clear());
        assertThrows(UnsupportedOperationException.class, () -> table.commonErrors().clear());
    }

    /** The facts fields: temporary codes, code sources, limits, uploads, retired and stateful methods, caps. */
    private static final String FACTS = replaceOnce(replaceOnce(replaceOnce(VALID, """
                explanation: The API key passed was not valid or has expired.
            methods:
            """, """
                explanation: The API key passed was not valid or has expired.
                source: seed
              - code: 105
                message: Service currently unavailable
                temporary: true
            limits:
              max_page: 10000
            uploads:
              - name: upload
                source: api
                description: Uploads a photo.
                needs_login: true
                needs_signing: true
                permission: write
                http_verb: POST
                endpoint: "https://up.example/services/upload/"
                arguments:
                  - name: title
                    required: false
                    description: The title.
                errors:
                  - code: 4
                    message: Filesize was zero
                    source: "https://www.flickr.com/services/api/upload.api.html"
            methods:
            """), """
                http_verb: GET
                paging: {list: photos, item: photo}
            """, """
                http_verb: GET
                max_results: 4000
                paging: {list: photos, item: photo}
            """), """
                http_verb: POST
                arguments:
            """, """
                http_verb: POST
                retired: true
                changes_state_on_read: true
                arguments:
            """);

    @Test
    void loadsTheFactsFieldsEagerlyAndLazily() throws IOException {
        Path file = write(FACTS);
        for (MethodTable table : List.of(MethodTable.load(file),
                LazyTableReader.read(FACTS.getBytes(StandardCharsets.UTF_8), "lazy"))) {
            assertEquals(java.util.Set.of(105), table.temporaryErrorCodes(), table.origin());
            assertEquals("seed", table.commonErrors().get(100).source());
            assertEquals(10_000, table.maxPage());
            MethodSpec upload = table.upload("upload").orElseThrow();
            assertEquals("https://up.example/services/upload/", upload.endpoint());
            assertEquals(List.of(new ErrorSpec(4, "Filesize was zero", null,
                    "https://www.flickr.com/services/api/upload.api.html", false)), upload.errors());
            assertTrue(table.upload("replace").isEmpty());
            MethodSpec search = table.find("photos.search").orElseThrow();
            assertEquals(4000, search.maxResults());
            assertFalse(search.retired() || search.changesStateOnRead());
            MethodSpec delete = table.find("photos.delete").orElseThrow();
            assertTrue(delete.retired() && delete.changesStateOnRead());
            assertEquals(0, delete.maxResults());
        }
        MethodTable plain = MethodTable.load(write(VALID));
        assertEquals(java.util.Set.of(), plain.temporaryErrorCodes(), "a table without the facts fields still loads");
        assertEquals(0, plain.maxPage());
        assertTrue(plain.uploads().isEmpty());
    }

    @Test
    void writtenFactsReadBackTheSame() throws IOException {
        MethodTable table = MethodTable.load(write(FACTS));
        String again = MethodTableWriter.write(List.of("again"), java.util.Map.of(), table.commonErrors().values(),
                table.maxPage(), List.copyOf(table.uploads().values()), table.methods());
        MethodTable reread = MethodTable.load(write(again));
        assertEquals(table.methods(), reread.methods());
        assertEquals(table.commonErrors(), reread.commonErrors());
        assertEquals(table.uploads(), reread.uploads());
        assertEquals(table.maxPage(), reread.maxPage());
    }

    @Test
    void faultyFactsAreNamedWithTheirLine() throws IOException {
        MethodTableException e = fails(replaceOnce(FACTS, "max_page: 10000", "max_page: 0"));
        assertTrue(e.getMessage().contains("limits: max_page must be a positive number, not 0"), e.getMessage());
        e = fails(replaceOnce(FACTS, "    endpoint: \"https://up.example/services/upload/\"\n", ""));
        assertTrue(e.getMessage().contains("missing key 'endpoint'"), e.getMessage());
        e = fails(replaceOnce(FACTS, "  - name: upload\n", "  - name: flickr.upload\n"));
        assertTrue(e.getMessage().contains("upload name 'flickr.upload' is not a plain lower-case word"), e.getMessage());
        e = fails(replaceOnce(FACTS, "    max_results: 4000\n", "    max_results: 4000\n    endpoint: x\n"));
        assertTrue(e.getMessage().contains("unknown key 'endpoint'"), e.getMessage());
        e = fails(replaceOnce(FACTS, "    temporary: true\n", "    temporary: maybe\n"));
        assertEquals(11, e.line(), "the line of temporary: maybe");
    }

    @Test
    void missingFileNamesTheFile() {
        Path file = dir.resolve("nowhere.yaml");
        MethodTableException e = assertThrows(MethodTableException.class, () -> MethodTable.load(file));
        assertEquals(file.toString(), e.file());
        assertTrue(e.getMessage().contains("nowhere.yaml") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(fails("").getMessage().contains("empty"));
    }

    @Test
    void notYamlGivesTheLine() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "    source: api\n", "    source: [api\n"));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertEquals(33, e.line(), "the flow list opened on line 32 breaks where the next key starts");
    }

    @Test
    void notATable() throws IOException {
        MethodTableException e = fails("- just\n- a list\n");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("must be a mapping"), e.getMessage());
    }

    @Test
    void missingKeyGivesTheMethodsLine() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "    http_verb: POST\n", ""));
        assertEquals(31, e.line());
        assertTrue(e.getMessage().contains("missing key 'http_verb'"), e.getMessage());
    }

    @Test
    void missingTopLevelKey() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "format: 1\n", ""));
        assertTrue(e.getMessage().contains("missing key 'format'"), e.getMessage());
    }

    @Test
    void wrongTypeGivesTheValuesLine() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "    needs_login: true\n", "    needs_login: sometimes\n"));
        assertEquals(34, e.line());
        assertTrue(e.getMessage().contains("needs_login must be true or false"), e.getMessage());
    }

    @Test
    void numberWhereAStringBelongs() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "description: Delete a photo.", "description: 12"));
        assertEquals(33, e.line());
        assertTrue(e.getMessage().contains("must be a string, found an integer '12'"), e.getMessage());
    }

    @Test
    void unknownPermission() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "permission: delete", "permission: admin"));
        assertEquals(36, e.line());
        assertTrue(e.getMessage().contains("unknown permission 'admin'"), e.getMessage());
    }

    @Test
    void unknownVerbAndSource() throws IOException {
        assertEquals(37, fails(replaceOnce(VALID, "http_verb: POST", "http_verb: PUT")).line());
        assertEquals(32, fails(replaceOnce(VALID, "source: api", "source: rumour")).line());
    }

    @Test
    void duplicateMethodGivesTheSecondOne() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "name: flickr.photos.delete", "name: flickr.photos.search"));
        assertEquals(31, e.line());
        assertTrue(e.getMessage().contains("flickr.photos.search is listed twice"), e.getMessage());
    }

    @Test
    void duplicateKeyArgumentAndCode() throws IOException {
        assertEquals(34, fails(replaceOnce(VALID, "    description: Delete a photo.\n",
                "    description: Delete a photo.\n    description: again\n")).line());
        assertEquals(21, fails(replaceOnce(VALID, "- name: page", "- name: tags")).line());
        assertEquals(7, fails(replaceOnce(VALID, "common_errors:\n",
                "common_errors:\n  - code: 100\n    message: twice\n")).line());
    }

    @Test
    void unknownKeyIsRejected() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "    http_verb: POST\n", "    http_verb: POST\n    verb: POST\n"));
        assertEquals(38, e.line());
        assertTrue(e.getMessage().contains("unknown key 'verb'"), e.getMessage());
    }

    @Test
    void shortMethodNameIsRejected() throws IOException {
        assertEquals(31, fails(replaceOnce(VALID, "name: flickr.photos.delete", "name: photos.delete")).line());
    }

    @Test
    void unsupportedFormat() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "format: 1", "format: 2"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("format 2 is not supported"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Bad method table "), "not a bad call: " + e.getMessage());
    }

    @Test
    void anotherFormatIsNamedBeforeTheKeysItLacks() throws IOException {
        String other = replaceOnce(replaceOnce(VALID, "format: 1", "format: 2"), "common_errors:", "shared_errors:");
        MethodTableException e = fails(other);
        assertTrue(e.getMessage().contains("format 2 is not supported (expected 1)"), e.getMessage());
    }

    @Test
    void javaTypeTagsAreNeverConstructed() throws IOException {
        MethodTableException e = fails(replaceOnce(VALID, "description: Delete a photo.",
                "description: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]"));
        assertEquals(33, e.line());
        assertTrue(e.getMessage().contains("tag"), e.getMessage());
    }

    @Test
    void localTagsAreRejected() throws IOException {
        assertEquals(33, fails(replaceOnce(VALID, "description: Delete a photo.", "description: !shout Delete a photo.")).line());
    }
}
