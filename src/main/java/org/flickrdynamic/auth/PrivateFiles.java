package org.flickrdynamic.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

import org.flickrdynamic.internal.FileMoves;

/**
 * The file handling of the {@link TokenStore}, made safe for a folder another user might reach: no link
 * is ever followed (the token file, its temporary file and the lock are each opened once with
 * {@code O_NOFOLLOW} and used through that handle), a folder that others can write is refused, and a new
 * file is flushed to the disk before it is moved over the old one.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> SHARED_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private PrivateFiles() {
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Refuses a folder that another user owns, or that users other than its owner can write: they could
     * replace the token file, or swap a link in for a file while it is written and read the secrets.
     *
     * @throws TokenStoreException naming the folder and the fix
     */
    static void checkFolder(Path dir) {
        if (!posix(dir) || !Files.isDirectory(dir)) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(dir);
        } catch (IOException e) {
            throw new TokenStoreException(dir, "cannot read the permissions of the token folder " + dir
                    + " (" + reason(e) + ")");
        }
        Integer owner = ownerUid(dir);
        Long me = currentUid();
        if (owner != null && me != null && owner.longValue() != me) {
            throw new TokenStoreException(dir, "the token folder " + dir + " belongs to another user (uid " + owner
                    + "), who could replace or read its files; set FLICKR_DYNAMIC_HOME to a folder of your own");
        }
        Set<PosixFilePermission> shared = new HashSet<>(perms);
        shared.retainAll(SHARED_WRITE);
        if (!shared.isEmpty()) {
            throw new TokenStoreException(dir, "the token folder " + dir + " can be written by other users ("
                    + PosixFilePermissions.toString(perms) + "), who could replace or read its files; make it"
                    + " private with 'chmod 700 " + dir + "', or set FLICKR_DYNAMIC_HOME to a private folder");
        }
    }

    /** The numeric owner of a file, where the system says it. */
    private static Integer ownerUid(Path p) {
        try {
            return p.getFileSystem().supportedFileAttributeViews().contains("unix")
                    ? (Integer) Files.getAttribute(p, "unix:uid") : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** This process's user id, where the JDK can tell it. */
    private static Long currentUid() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException notUnix) {
            return null;
        }
    }

    /**
     * The content of a token file, or {@code null} when there is none. A file someone loosened is made
     * owner-only again first; a link, a folder or any other kind of file is refused.
     *
     * @throws TokenStoreException naming the file and the way out
     */
    static byte[] read(Path f) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw unusable(f, "cannot be read (" + reason(e) + ")");
        }
        if (a.isSymbolicLink()) {
            throw unusable(f, "is a symbolic link, which the store never follows");
        }
        if (!a.isRegularFile()) {
            throw new TokenStoreException(f, "the token file " + f + " is not a file; remove it and log in again");
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            tighten(f);
            long size = ch.size();
            if (size > 1024 * 1024) {
                throw unusable(f, "is not a token file (it is " + size + " bytes long)");
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // until full or at the end
            }
            byte[] out = new byte[b.position()];
            b.flip().get(out);
            return out;
        } catch (IOException e) {
            throw unusable(f, Files.isSymbolicLink(f) ? "is a symbolic link, which the store never follows"
                    : "cannot be read (" + reason(e) + ")");
        }
    }

    /** Owner-only again, changed on the file itself: with no link followed, a link's target is never touched. */
    private static void tighten(Path f) {
        if (!posix(f)) {
            return;
        }
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(f, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!view.readAttributes().permissions().equals(OWNER_FILE)) {
                view.setPermissions(OWNER_FILE);
            }
        } catch (IOException e) {
            throw unusable(f, "cannot be made private (" + reason(e) + ")");
        }
    }

    /**
     * Opens the lock file, creating it owner-only, never through a link.
     *
     * @throws TokenStoreException when a link or something else than a file is in its place
     */
    static FileChannel openLock(Path lock) throws IOException {
        try {
            return FileChannel.open(lock, options(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attributes(lock));
        } catch (IOException e) {
            if (Files.isSymbolicLink(lock) || Files.exists(lock, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
                throw new TokenStoreException(lock, "the lock file " + lock + " is a link or not a file, which the"
                        + " store never follows; remove it and try again");
            }
            throw e;
        }
    }

    /**
     * Replaces {@code target} with {@code content}: written to a new file beside it, created owner-only and
     * written through the handle that created it, flushed to the disk, then moved over the target.
     */
    static void replace(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp); // a leftover, or a planted link: the link itself goes, never its target
        try {
            try (FileChannel ch = FileChannel.open(tmp, options(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attributes(tmp))) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true); // on the disk before the rename, so a crash leaves the old file or the new one
            }
            FileMoves.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncFolder(target.getParent());
    }

    /** Makes the rename itself durable where the system allows a folder to be synced. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every system can open or sync a folder; the file itself is on the disk.
        }
    }

    private static Set<OpenOption> options(OpenOption... given) {
        Set<OpenOption> o = new HashSet<>(Set.of(given));
        o.add(LinkOption.NOFOLLOW_LINKS);
        return o;
    }

    private static FileAttribute<?>[] attributes(Path p) {
        return posix(p) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    static TokenStoreException unusable(Path f, String why) {
        return new TokenStoreException(f, "the token file " + f + " " + why
                + "; delete it, or run 'bin/flickr auth logout', and log in again");
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
