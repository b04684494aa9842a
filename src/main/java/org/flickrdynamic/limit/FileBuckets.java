package org.flickrdynamic.limit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.pessimistic_locking.AbstractLockBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.pessimistic_locking.LockBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Buckets kept in one state file shared by the processes of a machine, through Bucket4j's lock-based
 * extension point: each turn locks the whole file ({@code fcntl} locks, which the kernel drops when a
 * process dies), reads every key's bucket, lets Bucket4j update one, writes the file back in place and
 * unlocks. Threads of this JVM queue on a lock of their own first, as a file lock is held per process.
 *
 * <p>The file holds one line per API key, {@code base64(key) SPACE base64(bucket state)}. It is opened
 * without following a symbolic link (a link is refused), created readable and writable by its owner only,
 * and refused when others may read or write it or it belongs to another user. Time is the wall clock in
 * milliseconds, the one clock every process of the machine shares.
 */
final class FileBuckets extends AbstractLockBasedProxyManager<String> {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Map<Path, FileBuckets> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String LINK = "it is a symbolic link, which is never followed; give the real file's path";

    private final Path file;
    private final ReentrantLock jvmLock = new ReentrantLock(true);

    private FileBuckets(Path file) {
        super(ClientSideConfig.getDefault());
        this.file = file;
    }

    /** The buckets of this file, one object per file in a JVM so its threads share one queue. */
    static FileBuckets of(Path file) {
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(), FileBuckets::new);
    }

    @Override
    protected LockBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        return new Turn(key);
    }

    @Override
    public void removeProxy(String key) {
        throw new UnsupportedOperationException("rate-limit state is not removed key by key");
    }

    /** One locked read-modify-write of the file. */
    private final class Turn implements LockBasedTransaction {
        private final String key;
        private FileChannel channel;
        private FileLock lock;
        private Map<String, byte[]> buckets;
        private boolean changed;
        private boolean locked;

        Turn(String key) {
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            jvmLock.lock();
            locked = true;
            try {
                channel = open();
                lock = channel.lock();
            } catch (IOException e) {
                throw new IllegalStateException(problem(e)); // the message says it all: no cause to unwrap
            }
        }

        @Override
        public byte[] lockAndGet(Optional<Long> timeoutNanos) {
            try {
                buckets = read(channel);
            } catch (IOException e) {
                throw new IllegalStateException(problem(e)); // the message says it all: no cause to unwrap
            }
            return buckets.get(key);
        }

        @Override
        public void create(byte[] data, RemoteBucketState state, Optional<Long> timeoutNanos) {
            buckets.put(key, data);
            changed = true;
        }

        @Override
        public void update(byte[] data, RemoteBucketState state, Optional<Long> timeoutNanos) {
            buckets.put(key, data);
            changed = true;
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            try {
                if (changed) {
                    write(channel, buckets);
                }
            } catch (IOException e) {
                throw new IllegalStateException(problem(e)); // the message says it all: no cause to unwrap
            } finally {
                release();
            }
        }

        @Override
        public void rollback() {
            // Nothing was written: the file keeps the state it had.
        }

        @Override
        public void unlock() {
            // Bucket4j unlocks before it commits (a database commits its row lock away); the file lock must
            // be held until the state is written, so commit and release give it up.
        }

        @Override
        public void release() {
            try {
                if (lock != null && lock.isValid()) {
                    lock.release();
                }
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // Closing the channel drops the lock in any case.
            } finally {
                lock = null;
                channel = null;
                if (locked) {
                    locked = false;
                    jvmLock.unlock();
                }
            }
        }
    }

    /** Opens (or creates, owner-only) the file without following a link, and checks who may use it. */
    private FileChannel open() throws IOException {
        Path dir = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (dir != null && !Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        Set<OpenOption> options = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?>[] attributes = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        if (Files.isSymbolicLink(file)) {
            throw new IOException(LINK);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, options, attributes);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw new IOException(LINK);
            }
            throw e;
        }
        if (posix) {
            PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            if (!a.isRegularFile()) {
                channel.close();
                throw new IOException("it is not a regular file");
            }
            if (me != null && !me.equals(a.owner().getName())) {
                channel.close();
                throw new IOException("it belongs to " + a.owner().getName() + ", not to " + me);
            }
            if (!OWNER_FILE.containsAll(a.permissions())) {
                channel.close();
                throw new IOException("others may read or write it (" + PosixFilePermissions.toString(a.permissions())
                        + "); make it private with 'chmod 600 " + file + "'");
            }
        }
        return channel;
    }

    private static Map<String, byte[]> read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > 1 << 20) {
            throw new IOException("it is " + size + " bytes, too large for rate-limit state");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // reads until full
        }
        Map<String, byte[]> buckets = new LinkedHashMap<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (String line : new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            try {
                buckets.put(new String(b64.decode(line.substring(0, Math.max(space, 0))), StandardCharsets.UTF_8),
                        b64.decode(line.substring(space + 1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IOException("it is not a rate-limit state file (delete it to start afresh)");
            }
        }
        return buckets;
    }

    private static void write(FileChannel channel, Map<String, byte[]> buckets) throws IOException {
        StringBuilder text = new StringBuilder();
        Base64.Encoder b64 = Base64.getEncoder();
        buckets.forEach((key, state) -> text.append(b64.encodeToString(key.getBytes(StandardCharsets.UTF_8)))
                .append(' ').append(b64.encodeToString(state)).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
        channel.truncate(0);
        while (bytes.hasRemaining()) {
            channel.write(bytes, bytes.position());
        }
    }

    private String problem(IOException e) {
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (why == null) {
            why = e.getClass().getSimpleName();
        }
        return "the rate-limit state file " + file + " cannot be used: " + why;
    }
}
