package org.flickrdynamic.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Test;

/**
 * A server that answers like Flickr past the last page, repeating it forever: the walk must stop at
 * {@code pages}, and, where the answer has no {@code pages}, at the first repeated page.
 */
class RepeatingServerTest {
    private static final Pattern PAGE = Pattern.compile("(?:^|&)page=(\\d+)");

    /** Answers page N (at most {@code last}) with two photos, N*10 and N*10+1; later pages as the last. */
    private static ScriptedServer.Script pages(AtomicReference<ScriptedServer> server, int last, boolean withPages) {
        return (socket, out) -> {
            List<ScriptedServer.Received> got = server.get().received();
            Matcher m = PAGE.matcher(got.get(got.size() - 1).params());
            int page = Math.min(last, m.find() ? Integer.parseInt(m.group(1)) : 1);
            String attrs = withPages ? " page=\"" + page + "\" pages=\"" + last + "\" perpage=\"2\" total=\"" + 2 * last + "\"" : "";
            ScriptedServer.xml("<rsp stat=\"ok\"><photos" + attrs + "><photo id=\"" + page * 10 + "\"/><photo id=\""
                    + (page * 10 + 1) + "\"/></photos></rsp>").answer(socket, out);
        };
    }

    private static List<String> walk(ScriptedServer s) {
        try (FlickrClient c = FlickrClient.builder().endpoint(s.restUrl()).apiKey("k").build()) {
            return c.walk("people.getPublicPhotos", "user_id", "x@N01").map(p -> p.attributeValue("id")).toList();
        }
    }

    @Test
    void stopsAtPagesThoughLaterPagesAnswer() throws IOException {
        AtomicReference<ScriptedServer> ref = new AtomicReference<>();
        try (ScriptedServer s = new ScriptedServer(null)) {
            ref.set(s);
            s.script(pages(ref, 3, true));
            assertEquals(List.of("10", "11", "20", "21", "30", "31"), walk(s));
            assertEquals(3, s.received().size());
        }
    }

    @Test
    void withoutPagesARepeatedPageEndsTheWalk() throws IOException {
        AtomicReference<ScriptedServer> ref = new AtomicReference<>();
        try (ScriptedServer s = new ScriptedServer(null)) {
            ref.set(s);
            s.script(pages(ref, 2, false));
            assertEquals(List.of("10", "11", "20", "21"), walk(s));
            assertEquals(3, s.received().size(), "the third answer repeats the second and ends the walk");
        }
    }

    @Test
    void anAnswerWithoutTheTablesListElementIsAClearError() throws IOException {
        try (ScriptedServer s = new ScriptedServer(ScriptedServer.xml("<rsp stat=\"ok\"><groups page=\"1\"/></rsp>"))) {
            FlickrTransportException e = assertThrows(FlickrTransportException.class, () -> walk(s));
            assertTrue(e.getMessage().contains("answered without the <photos> element the method table names as its page"
                    + " (it holds <groups>)"), e.getMessage());
        }
    }
}
