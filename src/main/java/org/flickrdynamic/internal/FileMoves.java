package org.flickrdynamic.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The last step of every write-to-a-temporary-file-then-rename in the library. */
public final class FileMoves {
    private FileMoves() {
    }

    /**
     * Moves {@code from} over {@code to}: atomically where the file system can, so a reader sees the old
     * file or the new one, never half of one; as a plain replace where it cannot.
     *
     * @param from the finished temporary file
     * @param to   the file it replaces
     * @throws IOException when the move fails
     */
    public static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
