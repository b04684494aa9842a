package org.flickrdynamic.backup;

import java.util.List;

/**
 * What a backup run (or a verification) found.
 *
 * @param photos      the photos of the account on Flickr
 * @param fetched     those fetched in this run (new, changed, or not complete in the folder)
 * @param unchanged   those already in the folder as they are on Flickr
 * @param deleted     those found deleted on Flickr in this run, kept in the folder and marked
 * @param problems    what is not backed up, or (verifying) what differs, one line each; empty when complete
 * @param calls       the API calls made
 */
public record BackupReport(int photos, int fetched, int unchanged, int deleted, List<String> problems, long calls) {

    /** @param problems what is not backed up */
    public BackupReport {
        problems = List.copyOf(problems);
    }

    /**
     * Whether everything is backed up (or, verifying, the folder matches the account).
     *
     * @return {@code true} when there are no problems
     */
    public boolean complete() {
        return problems.isEmpty();
    }
}
