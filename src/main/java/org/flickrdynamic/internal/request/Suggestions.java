package org.flickrdynamic.internal.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the names nearest to a misspelled one, by edit distance, for "did you mean" hints. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidates closest to {@code wrong}, best first: at most {@code limit}, and only those close
     * enough to be a plausible misspelling (distance at most a third of the longer name, and at least 2).
     * Case is ignored when measuring, so {@code photos.GetInfo} finds {@code photos.getInfo}.
     */
    public static List<String> closest(String wrong, Iterable<String> candidates, int limit) {
        String w = wrong.toLowerCase(Locale.ROOT);
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int budget = Math.max(2, Math.max(w.length(), lc.length()) / 3);
            int d = distance(w, lc, budget);
            if (d <= budget) {
                scored.add(new Scored(c, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        List<String> out = new ArrayList<>();
        for (Scored s : scored) {
            if (out.size() == limit) {
                break;
            }
            if (!out.contains(s.name())) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, a common typo),
     * giving up early once every cell of a row exceeds {@code budget}.
     */
    static int distance(String a, String b, int budget) {
        if (Math.abs(a.length() - b.length()) > budget) {
            return budget + 1;
        }
        int[] prev2 = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > budget) {
                return budget + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private record Scored(String name, int distance) {
    }
}
