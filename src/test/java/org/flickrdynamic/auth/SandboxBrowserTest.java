package org.flickrdynamic.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Browser#sandbox()} visits pages on 127.0.0.1 only, and that holds at every redirect too: a page
 * that sends it to another host (here 127.0.0.2, which the loopback device also answers) is refused
 * before anything connects there.
 */
@Timeout(30)
class SandboxBrowserTest {

    @Test
    void aRedirectToAnotherHostIsRefusedBeforeItIsVisited() throws Exception {
        AtomicInteger visits = new AtomicInteger();
        try (ServerSocket elsewhere = new ServerSocket()) {
            elsewhere.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            Thread t = new Thread(() -> {
                try (Socket s = elsewhere.accept()) {
                    visits.incrementAndGet();
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();
            String other = "http://127.0.0.2:" + elsewhere.getLocalPort() + "/approve";
            try (ScriptedServer page = new ScriptedServer(ScriptedServer.answer(302, "text/plain", "moved",
                    "Location: " + other))) {
                IOException e = assertThrows(IOException.class, () -> Browser.sandbox().open(page.restUrl()));
                assertEquals("the sandbox browser only visits pages on 127.0.0.1, not 127.0.0.2", e.getMessage());
                assertEquals(1, page.received().size());
            }
        }
        assertEquals(0, visits.get(), "the other host was never contacted");
    }

    @Test
    void redirectsOnTheSameHostAreFollowed() throws Exception {
        try (ScriptedServer target = new ScriptedServer(ScriptedServer.answer(200, "text/html", "approved"));
             ScriptedServer page = new ScriptedServer(ScriptedServer.answer(302, "text/plain", "moved",
                     "Location: " + target.restUrl() + "?oauth_token=t"))) {
            Browser.sandbox().open(page.restUrl());
            assertEquals(1, target.received().size());
            assertTrue(target.received().get(0).line().contains("oauth_token=t"));
        }
    }

    @Test
    void anEndlessChainOfRedirectsEnds() throws Exception {
        try (ScriptedServer loop = new ScriptedServer(null)) {
            loop.script(ScriptedServer.answer(302, "text/plain", "again", "Location: " + loop.restUrl()));
            IOException e = assertThrows(IOException.class, () -> Browser.sandbox().open(loop.restUrl()));
            assertEquals("the login page redirected more than 20 times", e.getMessage());
        }
    }
}
