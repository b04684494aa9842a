package org.flickrdynamic.internal.cli;

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
 * {@code flickr completion bash|zsh}: the bash script is run by bash itself, with {@code COMP_LINE},
 * {@code COMP_POINT}, {@code COMP_WORDS} and {@code COMP_CWORD} set as bash sets them (the words split
 * at {@code =} and the other COMP_WORDBREAKS characters too), and the candidates it offers are checked.
 */
class CompletionTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path files;
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
        Files.writeString(files.resolve("cats.xml"), "");
        Files.writeString(files.resolve("dogs.xml"), "");
    }

    private static int command(String... args) {
        return new FlickrCommand(System.out, System.err).run(args);
    }

    /** What bash hands a completion function for a command line: COMP_WORDS and COMP_CWORD. */
    record Split(List<String> words, int cword) {
    }

    /** Bash's default COMP_WORDBREAKS, less the blanks and quotes, which bash treats on their own. */
    private static final String BREAKS = "@><=;|&(:";

    /**
     * Splits a command line as bash does for COMP_WORDS with the given break characters: at blanks
     * outside quotes, and around each run of break characters, so {@code tags=cat} is {@code tags},
     * {@code =}, {@code cat}; quotes and backslash escapes stay in their word. The cursor is at
     * {@code point}: COMP_CWORD is the word it ends or is in (at a word's end, the next word if that
     * starts right there), else the next word, else an empty word bash adds at the end.
     */
    static Split bashSplit(String line, int point, String breaks) {
        List<String> words = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int start = 0;
        char quote = 0;
        boolean inBreaks = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean isBreak = quote == 0 && breaks.indexOf(c) >= 0;
            boolean blank = quote == 0 && (c == ' ' || c == '\t');
            if (w.length() > 0 && (blank || isBreak != inBreaks)) {
                words.add(w.toString());
                starts.add(start);
                w.setLength(0);
            }
            if (blank) {
                continue;
            }
            if (w.length() == 0) {
                start = i;
            }
            inBreaks = isBreak;
            w.append(c);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            }
        }
        if (w.length() > 0) {
            words.add(w.toString());
            starts.add(start);
        }
        for (int k = 0; k < words.size(); k++) {
            int end = starts.get(k) + words.get(k).length();
            if (point <= end) {
                boolean nextTouches = point == end && k + 1 < words.size() && starts.get(k + 1) == end;
                return new Split(words, nextTouches ? k + 1 : k);
            }
        }
        words.add("");
        return new Split(words, words.size() - 1);
    }

    /**
     * The candidates the bash function offers for a command line, with the cursor at its end or at the
     * {@code |} it holds, given COMP_LINE, COMP_POINT, COMP_WORDS and COMP_CWORD as bash gives them.
     */
    private static List<String> complete(String line) throws IOException, InterruptedException {
        return complete(line, BREAKS, true);
    }

    /**
     * As {@link #complete(String)}, with these break characters in COMP_WORDBREAKS (besides blanks and
     * quotes), and COMP_LINE and COMP_POINT left unset when {@code withLine} is false.
     */
    private static List<String> complete(String line, String breaks, boolean withLine)
            throws IOException, InterruptedException {
        int point = line.contains("|") ? line.indexOf('|') : line.length();
        line = line.replace("|", "");
        Split split = bashSplit(line, point, breaks);
        String script = "source \"$1\"; COMP_WORDBREAKS=$' \\t\\n\"\\''\"$2\"; "
                + (withLine ? "COMP_LINE=\"$3\" COMP_POINT=$4; " : "unset COMP_LINE COMP_POINT; ")
                + "COMP_CWORD=$5; COMP_WORDS=(\"${@:6}\"); _flickr_dynamic; printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", script, "bash",
                bashScript.toString(), breaks, line, Integer.toString(point), Integer.toString(split.cword())));
        command.addAll(split.words());
        Process p = new ProcessBuilder(command).directory(files.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        List<String> candidates = new ArrayList<>(output.lines().filter(l -> !l.isEmpty()).toList());
        candidates.sort(null);
        return candidates;
    }

    /** The model of bash's splitting holds to what bash 5.2 gave a completion function for these lines. */
    @Test
    void bashSplitsAtBlanksAndAtBreakCharacters() {
        assertEquals(new Split(List.of("flickr", "photos.search", "tags", "=", "cat", "ta"), 5),
                split("flickr photos.search tags=cat ta"));
        assertEquals(new Split(List.of("flickr", "photos.search", "tags", "="), 3), split("flickr photos.search tags="));
        assertEquals(new Split(List.of("flickr", "photos.search", "tags", "=", "cat", ""), 5),
                split("flickr photos.search tags=cat "));
        assertEquals(new Split(List.of("flickr", "a", "==", "b", "c"), 4), split("flickr a==b c"));
        assertEquals(new Split(List.of("flickr", "photos.search", "--output", "=", "a", ":", "b"), 6),
                split("flickr photos.search --output=a:b"));
        assertEquals(new Split(List.of("flickr", "x", "'q=a b'", "t"), 3), split("flickr x 'q=a b' t"));
        assertEquals(new Split(List.of("flickr", "x", "q", "=", "\"a"), 4), split("flickr x q=\"a"));
        assertEquals(new Split(List.of("flickr", "x", "tags", "=", "a\\=b", "t"), 5), split("flickr x tags=a\\=b t"));
        assertEquals(new Split(List.of("flickr", "photos.search", "text", "=", "a\\ b", "ta"), 5),
                split("flickr photos.search text=a\\ b ta"));
        assertEquals(new Split(List.of("flickr", "x", "tags", "=", "cat", "ta"), 4), split("flickr x tags=|cat ta"));
        assertEquals(new Split(List.of("flickr", "photos.search", "ta", "tags", "=", "cat"), 2),
                split("flickr photos.search ta| tags=cat"));
        assertEquals(new Split(List.of("flickr", "photos.search", "tags", "=", "cat"), 2),
                split("flickr photos.search | tags=cat"));
        assertEquals(new Split(List.of("flickr", "x", "ta", ""), 3), split("flickr x ta | "));
    }

    private static Split split(String line) {
        int point = line.contains("|") ? line.indexOf('|') : line.length();
        return bashSplit(line.replace("|", ""), point, BREAKS);
    }

    @Test
    void completesMethodNamesWithAndWithoutPrefix() throws Exception {
        List<String> got = complete("flickr photos.sea");
        assertEquals(List.of("photos.search"), got);
        assertEquals(List.of("flickr.photos.search"), complete("flickr flickr.photos.sea"));
        List<String> tests = complete("flickr --sandbox flickr.test.");
        assertEquals(List.of("flickr.test.echo", "flickr.test.login", "flickr.test.null"), tests);
        List<String> all = complete("flickr ");
        assertEquals(2 * MethodTable.bundled().names().size() + Completion.OPTIONS.split(" ").length + 3, all.size());
    }

    @Test
    void completesTheMethodsOwnArguments() throws Exception {
        assertEquals(List.of("tag_mode=", "tags="), complete("flickr photos.search ta"));
        List<String> info = complete("flickr flickr.photos.getInfo ");
        for (ArgumentSpec a : MethodTable.bundled().find("flickr.photos.getInfo").orElseThrow().arguments()) {
            assertTrue(info.contains(a.name() + "="), a.name() + " in " + info);
        }
        assertTrue(info.contains("--all-pages"), "options too: " + info);
        assertEquals(List.of("--all-pages"), complete("flickr photos.search --all"));
    }

    @Test
    void argumentsAlreadyGivenAreNotOfferedAgain() throws Exception {
        assertEquals(List.of("tag_mode="), complete("flickr --sandbox photos.search tags=cat ta"));
        assertEquals(List.of("tag_mode="), complete("flickr photos.search tags=cat per_page=3 ta"));
        assertEquals(List.of("tag_mode="), complete("flickr photos.search tags= ta"), "an empty value is given too");
        assertEquals(List.of("tag_mode="), complete("flickr photos.search \"tags=big cat\" ta"), "quoted");
        assertEquals(List.of("tag_mode="), complete("flickr photos.search tags=cat --xpath //photo[@id=\"1\"] ta"),
                "break characters inside an option's value");
        assertEquals(List.of("tag_mode="), complete("flickr photos.search ta| tags=cat"), "given after the cursor");
        List<String> rest = complete("flickr photos.search tags=cat text=a\\ b ");
        assertFalse(rest.contains("tags=") || rest.contains("text="), rest.toString());
        assertTrue(rest.contains("tag_mode=") && rest.contains("per_page="), rest.toString());
    }

    @Test
    void nothingIsOfferedWhileAValueIsTyped() throws Exception {
        // Bash's current word here is "c" or "=": argument names starting with it do not belong there.
        assertEquals(List.of(), complete("flickr photos.search tags=c"));
        assertEquals(List.of(), complete("flickr photos.search tags="));
        assertEquals(List.of(), complete("flickr photos.search content_type=|"));
        assertEquals(List.of(), complete("flickr photos.search tags=|cat ta"));
    }

    @Test
    void optionValuesAfterEqualsAreCompletedInPlace() throws Exception {
        // Bash replaces only the text after the last break character; the candidates are that text.
        assertEquals(List.of("cats.xml"), complete("flickr photos.search --output=ca"));
        assertEquals(List.of("cats.xml", "dogs.xml"), complete("flickr --output="));
        assertEquals(List.of("cats.xml"), complete("flickr --output ca"));
        assertEquals(List.of("photos.search"), complete("flickr --help=photos.sea"));
    }

    @Test
    void worksWithoutCompLineAndWithoutEqualsAmongTheBreakCharacters() throws Exception {
        assertEquals(List.of("tag_mode="), complete("flickr photos.search tags=cat ta", BREAKS, false),
                "pieces of break characters are joined to their neighbours");
        assertEquals(List.of(), complete("flickr photos.search tags=c", BREAKS, false));
        String noEquals = BREAKS.replace("=", "");
        assertEquals(List.of("tag_mode="), complete("flickr photos.search tags=cat ta", noEquals, true));
        assertEquals(List.of("tag_mode="), complete("flickr photos.search tags=cat ta", noEquals, false));
        assertEquals(List.of("--output=cats.xml"), complete("flickr --output=ca", noEquals, true),
                "bash replaces the whole word then");
    }

    @Test
    void completesOptionsSubcommandsAndTheirWords() throws Exception {
        assertEquals(List.of("--all-pages"), complete("flickr --all"));
        assertEquals(List.of("bash", "zsh"), complete("flickr completion "));
        assertEquals(List.of("login", "logout"), complete("flickr --sandbox auth log"));
        assertEquals(List.of("refresh"), complete("flickr methods r"));
        assertEquals(List.of("photos.search"), complete("flickr --help photos.sea"));
        assertEquals(List.of(), complete("flickr --xpath pho"), "an expression is not a method");
        assertEquals(List.of("photos.search"), complete("flickr --xpath //photo photos.sea"),
                "an option's value is not taken for the method");
        assertEquals(List.of("photos.search"), complete("flickr --xpath //photo[@id=\"1\"] photos.sea"),
                "nor are the pieces of a value with break characters");
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
