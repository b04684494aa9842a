package org.flickrdynamic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.MethodTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flickr completion bash|zsh}: the bash script is run by bash itself, with {@code COMP_WORDS}
 * and {@code COMP_CWORD} set as bash sets them, and the candidates it offers are checked.
 */
class CompletionTest {
    @TempDir
    static Path dir;
    private static Path bashScript;
    private static String zshScript;

    @BeforeAll
    static void generate() throws IOException {
        bashScript = dir.resolve("flickr.bash");
        assertEquals(0, command("completion", "bash", "--output", bashScript.toString()));
        ByteArrayOutputStream zsh = new ByteArrayOutputStream();
        assertEquals(0, new FlickrCommand(new PrintStream(zsh, true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {"completion", "zsh"}));
        zshScript = zsh.toString(StandardCharsets.UTF_8);
    }

    private static int command(String... args) {
        return new FlickrCommand(System.out, System.err).run(args);
    }

    /** The candidates the bash function offers for a command line whose last word is being typed. */
    private static List<String> complete(String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String script = "source '" + bashScript + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _flickr_dynamic; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        List<String> candidates = new ArrayList<>(output.lines().filter(l -> !l.isEmpty()).toList());
        candidates.sort(null);
        return candidates;
    }

    @Test
    void completesMethodNamesWithAndWithoutPrefix() throws Exception {
        List<String> got = complete("flickr", "photos.sea");
        assertEquals(List.of("photos.search"), got);
        assertEquals(List.of("flickr.photos.search"), complete("flickr", "flickr.photos.sea"));
        List<String> tests = complete("flickr", "--sandbox", "flickr.test.");
        assertEquals(List.of("flickr.test.echo", "flickr.test.login", "flickr.test.null"), tests);
        List<String> all = complete("flickr", "");
        assertEquals(2 * MethodTable.bundled().names().size() + Completion.OPTIONS.split(" ").length + 3, all.size());
    }

    @Test
    void completesTheMethodsOwnArguments() throws Exception {
        assertEquals(List.of("tag_mode=", "tags="), complete("flickr", "photos.search", "ta"));
        assertEquals(List.of("tag_mode="), complete("flickr", "--sandbox", "photos.search", "tags=cat", "ta"),
                "an argument already given is not offered again");
        List<String> info = complete("flickr", "flickr.photos.getInfo", "");
        for (ArgumentSpec a : MethodTable.bundled().find("flickr.photos.getInfo").orElseThrow().arguments()) {
            assertTrue(info.contains(a.name() + "="), a.name() + " in " + info);
        }
        assertTrue(info.contains("--all-pages"), "options too: " + info);
        assertEquals(List.of("--all-pages"), complete("flickr", "photos.search", "--all"));
    }

    @Test
    void completesOptionsSubcommandsAndTheirWords() throws Exception {
        assertEquals(List.of("--all-pages"), complete("flickr", "--all"));
        assertEquals(List.of("bash", "zsh"), complete("flickr", "completion", ""));
        assertEquals(List.of("login", "logout"), complete("flickr", "--sandbox", "auth", "log"));
        assertEquals(List.of("refresh"), complete("flickr", "methods", "r"));
        assertEquals(List.of("photos.search"), complete("flickr", "--help", "photos.sea"));
        assertEquals(List.of(), complete("flickr", "--xpath", "pho"), "an expression is not a method");
        assertEquals(List.of("photos.search"), complete("flickr", "--xpath", "//photo", "photos.sea"),
                "an option's value is not taken for the method");
    }

    @Test
    void zshScriptIsGeneratedFromTheSameTable() throws Exception {
        assertTrue(zshScript.startsWith("#compdef flickr\n"), zshScript.substring(0, 40));
        assertTrue(zshScript.contains("\n    flickr.photos.search|photos.search) reply=("), "per-method arguments");
        assertTrue(zshScript.contains(" tags= "), "argument names");
        assertTrue(zshScript.contains("compdef _flickr_dynamic flickr"));
        for (String name : MethodTable.bundled().names()) {
            assertTrue(zshScript.contains(" " + name + " ") || zshScript.contains("(" + name + " ")
                    || zshScript.contains(" " + name + ")"), name);
        }
        Path zsh = Path.of("/usr/bin/zsh");
        assumeTrue(Files.isExecutable(zsh), "zsh is not installed; its syntax check is skipped");
        Path file = dir.resolve("_flickr");
        Files.writeString(file, zshScript);
        Process p = new ProcessBuilder(zsh.toString(), "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
    }

    @Test
    void bashScriptIsValidBash() throws Exception {
        Process p = new ProcessBuilder("bash", "-n", bashScript.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertFalse(Files.readString(bashScript).contains("\r"));
    }
}
