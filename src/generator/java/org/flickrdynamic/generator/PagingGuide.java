package org.flickrdynamic.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flickrdynamic.table.Paging;

/**
 * Finds how a paged method's answer carries its items. The seed's example tells it where there is one:
 * the element with {@code page}/{@code pages}/{@code perpage}/{@code total} attributes and its repeated
 * child. Where the seed has no usable example, {@link #KNOWN} says it, from Flickr's documented responses.
 */
final class PagingGuide {
    /**
     * List and item elements of paged methods the seed shows no paged example for. Keep it to those:
     * the merger rejects an entry the seed's example already answers, or one for a method that is not paged.
     */
    static final Map<String, Paging> KNOWN = known(
            "flickr.activity.userComments", "items/item",
            "flickr.activity.userPhotos", "items/item",
            "flickr.contacts.getTaggingSuggestions", "contacts/contact",
            "flickr.favorites.getList", "photos/photo",
            "flickr.favorites.getPublicList", "photos/photo",
            "flickr.galleries.getList", "galleries/gallery",
            "flickr.galleries.getListForPhoto", "galleries/gallery",
            "flickr.groups.discuss.replies.getList", "replies/reply",
            "flickr.groups.discuss.topics.getList", "topics/topic",
            "flickr.interestingness.getList", "photos/photo",
            "flickr.machinetags.getNamespaces", "namespaces/namespace",
            "flickr.machinetags.getPairs", "pairs/pair",
            "flickr.people.getPhotos", "photos/photo",
            "flickr.people.getPublicPhotos", "photos/photo",
            "flickr.photos.comments.getRecentForContacts", "photos/photo",
            "flickr.photos.geo.photosForLocation", "photos/photo",
            // getFavorites pages the people who faved one photo: <photo page=".."><person/>...</photo>
            "flickr.photos.getFavorites", "photo/person",
            "flickr.photos.getNotInSet", "photos/photo",
            "flickr.photos.getPopular", "photos/photo",
            "flickr.photos.getRecent", "photos/photo",
            "flickr.photos.getUntagged", "photos/photo",
            "flickr.photos.getWithGeoData", "photos/photo",
            "flickr.photos.getWithoutGeoData", "photos/photo",
            "flickr.photos.recentlyUpdated", "photos/photo",
            "flickr.photos.search", "photos/photo",
            "flickr.photosets.getList", "photosets/photoset",
            "flickr.photosets.getPhotos", "photoset/photo",
            "flickr.stats.getCollectionDomains", "domains/domain",
            // the referrer calls page the referrers of one domain: <domain page=".." name=".."><referrer/>...
            "flickr.stats.getCollectionReferrers", "domain/referrer",
            "flickr.stats.getPhotoDomains", "domains/domain",
            "flickr.stats.getPhotoReferrers", "domain/referrer",
            "flickr.stats.getPhotosetDomains", "domains/domain",
            "flickr.stats.getPhotosetReferrers", "domain/referrer",
            "flickr.stats.getPhotostreamDomains", "domains/domain",
            "flickr.stats.getPhotostreamReferrers", "domain/referrer",
            "flickr.stats.getPopularPhotos", "photos/photo",
            "flickr.testimonials.getAllTestimonialsAbout", "testimonials/testimonial",
            "flickr.testimonials.getAllTestimonialsBy", "testimonials/testimonial",
            "flickr.testimonials.getPendingTestimonialsAbout", "testimonials/testimonial",
            "flickr.testimonials.getPendingTestimonialsBy", "testimonials/testimonial",
            "flickr.testimonials.getTestimonialsAbout", "testimonials/testimonial",
            "flickr.testimonials.getTestimonialsBy", "testimonials/testimonial");

    private PagingGuide() {
    }

    /** Whether arguments named so make a method paged. */
    static boolean isPagingArgument(String name) {
        return name.equals("page") || name.equals("per_page");
    }

    /**
     * The paging an example shows: the first element, depth first, carrying any of the {@code page},
     * {@code pages}, {@code perpage} or {@code total} attributes (panda.getPhotos shows only {@code total}),
     * with its most frequent child element as the item.
     *
     * @return the paging, or null when the example shows none (or a list element without items)
     */
    static Paging fromExample(List<Xexpr> payload) {
        for (Xexpr x : payload) {
            if (x instanceof Xexpr.Element e) {
                Paging p = find(e);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static Paging find(Xexpr.Element e) {
        if (e.attribute("page") != null || e.attribute("pages") != null || e.attribute("perpage") != null
                || e.attribute("total") != null) {
            Map<String, Integer> counts = new TreeMap<>();
            for (Xexpr c : e.children()) {
                if (c instanceof Xexpr.Element child) {
                    counts.merge(child.tag(), 1, Integer::sum);
                }
            }
            String item = null;
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                if (item == null || c.getValue() > counts.get(item)) {
                    item = c.getKey();
                }
            }
            return item == null ? null : new Paging(e.tag(), item);
        }
        return fromExample(e.children());
    }

    private static Map<String, Paging> known(String... pairs) {
        Map<String, Paging> map = new HashMap<>();
        for (int k = 0; k < pairs.length; k += 2) {
            String[] listItem = pairs[k + 1].split("/");
            map.put(pairs[k], new Paging(listItem[0], listItem[1]));
        }
        return Map.copyOf(map);
    }
}
