package org.flickrdynamic.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.flickrdynamic.internal.FileMoves;
import org.flickrdynamic.internal.response.PrettyXml;
import org.flickrdynamic.internal.response.SecureXml;

/**
 * Writes the backup's files whole or not at all: each goes to a hidden temporary file beside it, is
 * flushed to disk, and is moved over its name, so a process killed at any moment leaves the old file or
 * the new one. Flickr's answers are written as they came, the {@code <rsp>} with its payload.
 */
final class BackupFolder {
    private BackupFolder() {
    }

    /** What writes a file's bytes. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes Flickr's answer, its whole {@code <rsp>}, to {@code file}. */
    static void writeAnswer(Path file, Element rsp) {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n" + PrettyXml.write(rsp) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            replace(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an answer written before, or {@code null} when it is missing or not whole. */
    static Element readAnswer(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Document d = SecureXml.reader().read(file.toFile());
            return d.getRootElement();
        } catch (DocumentException | RuntimeException e) {
            return null;
        }
    }

    static void replace(Path file, Body body) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
                body.write(out);
                out.flush();
                channel.force(true);
            }
            FileMoves.replace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
