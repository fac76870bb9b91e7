package dev.interlock.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance, for diagnostics and the sandbox's 404s. */
public final class Suggestions {

  private Suggestions() {}

  /** The closest candidate within a distance proportional to the word's length. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    int allowed = Math.max(2, word.length() / 3);
    return candidates.stream()
        .filter(c -> distance(word.toLowerCase(), c.toLowerCase()) <= allowed)
        .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c));
  }

  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
