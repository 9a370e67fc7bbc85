package io.wkforge.lang.check;

import java.util.Collection;

/** "Did you mean": the closest candidate within a small edit distance, or null. */
public final class Spelling {
    private Spelling() {}

    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            // lengths further apart than the limit cannot be within it: no table for them (a file of
            // 250,000 unknown names asks this 2 million times)
            if (Math.abs(c.length() - word.length()) > limit) continue;
            int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance && d <= limit) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null && word.length() >= 3) {
            for (String c : candidates) {
                if (c.startsWith(word)) return c; // an abbreviation: `fram` for `frames`
            }
        }
        return best;
    }

    public static String didYouMean(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? null : "did you mean `" + c + "`?";
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions (fsp -> fps). Three rows, no table. */
    static int distance(String a, String b) {
        int[] before = new int[b.length() + 1]; // row i-2
        int[] previous = new int[b.length() + 1]; // row i-1
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    current[j] = Math.min(current[j], before[j - 2] + 1);
                }
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
