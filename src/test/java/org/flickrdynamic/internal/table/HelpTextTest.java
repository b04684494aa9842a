package org.flickrdynamic.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.flickrdynamic.table.MethodTable;
import org.junit.jupiter.api.Test;

/** The help text and signatures written from the method table. */
class HelpTextTest {
    private static final MethodTable TABLE = MethodTable.bundled();

    private static String help(String name) {
        return HelpText.of(TABLE, TABLE.find(name).orElseThrow());
    }

    private static String signature(String name) {
        return HelpText.signature(TABLE.find(name).orElseThrow());
    }

    @Test
    void helpHasEveryFactOfTheMethod() {
        String h = help("flickr.photos.delete");
        assertTrue(h.startsWith("flickr.photos.delete\n  Delete a photo from flickr.\n"), h);
        assertTrue(h.contains("  call:       Flickr.call(\"photos.delete\", \"photo_id\", ...)\n"), h);
        assertTrue(h.contains("  login:      needed: the user's token must hold delete permission\n"), h);
        assertTrue(h.contains("  signed:     yes, always"), h);
        assertTrue(h.contains("  HTTP:       POST\n"), h);
        assertTrue(h.contains("  photo_id (required)\n      The id of the photo to delete.\n"), h);
        // The method's own errors come first, apart from the ones every method shares.
        int own = h.indexOf("Errors of this method:\n  1 Photo not found: The photo id was not the id");
        int shared = h.indexOf("Errors shared by every method:\n  95 SSL is required");
        assertTrue(own > 0 && shared > own, h);
        assertTrue(h.contains("  99 User not logged in / Insufficient permissions: "), h);
    }

    @Test
    void unsignedPagedMethodsSaySo() {
        String h = help("flickr.photos.search");
        assertTrue(h.contains("  login:      not needed\n"), h);
        assertTrue(h.contains("  signed:     no, unless signed(true) is set\n"), h);
        assertTrue(h.contains("  HTTP:       GET; paged (<photos> of <photo>), see page and per_page\n"), h);
        assertTrue(h.contains("  tags\n      A comma-delimited list of tags."), h);
        assertFalse(h.contains("(required)"), "photos.search has no required argument: " + h);
    }

    @Test
    void documentationHtmlBecomesReadableText() {
        String h = help("flickr.photos.search");
        assertTrue(h.contains("min_date_upload parameters \u2014 If no limiting factor"), "entities decoded");
        assertFalse(h.contains("&#"), "no entity left: " + h);
        assertFalse(h.contains("\n\n\n"), "runs of blank lines are collapsed");
        for (String line : h.split("\n")) {
            assertEquals(line.stripTrailing(), line, "no trailing blanks");
        }
    }

    @Test
    void exampleAnswersAreShownWithoutStrayCarriageReturns() {
        assertTrue(help("flickr.photos.getAllContexts").contains("Example response:\n  <set id=\"392\" title=\"\u8bb0\u5fc6\u7fa4\u7ec4\"/>\n"));
        String members = help("flickr.groups.members.getList");
        assertTrue(members.contains("Example response:\n  <members page=\"1\""), members);
        assertFalse(members.contains("&#13;"), members);
    }

    @Test
    void methodsTakingAnyArgumentSayIt() {
        String h = help("flickr.test.echo");
        assertTrue(h.contains("  (none)\n  ... any other name=value pairs are accepted too\n"), h);
        assertTrue(h.contains("Errors (shared by every method):\n  95 "), h);
    }

    @Test
    void signatureIsOneLine() {
        assertEquals("flickr.photos.delete(photo_id) [login: delete, signed, POST]", signature("flickr.photos.delete"));
        assertEquals("flickr.test.echo(...) [no login, GET]", signature("flickr.test.echo"));
        String search = signature("flickr.photos.search");
        assertTrue(search.startsWith("flickr.photos.search([user_id], [tags], [tag_mode], [text], "), search);
        assertTrue(search.endsWith(", [page]) [no login, GET, paged]"), search);
        for (String name : List.of("flickr.photos.getAllContexts", "flickr.photosets.getPhotos")) {
            assertFalse(signature(name).contains("\n"), name);
        }
        assertTrue(signature("flickr.photosets.getPhotos").startsWith("flickr.photosets.getPhotos(photoset_id, "));
    }
}
