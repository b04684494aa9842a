package org.flickrdynamic.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sandbox's made-up Flickr: a few users, about 2,000 photos with titles, tags, visibility and dates
 * spread over 2015-2024, and photosets. Generated from a seed, so the same seed gives the same data
 * (tests can rely on counts and ids). Immutable once built, so it is safe to read from many threads.
 */
final class DataSet {
    /** The default seed of {@link Sandbox#start()}. */
    static final long DEFAULT_SEED = 20091104L;
    static final int PHOTOS = 2_000;

    static final List<String> TAGS = List.of("cat", "dog", "sunset", "beach", "mountain", "city", "night",
            "portrait", "flower", "snow", "river", "bridge", "food", "street", "bird", "tree", "sky", "car",
            "train", "autumn", "spring", "summer", "winter", "macro", "blackandwhite", "family", "travel",
            "architecture", "music", "festival");
    private static final List<String> ADJECTIVES = List.of("Quiet", "Golden", "Misty", "Bright", "Old", "Red",
            "Lonely", "Busy", "Frozen", "Early", "Late", "Little", "Wild", "Hidden", "Blue");
    private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long FIRST_UPLOAD = LocalDateTime.of(2015, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_UPLOAD = LocalDateTime.of(2024, 12, 31, 23, 59).toEpochSecond(ZoneOffset.UTC);

    final List<SandboxUser> users;
    /** Newest upload first, Flickr's default order. */
    final List<Photo> photos;
    final Map<String, Photo> photosById;
    final List<Photoset> sets;
    final Map<String, Photoset> setsById;

    private DataSet(List<SandboxUser> users, List<Photo> photos, List<Photoset> sets) {
        this.users = List.copyOf(users);
        this.photos = List.copyOf(photos);
        this.sets = List.copyOf(sets);
        Map<String, Photo> p = new LinkedHashMap<>();
        photos.forEach(x -> p.put(x.id(), x));
        this.photosById = Collections.unmodifiableMap(p);
        Map<String, Photoset> s = new LinkedHashMap<>();
        sets.forEach(x -> s.put(x.id(), x));
        this.setsById = Collections.unmodifiableMap(s);
    }

    /** Generates the data set of a seed. */
    static DataSet generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SandboxUser> users = List.of(
                new SandboxUser("12037949754@N01", "Bees", "Cal Henderson"),
                new SandboxUser("35034347371@N01", "stewart", "Stewart Butterfield"),
                new SandboxUser("51035555243@N01", "kellan", "Kellan Elliott-McCrea"),
                new SandboxUser("44124348109@N01", "heather", "Heather Champ"),
                new SandboxUser("73509078@N00", "george", "George Oates"));

        List<Photo> photos = new ArrayList<>(PHOTOS);
        for (int i = 0; i < PHOTOS; i++) {
            SandboxUser owner = users.get(random.nextInt(users.size()));
            long uploaded = FIRST_UPLOAD + random.nextLong(LAST_UPLOAD - FIRST_UPLOAD);
            long taken = uploaded - random.nextLong(60L * 86_400);
            List<String> tags = new ArrayList<>();
            int tagCount = 1 + random.nextInt(5);
            while (tags.size() < tagCount) {
                String t = TAGS.get(random.nextInt(TAGS.size()));
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            }
            int visibility = random.nextInt(10); // 80% public, the rest friends, family or private
            String title = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + tags.get(0) + " #" + (i + 1);
            photos.add(new Photo(Long.toString(50_000_000_000L + 7L * i + random.nextInt(7)), owner,
                    hex(random, 10), Integer.toString(1000 + random.nextInt(8000)), 1 + random.nextInt(66),
                    title, "A photo of " + String.join(" and ", tags) + " by " + owner.realname() + ".",
                    List.copyOf(tags), visibility < 8, visibility == 8, visibility == 9, uploaded,
                    MYSQL.format(LocalDateTime.ofEpochSecond(taken, 0, ZoneOffset.UTC)), random.nextInt(5000)));
        }
        photos.sort((a, b) -> Long.compare(b.uploaded(), a.uploaded()));

        List<Photoset> sets = new ArrayList<>();
        long setId = 72_157_600_000_000_000L;
        for (SandboxUser u : users) {
            List<Photo> own = photos.stream().filter(p -> p.owner().equals(u)).toList();
            int count = 4 + random.nextInt(5);
            for (int s = 0; s < count; s++) {
                List<Photo> members = new ArrayList<>();
                int size = Math.min(own.size(), 10 + random.nextInt(51));
                int start = random.nextInt(Math.max(1, own.size() - size));
                for (int k = start; k < start + size; k++) {
                    members.add(own.get(k));
                }
                String tag = members.get(0).tags().get(0);
                setId += 1 + random.nextInt(1000);
                sets.add(new Photoset(Long.toString(setId), u, "Best of " + tag + " " + (s + 1),
                        u.realname() + "'s " + tag + " photos.", List.copyOf(members),
                        members.get(members.size() - 1).uploaded()));
            }
        }
        return new DataSet(users, photos, sets);
    }

    private static String hex(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    SandboxUser user(String nsid) {
        for (SandboxUser u : users) {
            if (u.nsid().equals(nsid)) {
                return u;
            }
        }
        return null;
    }
}
