package org.flickrdynamic.internal.walk;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The elements of a run of iterators, one after the other: the items of page after page, or the pages
 * of part after part of a split query. The next iterator is asked for only when the one before is used
 * up, so nothing is fetched before the walk needs it.
 */
final class Concat<T> implements Iterator<T> {
    private final Supplier<Iterator<T>> next;
    private Iterator<T> current = Collections.emptyIterator();

    /** @param next gives the next iterator, or {@code null} when there is none left */
    Concat(Supplier<Iterator<T>> next) {
        this.next = next;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            Iterator<T> following = next.get();
            if (following == null) {
                return false;
            }
            current = following;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
