package org.flickrdynamic.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sandbox's made-up Flickr, generated from a seed, so the same seed gives the same data:
 * <ul>
 * <li>5 users, always the same ones;</li>
 * <li>{@value #PHOTOS} photos, each with an owner, a title, a description, 1 to 5 tags from a vocabulary
 *     of 30 ({@link #TAGS}), an upload date between 2015-01-01 and 2024-12-31, a taken date up to 60
 *     days before it, and a visibility: 75% public, 10% friends, 5% family, 5% friends and family, 5%
 *     private. Ids grow with the upload date, as Flickr's do;</li>
 * <li>4 to 8 photosets per user of 10 to 60 of that user's photos each, whose primary photo is public.</li>
 * </ul>
 * The orders the list methods sort by are computed once here, so a request only filters. Immutable
 * once built, so it is safe to read from many threads; an edit makes a new one ({@link #with}), which
 * {@link LiveData} publishes.
 */
final class DataSet {
    /** The default seed of {@link Sandbox#start()}. */
    static final long DEFAULT_SEED = 20091104L;
    static final int PHOTOS = 2_000;

    static final List<String> TAGS = List.of("cat", "dog", "sunset", "beach", "mountain", "city", "night",
            "portrait", "flower", "snow", "river", "bridge", "food", "street", "bird", "tree", "sky", "car",
            "train", "autumn", "spring", "summer", "winter", "macro", "blackandwhite", "family", "travel",
            "architecture", "music", "festival");
    /** How some tags were typed, before Flickr normalised them (the {@code raw} of a tag). */
    private static final Map<String, String> RAW_TAGS = Map.of("blackandwhite", "black and white",
            "architecture", "Architecture", "sunset", "Sunset");
    // A few titles carry characters that must be escaped in XML, so clients' parsers are exercised.
    private static final List<String> ADJECTIVES = List.of("Quiet", "Golden", "Misty", "Bright", "Old", "Red",
            "Lonely", "Busy", "Frozen", "Early", "Late", "Little", "Wild", "Hidden", "Blue", "Rock & Roll",
            "\"Best\"", "Café", "<Untitled>", "Tōkyō");
    private static final long FIRST_UPLOAD = LocalDateTime.of(2015, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_UPLOAD = LocalDateTime.of(2024, 12, 31, 23, 59).toEpochSecond(ZoneOffset.UTC);

    /** The users of every data set, whatever its seed. */
    private static final List<SandboxUser> USERS = List.of(
            new SandboxUser("12037949754@N01", "Bees", "Cal Henderson"),
            new SandboxUser("35034347371@N01", "stewart", "Stewart Butterfield"),
            new SandboxUser("51035555243@N01", "kellan", "Kellan Elliott-McCrea"),
            new SandboxUser("44124348109@N01", "heather", "Heather Champ"),
            new SandboxUser("73509078@N00", "george", "George Oates"));

    final long seed;
    final List<SandboxUser> users;
    /** Newest upload first: Flickr's default order ({@code date-posted-desc}). */
    final List<Photo> photos;
    /** The other orders {@code sort} can ask for, ties broken by id. */
    final List<Photo> postedAsc;
    final List<Photo> takenAsc;
    final List<Photo> takenDesc;
    final Map<String, Photo> photosById;
    final List<Photoset> sets;
    final Map<String, Photoset> setsById;
    /** Whether photos are made when read ({@link SyntheticPhotos}) rather than held. */
    final boolean onDemand;

    private DataSet(long seed, List<SandboxUser> users, List<Photo> newestFirst, List<Photoset> sets) {
        this.onDemand = false;
        this.seed = seed;
        this.users = List.copyOf(users);
        this.photos = List.copyOf(newestFirst);
        this.postedAsc = sorted(Comparator.comparingLong(Photo::uploaded));
        this.takenAsc = sorted(Comparator.comparing(Photo::taken));
        this.takenDesc = sorted(Comparator.comparing(Photo::taken).reversed());
        Map<String, Photo> p = new HashMap<>();
        photos.forEach(x -> p.put(x.id(), x));
        this.photosById = Collections.unmodifiableMap(p);
        this.sets = List.copyOf(sets);
        Map<String, Photoset> s = new HashMap<>();
        sets.forEach(x -> s.put(x.id(), x));
        this.setsById = Collections.unmodifiableMap(s);
    }

    /** A data set of {@link SyntheticPhotos}: both dates grow with the index, so every order is a view. */
    private DataSet(long seed, List<SandboxUser> users, SyntheticPhotos synthetic) {
        this.onDemand = true;
        this.seed = seed;
        this.users = users;
        this.photos = synthetic.list(true);
        this.postedAsc = synthetic.list(false);
        this.takenAsc = postedAsc;
        this.takenDesc = photos;
        this.photosById = synthetic.byId();
        this.sets = List.of();
        this.setsById = Map.of();
    }

    /** The same users as {@link #generate}, with {@code count} synthetic photos made on demand and no sets. */
    static DataSet synthetic(long seed, int count) {
        return new DataSet(seed, USERS, new SyntheticPhotos(seed, count, USERS));
    }

    private List<Photo> sorted(Comparator<Photo> order) {
        List<Photo> list = new ArrayList<>(photos);
        list.sort(order.thenComparing(Photo::id));
        return List.copyOf(list);
    }

    /** Generates the data set of a seed. */
    static DataSet generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SandboxUser> users = USERS;

        long[] uploads = new long[PHOTOS];
        for (int i = 0; i < PHOTOS; i++) {
            uploads[i] = FIRST_UPLOAD + random.nextLong(LAST_UPLOAD - FIRST_UPLOAD);
        }
        Arrays.sort(uploads);
        List<Photo> newestFirst = new ArrayList<>(PHOTOS);
        for (int i = 0; i < PHOTOS; i++) {
            newestFirst.add(photo(random, users, i, uploads[i]));
        }
        Collections.reverse(newestFirst);

        List<Photoset> sets = new ArrayList<>();
        long setId = 72_157_600_000_000_000L;
        for (SandboxUser u : users) {
            // By nsid, not the record's equals: that bootstraps a method handle, slow in a fresh JVM.
            List<Photo> own = newestFirst.stream().filter(p -> p.owner().nsid().equals(u.nsid())).toList();
            int count = 4 + random.nextInt(5);
            for (int s = 0; s < count; s++) {
                int size = Math.min(own.size(), 10 + random.nextInt(51));
                int start = random.nextInt(Math.max(1, own.size() - size));
                List<Photo> members = List.copyOf(own.subList(start, start + size));
                Photo primary = members.stream().filter(Photo::isPublic).findFirst().orElse(members.get(0));
                String tag = primary.tags().get(0);
                setId += 1 + random.nextInt(1000);
                // Members are newest first: the set was made with its oldest photo and last changed with its newest.
                sets.add(new Photoset(Long.toString(setId), u, "Best of " + tag + " " + (s + 1),
                        u.realname() + "'s " + tag + " photos.", members, primary,
                        members.get(members.size() - 1).uploaded(), members.get(0).uploaded()));
            }
        }
        return new DataSet(seed, users, newestFirst, sets);
    }

    /** The {@code i}-th photo uploaded; ids grow with {@code i}. */
    private static Photo photo(SplittableRandom random, List<SandboxUser> users, int i, long uploaded) {
        SandboxUser owner = users.get(random.nextInt(users.size()));
        long taken = uploaded - random.nextLong(60L * 86_400);
        List<String> tags = new ArrayList<>();
        int tagCount = 1 + random.nextInt(5);
        while (tags.size() < tagCount) {
            String t = TAGS.get(random.nextInt(TAGS.size()));
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        List<String> raw = tags.stream().map(t -> RAW_TAGS.getOrDefault(t, t)).toList();
        int visibility = random.nextInt(20);
        boolean isPublic = visibility < 15;
        boolean friend = visibility == 15 || visibility == 16 || visibility == 18;
        boolean family = visibility == 17 || visibility == 18;
        String title = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + tags.get(0) + " #" + (i + 1);
        return new Photo(Long.toString(50_000_000_000L + 7L * i + random.nextInt(7)), owner, hex(random, 10),
                Integer.toString(1000 + random.nextInt(8000)), 1 + random.nextInt(66), title,
                "A photo of " + String.join(" and ", tags) + " by " + owner.realname() + ".", List.copyOf(tags),
                raw, isPublic, friend, family, uploaded,
                mysql(LocalDateTime.ofEpochSecond(taken, 0, ZoneOffset.UTC)), random.nextInt(5000));
    }

    /**
     * Flickr's {@code yyyy-MM-dd HH:mm:ss}, written by hand: a {@code DateTimeFormatter} takes ten times
     * longer in a fresh JVM, the sandbox of a one-off command formats 2,000 dates at start, and a
     * synthetic data set formats one for every photo a request reads.
     */
    static String mysql(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(19).append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        return two(sb, t.getSecond()).toString();
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private static String hex(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    /**
     * A data set like this one with other photos and sets, as an edit leaves it: the photos in any order
     * (they are sorted newest upload first again), each set's photos and primary taken afresh by id, a
     * photo no longer there dropped from its sets, a primary that left replaced by the set's first photo,
     * and a set left empty gone, as on Flickr.
     */
    DataSet with(Collection<Photo> newPhotos, List<Photoset> newSets) {
        List<Photo> newestFirst = new ArrayList<>(newPhotos);
        newestFirst.sort(Comparator.comparingLong(Photo::uploaded).thenComparingLong(p -> Long.parseLong(p.id()))
                .reversed());
        Map<String, Photo> byId = new HashMap<>();
        newestFirst.forEach(p -> byId.put(p.id(), p));
        List<Photoset> relinked = new ArrayList<>(newSets.size());
        for (Photoset s : newSets) {
            List<Photo> members = new ArrayList<>(s.photos().size());
            boolean same = true;
            for (Photo p : s.photos()) {
                Photo now = byId.get(p.id());
                same &= now == p;
                if (now != null) {
                    members.add(now);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            Photo primary = byId.get(s.primary().id());
            if (same && primary == s.primary()) {
                relinked.add(s);
                continue;
            }
            if (primary == null || members.stream().noneMatch(p -> p.id().equals(s.primary().id()))) {
                primary = members.get(0);
            }
            relinked.add(new Photoset(s.id(), s.owner(), s.title(), s.description(), List.copyOf(members), primary,
                    s.created(), s.updated()));
        }
        return new DataSet(seed, users, newestFirst, relinked);
    }

    /** The user with this nsid, or {@code null}. */
    SandboxUser user(String nsid) {
        for (SandboxUser u : users) {
            if (u.nsid().equals(nsid)) {
                return u;
            }
        }
        return null;
    }
}
