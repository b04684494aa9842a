package org.flickrdynamic.sandbox;

import java.util.List;

/**
 * One photoset (album) of the sandbox's data set. Immutable.
 *
 * @param id          the set id
 * @param owner       the owner
 * @param title       the title
 * @param description the description
 * @param photos      the photos in set order; the first is the primary
 * @param created     creation time, Unix seconds
 */
record Photoset(String id, SandboxUser owner, String title, String description, List<Photo> photos, long created) {

    Photo primary() {
        return photos.get(0);
    }
}
