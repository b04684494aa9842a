package org.flickrdynamic.table;

/** Which of the method table's two sources a method came from. */
public enum Source {
    /** Only the Scheme wrapper's manual names it. */
    SEED,
    /** Only the current API's method list names it. */
    API,
    /** Both name it: the current API wins for arguments, the seed adds what it alone knows. */
    BOTH
}
