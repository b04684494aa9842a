package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The photoset edits, changing the data so later reads see them, with Flickr's codes:
 * {@code flickr.photosets.create} (1 {@code No title specified}, 2 {@code Photo not found} for a primary
 * photo that is not the caller's; answers {@code <photoset id url/>}), {@code addPhoto} (1
 * {@code Photoset not found}, 2 {@code Photo not found}, 3 {@code Photo already in set}),
 * {@code removePhoto} (1, 2, and 3 {@code Photo not in set}; the last photo out takes the set with it)
 * and {@code delete} (1). Only the owner may change a set, and only with their own photos.
 */
final class SetEditRoutes {
    private final LiveData live;
    private final LongSupplier nowSeconds;

    private SetEditRoutes(LiveData live, LongSupplier nowSeconds) {
        this.live = live;
        this.nowSeconds = nowSeconds;
    }

    static void register(Map<String, Route> routes, LiveData live, LongSupplier nowSeconds) {
        SetEditRoutes r = new SetEditRoutes(live, nowSeconds);
        routes.put("flickr.photosets.create", r::create);
        routes.put("flickr.photosets.addPhoto", (request, params) -> r.member(request, params, true));
        routes.put("flickr.photosets.removePhoto", (request, params) -> r.member(request, params, false));
        routes.put("flickr.photosets.delete", r::delete);
    }

    private String create(Gatekeeper.Admitted request, Map<String, String> params) {
        String title = params.getOrDefault("title", "");
        long now = nowSeconds.getAsLong();
        return live.edit(draft -> {
            if (title.isBlank()) {
                throw new Fail(1, "No title specified");
            }
            Photo primary = draft.photo(params.get("primary_photo_id"));
            if (primary == null || !primary.owner().nsid().equals(request.viewer())) {
                throw new Fail(2, "Photo not found");
            }
            String id = draft.newSetId();
            draft.put(new Photoset(id, primary.owner(), title, params.getOrDefault("description", ""),
                    List.of(primary), primary, now, now));
            return new Xml(128).open("photoset").attr("id", id)
                    .attr("url", "https://www.flickr.com/photos/" + primary.owner().nsid() + "/albums/" + id + "/")
                    .end().toString();
        });
    }

    private String member(Gatekeeper.Admitted request, Map<String, String> params, boolean add) {
        long now = nowSeconds.getAsLong();
        return live.edit(draft -> {
            Photoset set = ownSet(draft, request, params.get("photoset_id"));
            Photo p = draft.photo(params.get("photo_id"));
            if (p == null || !p.owner().nsid().equals(request.viewer())) {
                throw new Fail(2, "Photo not found");
            }
            boolean in = set.photos().stream().anyMatch(x -> x.id().equals(p.id()));
            if (add == in) {
                throw add ? new Fail(3, "Photo already in set") : new Fail(3, "Photo not in set");
            }
            List<Photo> members = new ArrayList<>(set.photos());
            if (add) {
                members.add(p);
            } else {
                members.removeIf(x -> x.id().equals(p.id()));
            }
            if (members.isEmpty()) {
                draft.removeSet(set.id()); // Flickr deletes a set whose last photo is removed
                return "";
            }
            Photo primary = members.stream().anyMatch(x -> x.id().equals(set.primary().id())) ? set.primary()
                    : members.get(0);
            draft.put(new Photoset(set.id(), set.owner(), set.title(), set.description(), List.copyOf(members),
                    primary, set.created(), Math.max(set.updated(), now)));
            return "";
        });
    }

    private String delete(Gatekeeper.Admitted request, Map<String, String> params) {
        return live.edit(draft -> {
            draft.removeSet(ownSet(draft, request, params.get("photoset_id")).id());
            return "";
        });
    }

    private static Photoset ownSet(LiveData.Draft draft, Gatekeeper.Admitted request, String setId) {
        Photoset set = draft.set(setId);
        if (set == null || !set.owner().nsid().equals(request.viewer())) {
            throw new Fail(1, "Photoset not found");
        }
        return set;
    }
}
