package org.flickrdynamic.internal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> NAMES = List.of("flickr.photos.search", "flickr.photos.getInfo",
            "flickr.photos.getSizes", "flickr.people.getInfo", "flickr.photosets.getPhotos", "flickr.test.echo");

    @Test
    void distanceCountsEditsAndTranspositions() {
        assertEquals(0, Suggestions.distance("abc", "abc", 5));
        assertEquals(1, Suggestions.distance("abc", "abd", 5));
        assertEquals(1, Suggestions.distance("abc", "acb", 5), "an adjacent swap is one edit");
        assertEquals(3, Suggestions.distance("", "abc", 5));
        assertEquals(3, Suggestions.distance("kitten", "sitting", 5));
    }

    @Test
    void distanceGivesUpPastTheBudget() {
        assertTrue(Suggestions.distance("abcdefgh", "zzzzzzzz", 2) > 2);
    }

    @Test
    void misspelledMethodFindsTheRightOneFirst() {
        assertEquals("flickr.photos.search", Suggestions.closest("flickr.photos.serach", NAMES, 3).get(0));
        assertEquals("flickr.photos.getInfo", Suggestions.closest("flickr.photos.getinfo", NAMES, 3).get(0));
        assertEquals("flickr.photosets.getPhotos", Suggestions.closest("flickr.photoset.getPhotos", NAMES, 3).get(0));
    }

    @Test
    void farNamesAreNotSuggested() {
        assertTrue(Suggestions.closest("flickr.zzz.qqqqqq", NAMES, 3).isEmpty());
    }

    @Test
    void limitIsHonoured() {
        assertEquals(1, Suggestions.closest("flickr.photos.getInfx", NAMES, 1).size());
    }
}
