package org.flickrdynamic.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command's result goes: standard output, or a file given with {@code --output}. A file is
 * written beside its target under a temporary name and moved into place only when the command
 * succeeded, so a failed or interrupted command never leaves half a file, nor clobbers an older one.
 */
final class Output implements AutoCloseable {
    private final PrintStream stream;
    private final Path target;
    private final Path temp;
    private boolean committed;

    private Output(PrintStream stream, Path target, Path temp) {
        this.stream = stream;
        this.target = target;
        this.temp = temp;
    }

    /** Standard output, left open when done. */
    static Output stdout(PrintStream out) {
        return new Output(out, null, null);
    }

    /**
     * A file, written through a temporary one in the same directory.
     *
     * @throws OutputException naming the file and why it cannot be written, before anything is sent
     */
    static Output file(String name) {
        if (name.isBlank()) {
            throw new OutputException("--output needs a file name, not an empty one");
        }
        Path target;
        try {
            target = Path.of(name).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new OutputException("cannot write " + name + ": not a valid path");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputException("cannot write " + name + ": there is no directory " + dir);
        }
        if (Files.isDirectory(target)) {
            throw new OutputException("cannot write " + name + ": it is a directory");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new OutputException("cannot write " + name + ": permission denied");
        }
        try {
            Path temp = sibling(dir, target);
            OutputStream file = Files.newOutputStream(temp);
            return new Output(new PrintStream(file, false, StandardCharsets.UTF_8), target, temp);
        } catch (AccessDeniedException e) {
            throw new OutputException("cannot write " + name + ": permission denied in " + dir);
        } catch (IOException e) {
            throw new OutputException("cannot write " + name + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /**
     * A new file beside the target. {@code Files.createTempFile} would make it {@code rw-------} whatever the
     * umask; the result should have the permissions a new file of the user's normally has, or those of the
     * file it replaces.
     */
    private static Path sibling(Path dir, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".part");
            try {
                Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw e;
            }
            if (Files.exists(target) && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(p, Files.getPosixFilePermissions(target));
            }
            return p;
        }
    }

    PrintStream stream() {
        return stream;
    }

    /**
     * The command succeeded: the file takes its place (atomically where the file system can).
     *
     * @throws OutputException when writing or moving failed
     */
    void commit() {
        if (temp == null) {
            stream.flush();
            if (stream.checkError()) {
                throw new OutputException("cannot write standard output (it was closed, or the disk is full)");
            }
            return;
        }
        stream.close();
        if (stream.checkError()) {
            throw new OutputException("cannot write " + target + ": writing failed (is the disk full?)");
        }
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + e.getClass().getSimpleName());
        }
    }

    /** Drops the temporary file unless {@link #commit()} moved it into place. */
    @Override
    public void close() {
        if (temp != null && !committed) {
            stream.close();
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Nothing better to do: the name starts with a dot and ends in .part, easy to spot.
            }
        }
    }

    /** The output cannot be written; a usage error (exit 2). */
    static final class OutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputException(String message) {
            super(message);
        }
    }
}
