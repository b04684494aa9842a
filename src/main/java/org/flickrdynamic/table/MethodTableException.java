package org.flickrdynamic.table;

import org.flickrdynamic.FlickrArgumentException;

/**
 * A method table file could not be used: missing, unreadable, not YAML, or not shaped like a method
 * table. The message names the file and, where the fault has one, the line.
 */
public class MethodTableException extends FlickrArgumentException {
    private static final long serialVersionUID = 1L;

    /** The table file. */
    private final String file;
    /** The line of the problem, or 0. */
    private final int line;

    /**
     * A method table that cannot be loaded.
     *
     * @param file    the file (or resource) that failed
     * @param line    the 1-based line of the fault, or 0 when the fault has no line
     * @param problem what is wrong there
     */
    public MethodTableException(String file, int line, String problem) {
        super("Bad method table " + file + (line > 0 ? " line " + line : "") + ": " + problem,
                "method table " + file + (line > 0 ? " line " + line : "") + ": " + problem, true);
        this.file = file;
        this.line = line;
    }

    /**
     * The file or resource that failed.
     *
     * @return the file or resource that failed
     */
    public String file() {
        return file;
    }

    /**
     * The 1-based line of the fault, or 0 when it has none.
     *
     * @return the 1-based line of the fault, or 0 when it has none
     */
    public int line() {
        return line;
    }
}
