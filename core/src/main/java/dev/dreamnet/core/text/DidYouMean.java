package dev.dreamnet.core.text;

import java.util.Collection;

/**
 * Suggests the known name closest to a misspelt one (a service, a field, a kind), by edit
 * distance with a swap of neighbours counting as one edit. Stateless.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** Returns {@code " (did you mean \"x\"?)"}, or an empty string when nothing is close enough. */
    public static String suggest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(wrong.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(1, wrong.length() / 3)
                ? " (did you mean \"" + best + "\"?)" : "";
    }

    /** Optimal string alignment distance, keeping only the three rows it needs. */
    public static int distance(String a, String b) {
        int[] beforeLast = new int[b.length() + 1];
        int[] last = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            last[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    row[j] = Math.min(row[j], beforeLast[j - 2] + 1);
                }
            }
            int[] recycled = beforeLast;
            beforeLast = last;
            last = row;
            row = recycled;
        }
        return last[b.length()];
    }
}
