package org.flickrdynamic.internal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;
import org.junit.jupiter.api.Test;

class CallValidatorTest {
    private static final MethodSpec ADD_TAGS = new MethodSpec("flickr.photos.addTags", "Add tags to a photo.",
            Source.BOTH, true, true, Permission.WRITE, "POST",
            List.of(new ArgumentSpec("photo_id", true, "The id of the photo to add tags to."),
                    new ArgumentSpec("tags", true, "The tags to add to the photo.")),
            null, List.of(), null, null);
    private static final MethodSpec ECHO = new MethodSpec("flickr.test.echo", "Echoes.", Source.BOTH, false, false,
            Permission.NONE, "GET", List.of(), null, List.of(), null, null);

    private static final CallValidator.Capabilities ALL = new CallValidator.Capabilities(true, true, true);
    private static final CallValidator.Capabilities NOTHING = new CallValidator.Capabilities(false, false, false);

    private static List<String> problems(MethodSpec m, Map<String, String> args, CallValidator.Capabilities caps) {
        Problems p = new Problems();
        CallValidator.validate(m, args, caps, m.needsSigning(), p);
        if (!p.any()) {
            return List.of();
        }
        return assertThrows(FlickrArgumentException.class, () -> p.throwIfAny(m.name())).problems();
    }

    @Test
    void aCompleteCallHasNoProblem() {
        assertEquals(List.of(), problems(ADD_TAGS, Map.of("photo_id", "1", "tags", "cat"), ALL));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("tag", "cat");
        args.put("api_sig", "forged");
        List<String> p = problems(ADD_TAGS, args, NOTHING);
        String all = String.join("\n", p);
        assertTrue(all.contains("unknown argument tag (did you mean tags?)"), all);
        assertTrue(all.contains("api_sig is set by the library"), all);
        assertTrue(all.contains("missing required argument photo_id (The id of the photo to add tags to.)"), all);
        assertTrue(all.contains("missing required argument tags"), all);
        assertTrue(all.contains("no API key"), all);
        assertTrue(all.contains("must be signed, but no secret is set"), all);
        assertTrue(all.contains("needs a logged-in user with write permission"), all);
        assertEquals(7, p.size(), all);
    }

    @Test
    void libraryOwnedArgumentsCannotBeGiven() {
        for (String reserved : List.of("method", "api_sig", "oauth_signature", "oauth_token", "oauth_nonce", "format")) {
            List<String> p = problems(ECHO, Map.of(reserved, "x"), ALL);
            assertEquals(1, p.size(), reserved);
            assertTrue(p.get(0).contains(reserved + " is set by the library"), p.get(0));
        }
    }

    @Test
    void apiKeyAndAuthTokenMayBeGivenByTheCall() {
        assertEquals(List.of(), problems(ECHO, Map.of("api_key", "k"), NOTHING));
        assertEquals(List.of(), problems(ADD_TAGS, Map.of("photo_id", "1", "tags", "t", "auth_token", "legacy"),
                new CallValidator.Capabilities(true, true, false)));
    }

    @Test
    void unknownArgumentListsWhatTheMethodTakes() {
        List<String> p = problems(ADD_TAGS, Map.of("photo_id", "1", "tags", "x", "colour", "red"), ALL);
        assertEquals(List.of("unknown argument colour; flickr.photos.addTags takes photo_id, tags"), p);
        List<String> q = problems(ECHO, Map.of(), ALL);
        assertTrue(q.isEmpty());
    }

    @Test
    void signedModeNeedsASecretEvenForUnsignedMethods() {
        Problems p = new Problems();
        CallValidator.validate(ECHO, Map.of(), new CallValidator.Capabilities(true, false, false), true, p);
        assertTrue(p.any());
        Problems q = new Problems();
        CallValidator.validate(ECHO, Map.of(), new CallValidator.Capabilities(true, false, false), false, q);
        assertFalse(q.any());
    }
}
