package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The photo edits, changing the data so later reads see them: {@code flickr.photos.setTags} (all tags
 * at once), {@code addTags}, {@code removeTag} (by the tag id {@code getInfo} shows), {@code setMeta}
 * (title and/or description) and {@code delete} (the photo leaves its sets; a set left empty goes).
 * Only the owner may edit a photo (the sandbox has no contacts); anyone else's photo is "not found", as
 * Flickr answers. A photo holds at most {@value #MAX_TAGS} tags.
 */
final class PhotoEditRoutes {
    /** Flickr's limit of tags on one photo. */
    static final int MAX_TAGS = 75;

    private final LiveData live;

    private PhotoEditRoutes(LiveData live) {
        this.live = live;
    }

    static void register(Map<String, Route> routes, LiveData live) {
        PhotoEditRoutes r = new PhotoEditRoutes(live);
        routes.put("flickr.photos.setTags", (request, params) -> r.tags(request, params, true));
        routes.put("flickr.photos.addTags", (request, params) -> r.tags(request, params, false));
        routes.put("flickr.photos.removeTag", r::removeTag);
        routes.put("flickr.photos.setMeta", r::setMeta);
        routes.put("flickr.photos.delete", r::delete);
    }

    /** The caller's own photo named by {@code photo_id}, in the draft; else the method's "Photo not found". */
    private static Photo own(LiveData.Draft draft, Gatekeeper.Admitted request, String photoId) {
        Photo p = draft.photo(photoId);
        if (p == null || !p.owner().nsid().equals(request.viewer())) {
            throw DocumentedErrors.notFound(request.method(), "photo_id", 1, "Photo not found");
        }
        return p;
    }

    private String tags(Gatekeeper.Admitted request, Map<String, String> params, boolean replaceAll) {
        return live.edit(draft -> {
            Photo p = own(draft, request, params.get("photo_id"));
            List<String> tags = new ArrayList<>(replaceAll ? List.of() : p.tags());
            List<String> raw = new ArrayList<>(replaceAll ? List.of() : p.rawTags());
            List<String> ids = new ArrayList<>(replaceAll ? List.of() : p.tagIds());
            int serial = p.nextTagSerial();
            for (Map.Entry<String, String> tag : TagText.distinct(params.get("tags")).entrySet()) {
                String norm = tag.getKey();
                if (tags.contains(norm)) {
                    continue;
                }
                int kept = replaceAll ? p.tags().indexOf(norm) : -1;
                tags.add(norm);
                raw.add(tag.getValue());
                // A tag set again keeps its id, so ids a client holds stay good.
                ids.add(kept >= 0 ? p.tagIds().get(kept) : Photo.tagId(p.owner(), p.id(), serial++));
            }
            if (tags.size() > MAX_TAGS) {
                throw new Fail(2, "Maximum number of tags reached");
            }
            draft.put(p.withTags(tags, raw, ids));
            return "";
        });
    }

    private String removeTag(Gatekeeper.Admitted request, Map<String, String> params) {
        String tagId = params.get("tag_id");
        // A tag id names its photo: owner-photo-serial.
        String[] parts = tagId == null ? new String[0] : tagId.split("-");
        return live.edit(draft -> {
            Photo p = parts.length == 3 ? draft.photo(parts[1]) : null;
            int at = p == null ? -1 : p.tagIds().indexOf(tagId);
            if (at < 0 || !p.owner().nsid().equals(request.viewer())) {
                throw DocumentedErrors.notFound(request.method(), "tag_id", 1, "Tag not found");
            }
            List<String> tags = new ArrayList<>(p.tags());
            List<String> raw = new ArrayList<>(p.rawTags());
            List<String> ids = new ArrayList<>(p.tagIds());
            tags.remove(at);
            raw.remove(at);
            ids.remove(at);
            draft.put(p.withTags(tags, raw, ids));
            return "";
        });
    }

    private String setMeta(Gatekeeper.Admitted request, Map<String, String> params) {
        String title = params.get("title");
        String description = params.get("description");
        return live.edit(draft -> {
            Photo p = own(draft, request, params.get("photo_id"));
            if (title == null && description == null) {
                throw new Fail(2, "At least one of title or description must be set");
            }
            draft.put(p.withMeta(title != null ? title : p.title(), description != null ? description : p.description()));
            return "";
        });
    }

    private String delete(Gatekeeper.Admitted request, Map<String, String> params) {
        return live.edit(draft -> {
            Photo p = own(draft, request, params.get("photo_id"));
            draft.remove(p.id());
            return "";
        });
    }
}
