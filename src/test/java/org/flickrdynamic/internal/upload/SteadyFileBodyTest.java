package org.flickrdynamic.internal.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file part sends the bytes its declared length promised, or fails saying the file changed. */
class SteadyFileBodyTest {
    @TempDir
    Path dir;

    private Path file(int size) throws IOException {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return Files.write(dir.resolve("photo.jpg"), bytes);
    }

    private static SteadyFileBody body(Path f) {
        return new SteadyFileBody(f.toFile(), ContentType.IMAGE_JPEG, "photo.jpg");
    }

    @Test
    void anUnchangedFileIsSentWhole() throws IOException {
        Path f = file(200_000);
        SteadyFileBody body = body(f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        assertEquals(200_000, body.getContentLength());
        assertArrayEquals(Files.readAllBytes(f), out.toByteArray());
    }

    @Test
    void aFileThatShrankFailsInsteadOfLeavingTheServerWaiting() throws IOException {
        Path f = file(200_000);
        SteadyFileBody body = body(f);
        try (var ch = Files.newByteChannel(f, StandardOpenOption.WRITE)) {
            ch.truncate(150_000);
        }
        IOException e = assertThrows(IOException.class, () -> body.writeTo(new ByteArrayOutputStream()));
        assertTrue(e.getMessage().endsWith("shrank from 200000 to 150000 bytes while it was being uploaded;"
                + " nothing was uploaded, send it again"), e.getMessage());
    }

    @Test
    void aFileThatGrewFailsInsteadOfOverrunningItsPart() throws IOException {
        Path f = file(200_000);
        SteadyFileBody body = body(f);
        Files.write(f, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> body.writeTo(out));
        assertTrue(e.getMessage().contains("grew past its 200000 bytes"), e.getMessage());
        assertEquals(200_000, out.size(), "never more than was declared");
    }
}
