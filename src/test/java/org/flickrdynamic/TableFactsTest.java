package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.RecordingLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Facts the method table states, at work through a client against the sandbox: a retired method warns
 * once and says so in its help, a method the table marks signed is never sent unsigned, and a code the
 * table documents is explained in the exception.
 */
class TableFactsTest {
    private Sandbox sandbox;
    private FlickrClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        SandboxToken reader = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
        client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(reader.token(), reader.tokenSecret()).retries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    /** Calls a method, whatever the sandbox answers; the request goes out either way. */
    private void callIgnoringTheAnswer(String method) {
        try {
            client.call(method);
        } catch (FlickrApiException answered) {
            // Flickr may refuse a retired method; the warning is what is looked at here.
        }
    }

    @Test
    void aRetiredMethodWarnsOncePerJvmAndItsHelpSaysSo() {
        RecordingLogs.clear();
        callIgnoringTheAnswer("flickr.groups.browse");
        callIgnoringTheAnswer("groups.browse");
        callIgnoringTheAnswer("flickr.test.login");
        List<String> warnings = RecordingLogs.of("RetiredMethods");
        assertEquals(List.of("WARN org.flickrdynamic.request.RetiredMethods: flickr.groups.browse is retired: Flickr's"
                + " current API no longer lists it, so Flickr may refuse the call"), warnings);
        assertEquals(3, sandbox.requests().size(), "a retired method is still sent");

        String help = client.help("groups.browse");
        assertTrue(help.startsWith("flickr.groups.browse\n  RETIRED: Flickr's current API no longer lists this method"),
                help);
        assertFalse(client.help("test.login").contains("RETIRED"));
    }

    @Test
    void getAccessTokenIsNeverSentUnsigned() {
        try (FlickrClient unsigned = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                    () -> unsigned.call("flickr.auth.oauth.getAccessToken"));
            assertTrue(e.getMessage().contains("flickr.auth.oauth.getAccessToken must be signed"), e.getMessage());
        }
        assertEquals(0, sandbox.requests().size(), "nothing was sent");
        assertTrue(client.help("auth.oauth.getAccessToken").contains("signed:     yes, always"));
    }

    @Test
    void aCodeTheTableDocumentsIsExplained() {
        FlickrApiException e = assertThrows(FlickrApiException.class,
                () -> client.call("flickr.photos.getInfo", "photo_id", "1"));
        assertEquals(1, e.code());
        assertEquals("The photo id was either invalid or was for a photo not viewable by the calling user.",
                e.explanation());
        assertTrue(e.getMessage().contains("(The photo id was either invalid"), e.getMessage());
        assertFalse(e.isRetryable(), "code 1 is not marked temporary in the table");
    }

    @Test
    void codesTheTableMarksTemporaryMayBeRetried() {
        sandbox.faults().failNext(1, 201);
        FlickrApiException e = assertThrows(FlickrApiException.class, () -> client.call("flickr.test.echo"));
        assertEquals(201, e.code());
        assertTrue(e.isRetryable(), "201 is marked temporary in the table");
        assertTrue(e.getMessage().contains("(Flickr's API is not answering for the moment"), e.getMessage());
    }
}
