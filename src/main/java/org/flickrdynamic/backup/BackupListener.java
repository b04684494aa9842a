package org.flickrdynamic.backup;

/**
 * What a backup tells while it runs; every method does nothing unless overridden. Called on the thread
 * running the backup.
 */
public interface BackupListener {
    /**
     * The account's photos are listed: how many there are and how many must be fetched, before they are.
     *
     * @param photos  the photos on Flickr
     * @param toFetch those new or changed since the last run (or not complete in the folder)
     * @param calls   the API calls fetching them will take
     */
    default void planned(int photos, int toFetch, long calls) {
    }

    /**
     * One more photo is done.
     *
     * @param done    the photos fetched (or found gone) so far in this run
     * @param toFetch the photos this run set out to fetch
     */
    default void progressed(int done, int toFetch) {
    }

    /**
     * Something worth a line of its own: a photo found deleted, one that could not be fetched.
     *
     * @param message the line
     */
    default void noted(String message) {
    }

    /**
     * A page of the listing arrived; the listing is made of ranges of upload dates, each whole in one page.
     *
     * @param listed the photos listed so far
     */
    default void listing(int listed) {
    }
}
