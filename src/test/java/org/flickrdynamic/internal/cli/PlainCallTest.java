package org.flickrdynamic.internal.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which command lines skip picocli: only {@code METHOD name=value ...}, which it would read as the same
 * words. Anything with an option, a subcommand, an {@code @file} or a word that is not {@code name=value}
 * goes through it, so its checks and messages stay the same.
 */
class PlainCallTest {
    private static boolean plain(String... args) {
        return FlickrCommand.isPlainCall(args);
    }

    @Test
    void aMethodAndItsArgumentsArePlain() {
        assertTrue(plain("flickr.test.echo"));
        assertTrue(plain("test.echo", "foo=bar", "text=a b", "tags=-cat", "empty="));
    }

    @Test
    void everythingElseGoesThroughTheParser() {
        assertFalse(plain());
        assertFalse(plain("--sandbox", "test.echo"));
        assertFalse(plain("test.echo", "--xpath", "//x"));
        assertFalse(plain("test.echo", "-o", "out.xml"));
        assertFalse(plain("auth", "status"));
        assertFalse(plain("completion", "bash"));
        assertFalse(plain("methods", "refresh"));
        assertFalse(plain("@args.txt"));
        assertFalse(plain("test.echo", "@args.txt"));
        assertFalse(plain("test.echo", "foo"), "not name=value: the parser's path says so");
        assertFalse(plain("test.echo", "=bar"));
        assertFalse(plain("foo=bar"));
    }
}
