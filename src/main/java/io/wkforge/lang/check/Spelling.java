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

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions (fsp -> fps). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
