package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flickr backup} as a process of its own against a sandbox of this test (over {@code --endpoint},
 * with a stored login), so that it can be killed with SIGKILL mid-run and the sandbox can count what
 * every run asked.
 */
class BackupProcessTest {
    @TempDir
    Path home;
    @TempDir
    Path dir;
    private Sandbox sandbox;
    private FlickrClient owner;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        sandbox.faults().latency(Duration.ofMillis(4)); // a run takes a few seconds: time to be killed in
        String me = sandbox.users().get(0).nsid();
        SandboxToken token = sandbox.issueToken(me, Permission.DELETE);
        TokenStore.at(home).save(sandbox.apiKey(), new AccessToken(token.token(), token.tokenSecret(), me,
                sandbox.users().get(0).username(), "", Permission.READ));
        owner = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(token.token(), token.tokenSecret()).build();
    }

    @AfterEach
    void stop() {
        owner.close();
        sandbox.close();
    }

    private Process backup(String... more) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", cp, FlickrCommand.class.getName(),
                "--endpoint", sandbox.restUrl(), "backup", dir.toString(), "--rate-limit", "off"));
        command.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("FLICKR_API_KEY", sandbox.apiKey());
        pb.environment().put("FLICKR_API_SECRET", sandbox.secret());
        pb.environment().put("FLICKR_DYNAMIC_HOME", home.toString());
        pb.environment().remove("FLICKR_ENDPOINT");
        return pb.redirectOutput(dir.resolveSibling(dir.getFileName() + ".out").toFile())
                .redirectError(dir.resolveSibling(dir.getFileName() + ".err").toFile()).start();
    }

    private String printed() throws IOException {
        return Files.readString(dir.resolveSibling(dir.getFileName() + ".out"), StandardCharsets.UTF_8)
                + Files.readString(dir.resolveSibling(dir.getFileName() + ".err"), StandardCharsets.UTF_8);
    }

    private int finish(Process p) throws Exception {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the backup did not finish: " + printed());
        }
        return p.exitValue();
    }

    /** The photos in the index, as the plain text says, by status. */
    private Set<String> indexed(String status) throws IOException {
        Path index = dir.resolve("index.tsv");
        if (!Files.exists(index)) {
            return Set.of();
        }
        Map<String, String> last = new HashMap<>();
        for (String line : Files.readAllLines(index)) {
            String[] f = line.split("\t");
            if (!line.startsWith("#") && f.length >= 3) {
                last.put(f[0], f[2]);
            }
        }
        return last.entrySet().stream().filter(e -> e.getValue().equals(status)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private Set<String> account() {
        Set<String> ids = new HashSet<>();
        for (Element p : owner.walk("people.getPhotos", "user_id", "me", "per_page", 500)) {
            ids.add(p.attributeValue("id"));
        }
        return ids;
    }

    /** Waits until the index holds at least {@code n} photos, or the process has ended. */
    private void awaitIndexed(Process p, int n) throws Exception {
        while (p.isAlive() && indexed("ok").size() < n) {
            Thread.sleep(20);
        }
    }

    @Test
    void killedAgainAndAgainItCompletesWithNothingLostAndLittleAskedTwice() throws Exception {
        int kills = 0;
        for (int threshold : new int[] {40, 120, 200}) {
            Process p = backup();
            awaitIndexed(p, threshold);
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                p.waitFor();
                kills++;
            }
        }
        assertTrue(kills >= 2, "the runs were killed mid-way");
        assertNotEquals(account().size(), indexed("ok").size(), "the last kill left work to do");
        assertEquals(0, finish(backup()), printed());
        Set<String> account = account();
        assertEquals(account, indexed("ok"));
        for (String id : account) {
            assertTrue(Files.size(dir.resolve("photos/" + id + ".xml")) > 0, id);
        }
        Map<String, Long> asked = sandbox.requests().stream()
                .filter(r -> "flickr.photos.getInfo".equals(r.param("method")))
                .collect(Collectors.groupingBy(r -> r.param("photo_id"), Collectors.counting()));
        long twice = asked.values().stream().filter(n -> n > 1).count();
        // A photo is asked again only when its answer was lost in the kill: one in flight each time at most.
        assertTrue(twice <= kills, asked.entrySet().stream().filter(e -> e.getValue() > 1).toList() + " after "
                + kills + " kills");
        assertEquals(account.size(), asked.size());
        try (var leftovers = Files.walk(dir)) {
            assertEquals(List.of(), leftovers.filter(f -> f.getFileName().toString().endsWith(".part")).toList(),
                    "a killed run's temporary files are gone once a run completes them");
        }
    }

    @Test
    void deletesAndEditsDuringARunAreAllAccountedForAndAMissedPhotoExitsOne() throws Exception {
        List<String> ids = new java.util.ArrayList<>(account());
        ids.sort(null);
        Process p = backup();
        awaitIndexed(p, 30);
        owner.call("photos.delete", "photo_id", ids.get(ids.size() - 1)); // not fetched yet
        owner.call("photos.addTags", "photo_id", ids.get(ids.size() - 2), "tags", "late");
        sandbox.faults().failNext(1, 100); // one getInfo refused for good: that photo is missing
        int code = finish(p);
        String printed = printed();
        assertEquals(1, code, printed);
        assertTrue(printed.contains("flickr: not backed up: 1 item:"), printed);
        assertTrue(printed.contains("run the backup again"), printed);

        assertEquals(0, finish(backup()), printed());
        assertEquals(account(), indexed("ok"));
        assertEquals(0, finish(backup("--verify")), printed());
        owner.call("photos.addTags", "photo_id", ids.get(3), "tags", "after");
        assertEquals(1, finish(backup("--verify")), printed());
        assertTrue(printed().contains("photo " + ids.get(3) + ": changed on Flickr since the backup"), printed());
    }
}
