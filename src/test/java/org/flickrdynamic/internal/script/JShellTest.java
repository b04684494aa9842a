package org.flickrdynamic.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

import org.junit.jupiter.api.Test;

/** examples/search.jsh, run snippet by snippet through the jdk.jshell API in this JVM, against a sandbox. */
class JShellTest {
    /** The class path the tests run with (Surefire hides it behind a manifest-only jar). */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Runs JShell source the way the jshell tool does, failing on the first rejected snippet or exception. */
    static void run(JShell shell, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) {
                fail("incomplete snippet: " + rest);
            }
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.status() == Snippet.Status.REJECTED) {
                    fail("rejected: " + info.source() + shell.diagnostics(e.snippet())
                            .map(d -> d.getMessage(null)).collect(Collectors.joining("; ")));
                }
                assertNull(e.exception(), () -> "exception in: " + info.source() + " " + e.exception());
            }
            rest = info.remaining();
        }
    }

    @Test
    void theExampleRunsAgainstTheSandbox() {
        // The tool's commands (/exit) are not Java; the jshell tool runs them, this API does not.
        String source = ScriptSandbox.example("search.jsh").lines()
                .filter(line -> !line.startsWith("/"))
                .collect(Collectors.joining("\n"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream systemOut = System.out;
        try (ScriptSandbox sandbox = new ScriptSandbox();
             JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
            shell.addToClasspath(testClassPath());
            System.setOut(out); // local execution prints on this JVM's System.out
            try {
                run(shell, source);
            } finally {
                System.setOut(systemOut);
            }
            assertEquals(sandbox.expectedSearchOutput(), ScriptSandbox.lines(bytes.toString(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void snippetsSeeTheLibrary() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(testClassPath());
            List<SnippetEvent> events = shell.eval("org.flickrdynamic.Flickr.method(\"photos.delete\").toString()");
            assertEquals("\"flickr.photos.delete(photo_id) [login: delete, signed, POST]\"", events.get(0).value());
        }
    }
}
