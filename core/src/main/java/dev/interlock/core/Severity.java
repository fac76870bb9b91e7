package dev.interlock.core;

import java.util.Locale;

/** How much a {@link Diagnostic} matters. Ordered from most to least severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /**
   * The lower-case word used in renderings and in the manifest ({@code error}, {@code warning}).
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a manifest/CLI word; {@code null} when it is not a severity. */
  public static Severity fromLabel(String label) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(label)) {
        return s;
      }
    }
    return null;
  }

  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
