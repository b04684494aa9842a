package org.flickrdynamic.sandbox;

import java.util.List;

/**
 * One photo of the sandbox's data set. Immutable.
 *
 * @param id          the photo id
 * @param owner       the owner
 * @param secret      the photo's secret
 * @param server      the server number
 * @param farm        the farm number
 * @param title       the title
 * @param description the description
 * @param tags        the tags, normalised as Flickr stores them, in the order they were added
 * @param rawTags     the same tags as they were typed
 * @param isPublic    visible to everyone
 * @param isFriend    visible to the owner's friends
 * @param isFamily    visible to the owner's family
 * @param uploaded    upload time, Unix seconds
 * @param taken       when it was taken, Flickr's {@code yyyy-MM-dd HH:mm:ss}
 * @param views       the view count
 */
record Photo(String id, SandboxUser owner, String secret, String server, int farm, String title,
             String description, List<String> tags, List<String> rawTags, boolean isPublic, boolean isFriend,
             boolean isFamily, long uploaded, String taken, int views) {

    /**
     * Whether {@code viewer} (an nsid, or {@code null} for nobody logged in) may see the photo. The
     * sandbox has no contacts, so a friends-only or family-only photo is seen by its owner alone.
     */
    boolean visibleTo(String viewer) {
        return isPublic || owner.nsid().equals(viewer);
    }

    /** Flickr's privacy levels of {@code privacy_filter}: 1 public ... 5 completely private. */
    int privacyLevel() {
        if (isPublic) {
            return 1;
        }
        if (isFriend && isFamily) {
            return 4;
        }
        return isFriend ? 2 : isFamily ? 3 : 5;
    }
}
