package org.flickrdynamic.sandbox;

import java.util.List;

/**
 * One photoset (album) of the sandbox's data set. Immutable.
 *
 * @param id          the set id
 * @param owner       the owner
 * @param title       the title
 * @param description the description
 * @param photos      the photos in set order
 * @param primary     the photo that stands for the set; one of {@code photos}, and public
 * @param created     creation time, Unix seconds
 * @param updated     last change, Unix seconds
 */
record Photoset(String id, SandboxUser owner, String title, String description, List<Photo> photos, Photo primary,
                long created, long updated) {

    /** The photos of the set {@code viewer} may see (an nsid, or {@code null}), in set order. */
    List<Photo> visibleTo(String viewer) {
        return owner.nsid().equals(viewer) ? photos : photos.stream().filter(p -> p.visibleTo(viewer)).toList();
    }
}
