package dev.ecsdeck.ui.tree;

import java.util.Locale;

/**
 * Scores how well a typed query matches a name, as quick-open pickers do: the query's letters must
 * appear in order; runs of consecutive letters, letters at the start of a word (after "-", "_",
 * "/", ".", " " or at the start) and shorter names score higher. -1 means no match.
 */
public final class FuzzyMatch {
    private FuzzyMatch() {}

    public static int score(String query, String name) {
        String q = query.toLowerCase(Locale.ROOT).replace(" ", "");
        String n = name.toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return 1;
        }
        int score = 0;
        int qi = 0;
        int run = 0;
        for (int i = 0; i < n.length() && qi < q.length(); i++) {
            if (n.charAt(i) == q.charAt(qi)) {
                run++;
                score += 10 + run * 5;
                if (i == 0 || "-_/. :".indexOf(n.charAt(i - 1)) >= 0) {
                    score += 15;
                }
                qi++;
            } else {
                run = 0;
            }
        }
        if (qi < q.length()) {
            return -1;
        }
        if (n.contains(q)) {
            score += 40;
        }
        return score * 100 / (100 + n.length());
    }
}
