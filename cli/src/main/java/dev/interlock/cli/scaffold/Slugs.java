package dev.interlock.cli.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ids of vendors, systems and consumers as a manifest wants them: lower-case words joined by {@code
 * -}. Words that describe every API ("API", "REST", "OpenAPI", "spec", a version) say nothing about
 * which vendor it is, so they are dropped from names inferred from titles.
 */
public final class Slugs {

  private static final Set<String> GENERIC =
      Set.of(
          "api",
          "apis",
          "rest",
          "restful",
          "openapi",
          "swagger",
          "asyncapi",
          "http",
          "https",
          "spec",
          "specs",
          "specification",
          "service",
          "services",
          "web",
          "public",
          "the",
          "of",
          "for",
          "version",
          "definition",
          "definitions",
          "reference",
          "json",
          "yaml",
          "yml",
          "document",
          "contract",
          "schema",
          "server");
  private static final Pattern VERSIONISH =
      Pattern.compile("v?\\d+([._]\\d+)*|\\d{4}-\\d{2}-\\d{2}|\\d{8}");
  private static final int MAX_WORDS = 3;

  private Slugs() {}

  /** {@code "Order Sync"} → {@code order-sync}; empty when nothing is left. */
  public static String slug(String raw) {
    return String.join("-", words(raw));
  }

  /**
   * The distinctive words of a title or file name, at most three: {@code "Stripe API"} → {@code
   * stripe}, {@code "stripe_spec3_2023-09-12"} → {@code stripe-spec3}.
   */
  public static String distinctive(String raw) {
    List<String> kept = new ArrayList<>();
    for (String w : words(raw.replaceAll("\\d{4}-\\d{2}-\\d{2}", " "))) {
      if (!GENERIC.contains(w) && !VERSIONISH.matcher(w).matches() && kept.size() < MAX_WORDS) {
        kept.add(w);
      }
    }
    return String.join("-", kept);
  }

  /** {@code PAYMENTS} of {@code payments}, for {@code env:PAYMENTS_API_KEY}. */
  public static String envName(String id) {
    return id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }

  /** A version usable as a file name: {@code 2023-08-16}, {@code v2}, {@code 1.0.0}. */
  public static String fileSafe(String version) {
    String v = version.trim().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+|-+$", "");
    return v.isEmpty() ? "v1" : v;
  }

  private static List<String> words(String raw) {
    List<String> out = new ArrayList<>();
    // split camelCase too: "PetStore" is two words
    String spaced = raw.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    for (String w : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
