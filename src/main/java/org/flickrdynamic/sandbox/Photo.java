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
 * @param tagIds      each tag's id, as {@code getInfo} shows it and {@code removeTag} takes it; an id stays
 *                    with its tag when other tags come and go
 * @param lastUpdate  the last change of the photo or its metadata, Unix seconds ({@code lastupdate})
 */
record Photo(String id, SandboxUser owner, String secret, String server, int farm, String title,
             String description, List<String> tags, List<String> rawTags, boolean isPublic, boolean isFriend,
             boolean isFamily, long uploaded, String taken, int views, List<String> tagIds, long lastUpdate) {

    Photo {
        tags = List.copyOf(tags);
        rawTags = List.copyOf(rawTags);
        tagIds = List.copyOf(tagIds);
    }

    /** A photo last changed when it was uploaded. */
    Photo(String id, SandboxUser owner, String secret, String server, int farm, String title, String description,
          List<String> tags, List<String> rawTags, boolean isPublic, boolean isFriend, boolean isFamily,
          long uploaded, String taken, int views, List<String> tagIds) {
        this(id, owner, secret, server, farm, title, description, tags, rawTags, isPublic, isFriend, isFamily,
                uploaded, taken, views, tagIds, uploaded);
    }

    /** A photo whose tags are numbered in order from 0. */
    Photo(String id, SandboxUser owner, String secret, String server, int farm, String title, String description,
          List<String> tags, List<String> rawTags, boolean isPublic, boolean isFriend, boolean isFamily,
          long uploaded, String taken, int views) {
        this(id, owner, secret, server, farm, title, description, tags, rawTags, isPublic, isFriend, isFamily,
                uploaded, taken, views, numbered(owner, id, tags.size()));
    }

    private static List<String> numbered(SandboxUser owner, String id, int count) {
        List<String> ids = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(tagId(owner, id, i));
        }
        return ids;
    }

    /** The id of a photo's {@code serial}-th tag: the owner's nsid without its {@code @}, the photo id and the serial. */
    static String tagId(SandboxUser owner, String photoId, int serial) {
        return owner.nsid().replace("@", "") + "-" + photoId + "-" + serial;
    }

    /** The same photo with other tags (normalised, as typed, and their ids, in step). */
    Photo withTags(List<String> newTags, List<String> newRawTags, List<String> newTagIds) {
        return new Photo(id, owner, secret, server, farm, title, description, newTags, newRawTags, isPublic, isFriend,
                isFamily, uploaded, taken, views, newTagIds, lastUpdate);
    }

    /** The same photo with another title and description. */
    Photo withMeta(String newTitle, String newDescription) {
        return new Photo(id, owner, secret, server, farm, newTitle, newDescription, tags, rawTags, isPublic, isFriend,
                isFamily, uploaded, taken, views, tagIds, lastUpdate);
    }

    /** The same photo with a new file: a new secret, as Flickr gives a replaced photo. */
    Photo withSecret(String newSecret) {
        return new Photo(id, owner, newSecret, server, farm, title, description, tags, rawTags, isPublic, isFriend,
                isFamily, uploaded, taken, views, tagIds, lastUpdate);
    }

    /** The same photo changed at {@code seconds}: its {@code lastupdate}. */
    Photo changedAt(long seconds) {
        return new Photo(id, owner, secret, server, farm, title, description, tags, rawTags, isPublic, isFriend,
                isFamily, uploaded, taken, views, tagIds, seconds);
    }

    /** The next free serial for a new tag of this photo. */
    int nextTagSerial() {
        int next = 0;
        for (String t : tagIds) {
            next = Math.max(next, Integer.parseInt(t.substring(t.lastIndexOf('-') + 1)) + 1);
        }
        return next;
    }

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
