package org.flickrdynamic.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.Signing;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every method of the table through the real client stack to the sandbox: a call missing its
 * required arguments is refused before sending, a complete call is answered, and it travels with the
 * HTTP verb the table prescribes, signed with the user's token. Once with OAuth, once with the legacy MD5 scheme.
 */
class EveryMethodTest {
    private static Sandbox sandbox;
    private static FlickrClient oauth;
    private static FlickrClient legacy;
    private static SandboxToken token;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        token = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.DELETE);
        FlickrClientBuilder base = FlickrClient.builder().baseUrl(sandbox.baseUrl())
                .apiKey(sandbox.apiKey()).secret(sandbox.secret());
        oauth = base.token(token.token(), token.tokenSecret()).build();
        legacy = oauth.newBuilder().signing(Signing.LEGACY_MD5).token(token.token(), null).build();
    }

    @AfterAll
    static void stop() {
        oauth.close();
        legacy.close();
        sandbox.close();
    }

    @TestFactory
    Stream<DynamicTest> everyMethodWithOauth() {
        return MethodTable.bundled().methods().stream()
                .map(m -> DynamicTest.dynamicTest(m.name(), () -> walk(oauth, m, "oauth_signature")));
    }

    @TestFactory
    Stream<DynamicTest> everyMethodWithLegacySigning() {
        return MethodTable.bundled().methods().stream()
                .map(m -> DynamicTest.dynamicTest(m.name(), () -> walk(legacy, m, "api_sig")));
    }

    private static void walk(FlickrClient client, MethodSpec m, String signatureParam) {
        List<ArgumentSpec> required = m.arguments().stream().filter(ArgumentSpec::required).toList();
        sandbox.clearRequests();
        if (!required.isEmpty()) {
            FlickrArgumentException missing = assertThrows(FlickrArgumentException.class, () -> client.call(m.name(), Map.of()));
            for (ArgumentSpec a : required) {
                assertTrue(missing.getMessage().contains("missing required argument " + a.name()), missing.getMessage());
            }
            assertEquals(required.size(), missing.problems().size(), missing.getMessage());
            assertTrue(sandbox.requests().isEmpty(), "a refused call sends nothing");
        }

        Map<String, Object> args = new LinkedHashMap<>();
        for (ArgumentSpec a : required) {
            args.put(a.name(), plausibleValue(a.name()));
        }
        try {
            Element rsp = client.call(m.shortName(), args);
            assertEquals("ok", rsp.attributeValue("stat"));
        } catch (FlickrApiException e) {
            // Dummy ids may name nothing in the sandbox's data; the answer must still be one the method documents.
            List<Integer> documented = new ArrayList<>();
            for (ErrorSpec err : client.table().errors(m)) {
                documented.add(err.code());
            }
            assertTrue(documented.contains(e.code()) || e.code() < 95,
                    m.name() + " answered an undocumented common code: " + e.getMessage());
            assertFalse(e.code() == 96 || e.code() == 97 || e.code() == 98 || e.code() == 99 || e.code() == 100
                    || e.code() == 112, "the sandbox refused the call itself: " + e.getMessage());
        }

        assertEquals(1, sandbox.requests().size(), "one request per call");
        var sent = sandbox.requests().get(0);
        assertEquals(m.httpVerb(), sent.httpMethod(), m.name());
        assertEquals(m.name(), sent.params().get("method"));
        // Both clients hold a token: every call is made as the user, signed whatever the table says.
        assertTrue(sent.params().containsKey(signatureParam), m.name() + " is signed with the user's token");
        assertNotNull(sent.params().get("api_key"));
    }

    /** A value of the right shape for an argument the table names. */
    private static String plausibleValue(String name) {
        return switch (name) {
            case "user_id", "group_id", "contact_id", "nsid" -> sandbox.users().get(0).nsid();
            case "oauth_token" -> token.token(); // checkToken's: the token to check
            case "lat" -> "51.5";
            case "lon" -> "-0.12";
            case "url" -> "https://www.flickr.com/photos/example/";
            case "email", "find_email" -> "someone@example.com";
            case "date", "min_date", "max_date" -> "2024-01-01";
            default -> name.endsWith("_ids") || name.equals("tags") ? "1,2" : "1";
        };
    }
}
