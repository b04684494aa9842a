package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.junit.jupiter.api.Test;

/** {@code bin/flickr sandbox}: a standalone sandbox in its own process, used over HTTP as any client would. */
class SandboxCommandTest {
    private static Process start(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.flickrdynamic.internal.cli.FlickrCommand", "sandbox"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).start();
    }

    @Test
    void printsItsAddressKeyAndSecretAndServesUntilStopped() throws Exception {
        Process p = start("--port", "0", "--seed", "7", "--photos", "300");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line.strip());
                if (line.strip().startsWith("photos:")) {
                    break;
                }
            }
            String base = value(lines, "base URL:");
            String rest = value(lines, "REST URL:");
            assertTrue(base.matches("http://127\\.0\\.0\\.1:[0-9]+/"), base);
            assertEquals(base + "services/rest/", rest);
            assertEquals("300 of 5 users (seed 7)", value(lines, "photos:"));
            try (FlickrClient client = FlickrClient.builder().baseUrl(base).apiKey(value(lines, "API key:"))
                    .secret(value(lines, "API secret:")).build()) {
                assertEquals("bar", client.call("test.echo", "foo", "bar").elementText("foo"));
                Element photos = client.call("photos.search", "min_upload_date", 0).element("photos");
                assertEquals("300", photos.attributeValue("total"));
            }
            assertTrue(p.isAlive(), "it keeps serving");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String value(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " in " + lines)).substring(label.length()).strip();
    }

    @Test
    void aBadOptionIsAUsageErrorNamingIt() throws Exception {
        Process p = start("--photos", "many");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue());
        assertTrue(err.contains("--photos needs a whole number, not 'many'"), err);
        assertTrue(err.contains("usage: flickr sandbox [--port N] [--seed N] [--photos N]"), err);
    }
}
