package org.flickrdynamic.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class LazyTableReaderTest {
    private static final String TABLE = """
            # generated
            format: 1
            common_errors:
              - code: 100
                message: Invalid API Key
            methods:
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
              - name: flickr.test.echo
                source: both
                description: |-
                  Echo.

                  Everything.
                needs_login: false
                needs_signing: false
                permission: none
                http_verb: GET
                arguments: []
                example: |
                  <method>flickr.test.echo</method>
            """;

    private static MethodTable lazy(String text) {
        return LazyTableReader.read(text.getBytes(StandardCharsets.UTF_8), "t.yaml");
    }

    private static MethodTable eager(String text) {
        return MethodTableLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.yaml");
    }

    @Test
    void readsTheSameTableAsTheFullLoader() {
        MethodTable lazy = lazy(TABLE);
        assertEquals(List.of("flickr.photos.delete", "flickr.test.echo"), lazy.names());
        assertEquals("Echo.\n\nEverything.", lazy.find("test.echo").orElseThrow().description());
        assertEquals(eager(TABLE).methods(), lazy.methods());
        assertEquals(eager(TABLE).commonErrors(), lazy.commonErrors());
        assertTrue(lazy.find("flickr.photos.delete").orElseThrow() == lazy.find("photos.delete").orElseThrow(),
                "a method is read once");
    }

    @Test
    void aMethodIsOnlyParsedWhenUsedAndItsFaultsNameTheFileLine() {
        MethodTable lazy = lazy(TABLE.replace("permission: none", "permission: root"));
        assertEquals("Delete a photo.", lazy.find("photos.delete").orElseThrow().description());
        MethodTableException e = assertThrows(MethodTableException.class, () -> lazy.find("test.echo"));
        assertEquals(27, e.line());
        assertEquals("t.yaml", e.file());
        assertEquals(27, assertThrows(MethodTableException.class, () -> eager(TABLE.replace("permission: none", "permission: root"))).line());
    }

    @Test
    void anotherFormatFailsAtOnceAndBadCommonErrorsWhenFirstNeeded() {
        assertEquals(2, assertThrows(MethodTableException.class, () -> lazy(TABLE.replace("format: 1", "format: 9"))).line());
        MethodTable lazy = lazy(TABLE.replace("code: 100", "code: many"));
        assertEquals("Delete a photo.", lazy.find("photos.delete").orElseThrow().description());
        assertEquals(4, assertThrows(MethodTableException.class, lazy::commonErrors).line());
    }

    @Test
    void otherLayoutsAreReadInFull() {
        String unsorted = TABLE.replace("flickr.test.echo", "flickr.a.echo");
        assertEquals(List.of("flickr.a.echo", "flickr.photos.delete"), lazy(unsorted).names());
        String duplicate = TABLE.replace("flickr.test.echo", "flickr.photos.delete");
        assertEquals(19, assertThrows(MethodTableException.class, () -> lazy(duplicate)).line(), "found at load");
        String flow = TABLE.replace("methods:\n", "methods:\n  # a comment\n");
        assertEquals(eager(flow).methods(), lazy(flow).methods());
        String trailingKey = TABLE + "extra: 1\n";
        assertTrue(assertThrows(MethodTableException.class, () -> lazy(trailingKey)).getMessage().contains("unknown key 'extra'"));
    }
}
