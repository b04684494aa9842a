package org.flickrdynamic.internal.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.flickrdynamic.internal.FileMoves;

/**
 * Where a command's result goes: standard output ({@code -} too), or a file given with {@code --output}.
 * A regular file is written beside its target under a temporary name and moved into place only when the
 * command succeeded, so a failed or interrupted command (Ctrl-C, SIGTERM) never leaves half a file, nor
 * clobbers an older one. A link is followed to the file it names, which is replaced, the link kept. A
 * device, a named pipe or anything else that is not a regular file ({@code /dev/null}, {@code /dev/stdout})
 * is written through directly, never replaced.
 */
final class Output implements AutoCloseable {
    /** How many links in a row are followed, as the kernel's own limit. */
    private static final int MAX_LINKS = 40;

    private final PrintStream stream;
    private final Path target;
    private final Path temp;
    private final Thread cleanup;
    private volatile boolean committed;

    private Output(PrintStream stream, Path target, Path temp, Thread cleanup) {
        this.stream = stream;
        this.target = target;
        this.temp = temp;
        this.cleanup = cleanup;
    }

    /** Standard output, left open when done. */
    static Output stdout(PrintStream out) {
        return new Output(out, null, null, null);
    }

    /** {@code --output NAME}: standard output for {@code null} or {@code -}, otherwise the file. */
    static Output of(String name, PrintStream out) {
        return name == null || name.equals("-") ? stdout(out) : file(name);
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
        if (target.startsWith("/dev/") || target.startsWith("/proc/")
                || Files.exists(target) && !Files.isRegularFile(target)) {
            return direct(name, target); // a device, a pipe, a descriptor: written, never replaced
        }
        target = resolveLinks(name, target);
        dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputException("cannot write " + name + ": there is no directory " + dir);
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new OutputException("cannot write " + name + ": permission denied");
        }
        AtomicReference<Path> made = new AtomicReference<>();
        // Registered before the file exists, so that no moment of a Ctrl-C or SIGTERM leaves it behind.
        Thread cleanup = new Thread(() -> {
            try {
                Path p = made.get();
                if (p != null) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // The JVM is stopping: nothing else to try.
            }
        }, "flickr-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            made.set(sibling(dir, target));
            OutputStream file = Files.newOutputStream(made.get());
            return new Output(new PrintStream(file, false, StandardCharsets.UTF_8), target, made.get(), cleanup);
        } catch (AccessDeniedException e) {
            unhook(cleanup);
            throw new OutputException("cannot write " + name + ": permission denied in " + dir);
        } catch (IOException e) {
            unhook(cleanup);
            throw new OutputException("cannot write " + name + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** A file that is not a regular one, opened for writing as it is. */
    private static Output direct(String name, Path target) {
        try {
            OutputStream o = Files.newOutputStream(target, StandardOpenOption.WRITE);
            return new Output(new PrintStream(o, false, StandardCharsets.UTF_8), target, null, null);
        } catch (AccessDeniedException e) {
            throw new OutputException("cannot write " + name + ": permission denied");
        } catch (NoSuchFileException e) {
            throw new OutputException("cannot write " + name + ": there is no such file");
        } catch (IOException e) {
            throw new OutputException("cannot write " + name + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** The file a chain of links ends at, which may not exist yet (a dangling link names a new file). */
    private static Path resolveLinks(String name, Path p) {
        try {
            for (int hops = 0; Files.isSymbolicLink(p); hops++) {
                if (hops == MAX_LINKS) {
                    throw new OutputException("cannot write " + name + ": too many links in a row");
                }
                p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
            }
            return p;
        } catch (IOException e) {
            throw new OutputException("cannot write " + name + ": its link cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static void unhook(Thread cleanup) {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException stopping) {
            // The JVM is already stopping, and the hook will run.
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
        if (target == null) {
            stream.flush();
            if (stream.checkError() && !StandardOutput.readerLeft(stream)) {
                throw new OutputException("cannot write standard output (it was closed, or the disk is full)");
            }
            return; // or the reader stopped early (| head): it has what it wanted
        }
        if (temp == null) {
            stream.close();
            if (stream.checkError()) {
                throw new OutputException("cannot write " + target + ": writing failed (is the disk full?)");
            }
            committed = true;
            return;
        }
        stream.close();
        if (stream.checkError()) {
            throw new OutputException("cannot write " + target + ": writing failed (is the disk full?)");
        }
        try {
            FileMoves.replace(temp, target);
            committed = true;
            unhook(cleanup);
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + e.getClass().getSimpleName());
        }
    }

    /** Drops the temporary file unless {@link #commit()} moved it into place. */
    @Override
    public void close() {
        if (target != null && temp == null) {
            stream.close();
        }
        if (temp != null && !committed) {
            stream.close();
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Nothing better to do: the name starts with a dot and ends in .part, easy to spot.
            }
            unhook(cleanup);
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
