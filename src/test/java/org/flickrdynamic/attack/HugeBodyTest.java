package org.flickrdynamic.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.flickrdynamic.testing.ScriptedServer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 300 MB answer, generated as it is sent (the server holds one small chunk), is refused at the
 * client's cap of 1 MiB. The client runs in a separate JVM with a 64 MB heap, so holding the body, or
 * building it into a tree, would end in an {@link OutOfMemoryError} there rather than pass unnoticed;
 * and the server counts how much it managed to write before the client hung up.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HugeBodyTest {
    private static final long BODY = 300L * 1024 * 1024;
    private static final long CAP = 1024 * 1024;

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = {true, false})
    void a300MegabyteAnswerIsRefusedAtTheCapInA64MegabyteHeap(boolean declaredLength) throws Exception {
        AtomicLong written = new AtomicLong();
        try (ScriptedServer server = new ScriptedServer(Hostile.endlessPhotos(declaredLength ? BODY : 0, BODY, written))) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"), HugeBodyClient.class.getName(),
                    server.restUrl(), Long.toString(CAP))
                    .redirectErrorStream(true).start();
            String out;
            try {
                out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the client JVM finished");
            } finally {
                child.destroyForcibly();
            }
            assertEquals(0, child.exitValue(), out);
            assertTrue(out.contains("FlickrTransportException: The answer to flickr.photos.search from "
                    + server.restUrl() + " is larger than the cap of 1048576 bytes and was refused"), out);
            assertTrue(out.contains("max heap: "), out);
            long maxHeap = Long.parseLong(out.replaceAll("(?s).*max heap: (\\d+).*", "$1"));
            assertTrue(maxHeap <= 64L * 1024 * 1024, "the client really ran in 64 MB: " + maxHeap);
        }
        assertTrue(written.get() < 64L * 1024 * 1024,
                "the client hung up near its cap, long before 300 MB: " + written.get() + " bytes written");
    }
}
