package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The replay memory forgets what the clock already refuses, so it never grows past one window. */
class NonceWindowTest {
    @Test
    void noncesAreForgottenOnceTheirTimestampLeavesTheWindow() {
        AtomicLong now = new AtomicLong(1_700_000_000L);
        NonceWindow window = new NonceWindow(now::get);
        for (int i = 0; i < 1000; i++) {
            window.admit("k", Long.toString(now.get()), "n" + i);
        }
        assertEquals(1000, window.size());
        OAuthProblem replay = assertThrows(OAuthProblem.class, () -> window.admit("k", Long.toString(now.get()), "n5"));
        assertEquals("oauth_problem=nonce_used", replay.body);
        window.admit("other-key", Long.toString(now.get()), "n5");
        window.admit("k", Long.toString(now.get() + 1), "n5");

        now.addAndGet(NonceWindow.WINDOW_SECONDS + 2);
        assertEquals(0, window.size());
        OAuthProblem late = assertThrows(OAuthProblem.class, () -> window.admit("k", "1700000000", "n5"));
        assertTrue(late.body.startsWith("oauth_problem=timestamp_refused"), late.body);
    }

    @Test
    void theMemoryIsCapped() {
        AtomicLong now = new AtomicLong(1_700_000_000L);
        NonceWindow window = new NonceWindow(now::get);
        for (int i = 0; i < NonceWindow.MAX_ENTRIES + 500; i++) {
            window.admit("k", Long.toString(now.get()), Integer.toString(i));
        }
        assertTrue(window.size() <= NonceWindow.MAX_ENTRIES);
    }
}
