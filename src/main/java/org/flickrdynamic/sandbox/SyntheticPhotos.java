package org.flickrdynamic.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A large made-up photostream computed from each photo's index instead of stored, so a sandbox can
 * serve 100,000 photos or more in a few kilobytes of heap: {@code Sandbox.builder().syntheticPhotos(n)}.
 *
 * <p>Photo {@code i} (0 the oldest) is uploaded at a distinct second, {@code i} steps after
 * 2015-01-01 (the step spreads the photos over ten years), and taken a day before; its id grows with
 * {@code i}, as Flickr's grow with the upload date. Owner, secret, server, farm, views and 1 to 3 tags
 * come from a hash of the seed and {@code i}. Every photo is public, so any caller sees all of them;
 * there are no photosets. Since both dates grow with the index, every order the lists sort by is the
 * index order or its reverse.
 */
final class SyntheticPhotos {
    /** The most photos a synthetic data set holds: each needs a distinct upload second within ten years. */
    static final int MAX = 50_000_000;
    private static final long FIRST_UPLOAD = LocalDateTime.of(2015, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long SPAN = LocalDateTime.of(2024, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC) - FIRST_UPLOAD;
    private static final long FIRST_ID = 60_000_000_000L;
    private static final long ID_STEP = 3;

    private final long seed;
    private final int count;
    private final long step;
    private final List<SandboxUser> users;

    SyntheticPhotos(long seed, int count, List<SandboxUser> users) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("synthetic photos must number 1 to " + MAX + ", not " + count);
        }
        this.seed = seed;
        this.count = count;
        this.step = Math.max(1, SPAN / count);
        this.users = users;
    }

    /** The {@code i}-th photo uploaded. */
    Photo photo(int i) {
        long h = mix(seed ^ (i * 0x9E3779B97F4A7C15L));
        long uploaded = FIRST_UPLOAD + i * step;
        SandboxUser owner = users.get((int) Long.remainderUnsigned(h, users.size()));
        int tagCount = 1 + (int) ((h >>> 8) & 0x3) % 3;
        String[] tags = new String[tagCount];
        for (int t = 0; t < tagCount; t++) {
            // Consecutive picks 7 apart in a vocabulary of 30 never repeat within three tags.
            tags[t] = DataSet.TAGS.get((int) (((h >>> 16) & 0xff) + 7L * t) % DataSet.TAGS.size());
        }
        List<String> tagList = List.of(tags);
        return new Photo(Long.toString(FIRST_ID + ID_STEP * i), owner, secret(h), Integer.toString(1000 + (int) ((h >>> 24) % 8000)),
                1 + (int) ((h >>> 40) % 66), "Synthetic " + tags[0] + " #" + (i + 1),
                "A made-up photo of " + String.join(" and ", tagList) + ".", tagList, tagList, true, false, false,
                uploaded, DataSet.mysql(LocalDateTime.ofEpochSecond(uploaded - 86_400, 0, ZoneOffset.UTC)),
                (int) ((h >>> 48) % 5000));
    }

    /** The index of the photo with this id, or -1. */
    int indexOf(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long offset = Long.parseLong(id) - FIRST_ID;
        if (offset < 0 || offset % ID_STEP != 0 || offset / ID_STEP >= count) {
            return -1;
        }
        return (int) (offset / ID_STEP);
    }

    /** Oldest first ({@code newestFirst == false}) or newest first, each photo made when read. */
    List<Photo> list(boolean newestFirst) {
        return new View(newestFirst);
    }

    /** The photos by id, each made when looked up. */
    Map<String, Photo> byId() {
        return new ById();
    }

    private static String secret(long h) {
        String hex = Long.toHexString(mix(h) | 0x1000000000L);
        return hex.substring(hex.length() - 10);
    }

    /** A 64-bit finaliser (SplitMix64's): neighbouring indexes get unrelated bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private final class View extends AbstractList<Photo> implements RandomAccess {
        private final boolean newestFirst;

        View(boolean newestFirst) {
            this.newestFirst = newestFirst;
        }

        @Override
        public Photo get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            return photo(newestFirst ? count - 1 - index : index);
        }

        @Override
        public int size() {
            return count;
        }
    }

    private final class ById extends AbstractMap<String, Photo> {
        @Override
        public Photo get(Object key) {
            int i = key instanceof String s ? indexOf(s) : -1;
            return i < 0 ? null : photo(i);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String s && indexOf(s) >= 0;
        }

        @Override
        public Set<Entry<String, Photo>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Photo>> iterator() {
                    Iterator<Photo> photos = list(false).iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return photos.hasNext();
                        }

                        @Override
                        public Entry<String, Photo> next() {
                            Photo p = photos.next();
                            return Map.entry(p.id(), p);
                        }
                    };
                }

                @Override
                public int size() {
                    return count;
                }
            };
        }
    }
}
