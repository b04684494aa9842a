package org.flickrdynamic.auth;

import java.nio.file.Path;

import org.flickrdynamic.FlickrArgumentException;

/**
 * The token store cannot be used: a token file that is not a readable file of logins, or a folder that
 * cannot be written. The message names the file or folder, what is wrong and how to put it right.
 */
public class TokenStoreException extends FlickrArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /**
     * A token store that cannot be used as it is.
     *
     * @param path    the file or folder at fault
     * @param problem what is wrong there and how to fix it, free of secrets
     */
    public TokenStoreException(Path path, String problem) {
        super("Bad token store: " + problem, "token store: " + problem, true);
        this.path = path;
    }

    /**
     * The file or folder at fault.
     *
     * @return the file or folder at fault
     */
    public Path path() {
        return path;
    }
}
