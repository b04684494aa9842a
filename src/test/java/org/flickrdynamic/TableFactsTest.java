package org.flickrdynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Facts the method table states, at work through a client against the sandbox: a method the table
 * marks signed is never sent unsigned, a code the table documents is explained in the exception and in
 * help, and a code it marks temporary may be retried. (Retired methods: {@code RetiredMethodsTest}.)
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
        String help = client.help("photos.getInfo");
        assertTrue(help.contains("\n  1 Photo not found.: The photo id was either invalid"), help);
        assertTrue(help.contains("\n  2 Photo is private: The photo exists but the caller may not see it."
                + " (undocumented; Flickr is known to send it)\n"), help);
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
