package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The sandbox's data as it changes: uploads, replaced files, edited tags and titles, deletions, sets
 * made and emptied. Readers take the current {@link DataSet} with {@link #now()} (one volatile read, no
 * lock) and see one consistent state for the whole request. Writers run one at a time
 * ({@link #edit}): an edit works on a {@link Draft} of the latest state, and when it is done a new
 * {@code DataSet} is published, so a reader never sees half an edit.
 *
 * <p>New ids grow past every id in the data (Flickr's grow with time too), and new secrets come from a
 * random stream seeded with the data set's seed, so the same edits on the same seed give the same ids.
 */
final class LiveData {
    private final Object lock = new Object();
    private volatile DataSet current;
    /** Guarded by {@link #lock}. */
    private final SplittableRandom random;
    /** The largest ids so far; found at the first edit, so a sandbox nobody edits never looks. */
    private long lastPhotoId = -1;
    private long lastSetId = -1;
    /** Told of every published change, in order, while the lock is held; {@code null}: nobody. */
    private volatile Consumer<DataSet> onChange;

    /** Tells the time of an edit, Unix seconds. */
    private final LongSupplier clock;

    LiveData(DataSet initial) {
        this(initial, () -> System.currentTimeMillis() / 1000);
    }

    /** @param clock the time of edits, Unix seconds, which a changed photo takes as its {@code lastupdate} */
    LiveData(DataSet initial, LongSupplier clock) {
        this.current = initial;
        this.clock = clock;
        this.random = new SplittableRandom(initial.seed ^ 0x5DEECE66DL);
    }

    /** Has {@code listener} told of each change once it is published, in the order of the changes. */
    void onChange(Consumer<DataSet> listener) {
        this.onChange = listener;
    }

    /** The data as it is now; it never changes under the caller. */
    DataSet now() {
        return current;
    }

    /** A change to the data, made on a draft; it may throw a {@link Fail}, and then nothing changes. */
    @FunctionalInterface
    interface Edit<T> {
        T apply(Draft draft);
    }

    /** Runs an edit on the latest data, alone, and publishes the result if the edit changed anything. */
    <T> T edit(Edit<T> edit) {
        synchronized (lock) {
            if (lastPhotoId < 0) {
                lastPhotoId = current.photos.stream().mapToLong(p -> Long.parseLong(p.id())).max().orElse(50_000_000_000L);
                lastSetId = current.sets.stream().mapToLong(s -> Long.parseLong(s.id())).max()
                        .orElse(72_157_600_000_000_000L);
            }
            Draft draft = new Draft(current);
            T result = edit.apply(draft);
            if (draft.changed) {
                current = current.with(draft.photos.values(), draft.sets);
                Consumer<DataSet> listener = onChange;
                if (listener != null) {
                    listener.accept(current);
                }
            }
            return result;
        }
    }

    /** The data being edited: photos by id and sets in order, as copies the edit may change. */
    final class Draft {
        final DataSet before;
        private final Map<String, Photo> photos;
        private final List<Photoset> sets;
        private boolean changed;

        private Draft(DataSet before) {
            this.before = before;
            this.photos = new LinkedHashMap<>(before.photosById);
            this.sets = new ArrayList<>(before.sets);
        }

        /** The photo with this id, or {@code null}. */
        Photo photo(String id) {
            return id == null ? null : photos.get(id);
        }

        /**
         * Adds a photo, or puts a changed one in place of the one with its id; a changed one gets the
         * edit's time as its {@code lastupdate}, always later than the one before, so that every change
         * shows, also two in the same second.
         */
        void put(Photo p) {
            Photo old = photos.get(p.id());
            Photo stamped = old == null || old.equals(p) ? p
                    : p.changedAt(Math.max(clock.getAsLong(), old.lastUpdate() + 1));
            photos.put(p.id(), stamped);
            changed = true;
        }

        /** Deletes a photo; it leaves its sets too. */
        void remove(String photoId) {
            changed |= photos.remove(photoId) != null;
        }

        /** The set with this id, or {@code null}. */
        Photoset set(String id) {
            for (Photoset s : sets) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            return null;
        }

        /** Puts a changed set in place of the one with its id, or adds a new one first, as Flickr lists a new set. */
        void put(Photoset set) {
            for (int i = 0; i < sets.size(); i++) {
                if (sets.get(i).id().equals(set.id())) {
                    sets.set(i, set);
                    changed = true;
                    return;
                }
            }
            sets.add(0, set);
            changed = true;
        }

        /** Deletes a set; its photos stay. */
        void removeSet(String setId) {
            changed |= sets.removeIf(s -> s.id().equals(setId));
        }

        /** A new photo id, larger than any so far. */
        String newPhotoId() {
            lastPhotoId += 1 + random.nextInt(7);
            return Long.toString(lastPhotoId);
        }

        /** A new set id, larger than any so far. */
        String newSetId() {
            lastSetId += 1 + random.nextInt(1000);
            return Long.toString(lastSetId);
        }

        /** A new photo secret: 10 hex digits. */
        String newSecret() {
            StringBuilder sb = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                sb.append(Character.forDigit(random.nextInt(16), 16));
            }
            return sb.toString();
        }

        /** A server number and a farm for a new photo's file. */
        int[] newServerAndFarm() {
            return new int[] {1000 + random.nextInt(8000), 1 + random.nextInt(66)};
        }
    }
}
