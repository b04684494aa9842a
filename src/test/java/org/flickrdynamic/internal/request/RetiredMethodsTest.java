package org.flickrdynamic.internal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.testing.RecordingLogs;
import org.junit.jupiter.api.Test;

/** A method the table marks retired is still called, warns once per JVM, and its help says so. */
class RetiredMethodsTest {
    /** Calls a method, whatever the sandbox answers; the request goes out either way. */
    private static void callIgnoringTheAnswer(FlickrClient client, String method) {
        try {
            client.call(method);
        } catch (FlickrApiException answered) {
            // Flickr may refuse a retired method; the warning is what is looked at here.
        }
    }

    @Test
    void aRetiredMethodWarnsOncePerJvmAndItsHelpSaysSo() {
        try (Sandbox sandbox = Sandbox.start()) {
            SandboxToken reader = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.READ);
            try (FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                    .secret(sandbox.secret()).token(reader.token(), reader.tokenSecret()).retries(0).build()) {
                RetiredMethods.forgetWarnings(); // other tests of this JVM may have called it already
                RecordingLogs.clear();
                callIgnoringTheAnswer(client, "flickr.groups.browse");
                callIgnoringTheAnswer(client, "groups.browse");
                callIgnoringTheAnswer(client, "flickr.test.login");
                List<String> warnings = RecordingLogs.of("RetiredMethods");
                assertEquals(List.of("WARN org.flickrdynamic.internal.request.RetiredMethods: flickr.groups.browse is retired:"
                        + " Flickr's current API no longer lists it, so Flickr may refuse the call"), warnings);
                assertEquals(3, sandbox.requests().size(), "a retired method is still sent");

                String help = client.help("groups.browse");
                assertTrue(help.startsWith("flickr.groups.browse\n  RETIRED: Flickr's current API no longer lists this"
                        + " method"), help);
                assertFalse(client.help("test.login").contains("RETIRED"));
            }
        }
    }
}
