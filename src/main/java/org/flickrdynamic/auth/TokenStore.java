package org.flickrdynamic.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.table.Permission;

/**
 * Keeps logged-in users' tokens on disk so a login survives a restart: one file per API key, holding
 * any number of users and which of them is current. The folder is {@code ~/.flickr-dynamic}, or
 * {@code $FLICKR_DYNAMIC_HOME}, or the system property {@code flickrdynamic.home}.
 *
 * <p>Files and the folder are created readable by their owner only, and every change is written to a
 * temporary file that is flushed to the disk and then moved over the old one, so a crash never leaves half
 * a file. A lock file serialises changes from several processes. No link is ever followed, a folder that
 * other users can write is refused, and a file that is not a token file is an error naming it, never
 * read as "nobody logged in" nor merged into the next save ({@link PrivateFiles}).
 */
public final class TokenStore {
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    /** File locks guard against other processes only; threads of this JVM queue here first. */
    private static final java.util.Map<Path, Object> JVM_LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path dir;

    private TokenStore(Path dir) {
        this.dir = dir;
    }

    /**
     * A store in this folder (created when first written).
     *
     * @param dir the folder of the token file
     * @return a store in this folder (created when first written)
     */
    public static TokenStore at(Path dir) {
        return new TokenStore(dir.toAbsolutePath());
    }

    /**
     * The store in the user's folder: {@code flickrdynamic.home}, {@code FLICKR_DYNAMIC_HOME} or {@code ~/.flickr-dynamic}.
     *
     * @return the store in the user's folder
     */
    public static TokenStore standard() {
        String home = System.getProperty("flickrdynamic.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("FLICKR_DYNAMIC_HOME");
        }
        return at(home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".flickr-dynamic"));
    }

    /**
     * The folder it keeps its files in.
     *
     * @return the folder it keeps its files in
     */
    public Path folder() {
        return dir;
    }

    /**
     * The file holding the users of one API key.
     *
     * @param apiKey the API key
     * @return the file holding the users of one API key
     */
    public Path file(String apiKey) {
        StringBuilder safe = new StringBuilder();
        for (char c : apiKey.toCharArray()) {
            safe.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return dir.resolve("tokens-" + safe + ".properties");
    }

    /**
     * The current user's token for an API key, if someone is logged in.
     *
     * @param apiKey the API key
     * @return the current user's token for an API key, if someone is logged in
     */
    public Optional<AccessToken> current(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        Properties p = read(apiKey);
        String nsid = p.getProperty("current");
        return nsid == null ? Optional.empty() : Optional.ofNullable(user(p, nsid));
    }

    /**
     * Every user logged in with an API key, in nsid order.
     *
     * @param apiKey the API key
     * @return every user logged in with an API key, in nsid order
     */
    public List<AccessToken> users(String apiKey) {
        Properties p = read(apiKey);
        Set<String> nsids = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("user.") && k.endsWith(".token")) {
                nsids.add(k.substring(5, k.length() - 6));
            }
        }
        List<AccessToken> out = new ArrayList<>();
        for (String nsid : nsids) {
            AccessToken t = user(p, nsid);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Saves a user's token for an API key and makes that user current.
     *
     * @param apiKey the API key
     * @param token the token
     */
    public void save(String apiKey, AccessToken token) {
        update(apiKey, p -> {
            String k = "user." + token.userNsid() + ".";
            p.setProperty(k + "token", token.token());
            if (token.tokenSecret() != null) {
                p.setProperty(k + "secret", token.tokenSecret());
            } else {
                p.remove(k + "secret");
            }
            p.setProperty(k + "username", token.username());
            p.setProperty(k + "fullname", token.fullname() == null ? "" : token.fullname());
            p.setProperty(k + "permission", token.permission().word());
            p.setProperty("current", token.userNsid());
        });
    }

    /**
     * Makes another logged-in user current.
     *
     * @param user the user's nsid or username
     * @param apiKey the API key
     * @return the user's token
     * @throws FlickrArgumentException when nobody of that name is logged in with the key
     */
    public AccessToken use(String apiKey, String user) {
        AccessToken t = find(apiKey, user);
        update(apiKey, p -> p.setProperty("current", t.userNsid()));
        return t;
    }

    /**
     * Forgets a user's token; when it was the current user, no one is current afterwards.
     *
     * @param user the user's nsid or username, or {@code null} for the current user
     * @param apiKey the API key
     * @return whether a token was forgotten
     */
    public boolean logout(String apiKey, String user) {
        if (user == null && discardedUnreadable(apiKey)) {
            return true;
        }
        Optional<AccessToken> target = user == null ? current(apiKey) : users(apiKey).stream()
                .filter(t -> t.userNsid().equals(user) || t.username().equals(user)).findFirst();
        if (target.isEmpty()) {
            return false;
        }
        String nsid = target.get().userNsid();
        update(apiKey, p -> {
            p.stringPropertyNames().stream().filter(k -> k.startsWith("user." + nsid + ".")).forEach(p::remove);
            if (nsid.equals(p.getProperty("current"))) {
                p.remove("current");
            }
        });
        return true;
    }

    /**
     * Logging out of a key whose file is not a token file deletes that file: its logins are lost anyway,
     * and this is the way out the read error suggests.
     */
    private boolean discardedUnreadable(String apiKey) {
        Path f = file(apiKey);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            read(apiKey);
            return false;
        } catch (TokenStoreException unreadable) {
            synchronized (JVM_LOCKS.computeIfAbsent(dir, d -> new Object())) {
                try {
                    return Files.deleteIfExists(f); // a link itself, never its target
                } catch (IOException e) {
                    throw new TokenStoreException(f, "cannot delete the token file " + f + " ("
                            + PrivateFiles.reason(e) + ")");
                }
            }
        }
    }

    private AccessToken find(String apiKey, String user) {
        for (AccessToken t : users(apiKey)) {
            if (t.userNsid().equals(user) || t.username().equals(user)) {
                return t;
            }
        }
        throw new FlickrArgumentException(null, "no user " + user + " is logged in with API key " + apiKey);
    }

    private static AccessToken user(Properties p, String nsid) {
        String k = "user." + nsid + ".";
        String token = p.getProperty(k + "token");
        if (token == null) {
            return null;
        }
        Permission perm = Permission.fromWord(p.getProperty(k + "permission", "read").toLowerCase(Locale.ROOT),
                Permission.READ);
        return new AccessToken(token, p.getProperty(k + "secret"), nsid, p.getProperty(k + "username", nsid),
                p.getProperty(k + "fullname", ""), perm);
    }

    /**
     * The key's file as properties, after checking that it is a token file: text of the store's own
     * entries only. Anything else (binary data, another program's file, a hand-edited line) is an error
     * naming the file, so a later save never merges it in.
     */
    private Properties read(String apiKey) {
        Path f = file(apiKey);
        Properties p = new Properties();
        PrivateFiles.checkFolder(dir);
        byte[] content = PrivateFiles.read(f);
        if (content == null) {
            return p;
        }
        for (byte b : content) {
            // What Properties.store writes: printable ASCII, tabs and line ends (anything else escaped).
            if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                throw PrivateFiles.unusable(f, "is not a token file (it holds bytes that are not text)");
            }
        }
        try {
            p.load(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw PrivateFiles.unusable(f, "cannot be read (" + PrivateFiles.reason(e) + ")");
        } catch (IllegalArgumentException e) {
            // Properties refuses a broken backslash-u escape; the text itself is not quoted, as it may hold a secret.
            throw PrivateFiles.unusable(f, "is not a token file (" + e.getMessage() + ")");
        }
        long foreign = p.stringPropertyNames().stream().filter(k -> !Entries.SHAPE.matcher(k).matches()).count();
        if (foreign > 0) {
            throw PrivateFiles.unusable(f, "is not a token file (" + foreign + (foreign == 1 ? " entry is" : " entries are")
                    + " not a login's)");
        }
        String current = p.getProperty("current");
        if (current != null && p.getProperty("user." + current + ".token") == null) {
            throw PrivateFiles.unusable(f, "is not a token file (its current user has no token)");
        }
        return p;
    }

    /**
     * The entries a token file holds: which user is current, and each user's token and names. In a holder,
     * compiled when a file is first read: a command run without a login never needs it.
     */
    private static final class Entries {
        static final Pattern SHAPE = Pattern.compile("current|user\\.[^.\\s]+\\.(?:token|secret|username|fullname|permission)");
    }

    /**
     * Checks that a login for the API key could be stored, before the user goes through the login:
     * the folder exists or can be made, and the key's file, if any, can be read and replaced.
     *
     * @param apiKey the API key
     * @throws TokenStoreException naming the file or folder and what is wrong
     */
    public void checkWritable(String apiKey) {
        synchronized (JVM_LOCKS.computeIfAbsent(dir, d -> new Object())) {
            try {
                createPrivateDir();
            } catch (IOException e) {
                throw new TokenStoreException(dir, "cannot create the token folder " + dir + " (" + PrivateFiles.reason(e)
                        + "); set FLICKR_DYNAMIC_HOME to a folder you can write");
            }
            PrivateFiles.checkFolder(dir);
            if (!Files.isWritable(dir)) {
                throw new TokenStoreException(dir, "cannot write in the token folder " + dir
                        + "; set FLICKR_DYNAMIC_HOME to a folder you can write");
            }
            read(apiKey);
        }
    }

    /** Read, change and write back under a lock, replacing the file atomically. */
    private void update(String apiKey, Consumer<Properties> change) {
        synchronized (JVM_LOCKS.computeIfAbsent(dir, d -> new Object())) {
            updateLocked(apiKey, change);
        }
    }

    private void updateLocked(String apiKey, Consumer<Properties> change) {
        try {
            createPrivateDir();
            Path lock = dir.resolve(".lock");
            // Owner-only like everything else here, though it stays empty: other users have no business with it.
            PrivateFiles.checkFolder(dir);
            try (FileChannel ch = PrivateFiles.openLock(lock)) {
                // Held until the new file is in place, so two processes never interleave read-change-write.
                FileLock held = ch.lock();
                try {
                    rewrite(apiKey, change);
                } finally {
                    held.release();
                }
            }
        } catch (IOException e) {
            throw new TokenStoreException(dir, "cannot write the token file in " + dir + " (" + PrivateFiles.reason(e)
                    + "); set FLICKR_DYNAMIC_HOME to a folder you can write");
        }
    }

    /** Reads, changes and replaces the key's file: a temp file moved over it, so a crash leaves the old one whole. */
    private void rewrite(String apiKey, Consumer<Properties> change) throws IOException {
        Properties p = read(apiKey);
        change.accept(p);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.store(bytes, "flickr-dynamic logins for one API key; keep this file private");
        PrivateFiles.replace(file(apiKey), bytes.toByteArray());
    }

    private void createPrivateDir() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "it is not a folder");
        }
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "TokenStore[" + dir + "]";
    }
}
