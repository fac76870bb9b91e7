package dev.interlock.diff.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two schemas for one {@link Direction}, by meaning rather than by text: each side is read
 * as a {@link SchemaView} ({@code $ref}s followed, {@code allOf} merged, nullable wrappings
 * unwrapped) and a {@link SchemaPair} applies the comparators to the two views. Each pair of
 * schemas is compared once: results are memoized per (old schema, new schema, direction) and a pair
 * met again while it is being compared (a recursive schema) contributes nothing, so recursive
 * schemas are never expanded.
 */
public final class SchemaComparator {

  /** A schema difference, relative to the schema pair it was found in. */
  public record Finding(
      SchemaRule rule, String message, Node oldNode, Node newNode, List<String> path) {

    Finding under(String token) {
      List<String> p = new ArrayList<>(path.size() + 1);
      p.add(token);
      p.addAll(path);
      return new Finding(rule, message, oldNode, newNode, p);
    }

    String identity() {
      return rule + "|" + oldNode.key() + "|" + newNode.key();
    }
  }

  /** How many different paths to the same change are kept (shared schemas reach it many ways). */
  private static final int PATHS_PER_CHANGE = 4;

  private final RefResolver resolver;
  private final Map<String, List<Finding>> memo = new HashMap<>();

  public SchemaComparator(RefResolver resolver) {
    this.resolver = resolver;
  }

  /** Renders a relative path as a JSON path: {@code $.amount.currency}, {@code $.items[*].sku}. */
  public static String jsonPath(List<String> tokens) {
    StringBuilder out = new StringBuilder("$");
    for (String t : tokens) {
      if (t.equals("[*]")) {
        out.append("[*]");
      } else if (t.matches("[A-Za-z_$][A-Za-z0-9_$-]*") || t.equals("*")) {
        out.append('.').append(t);
      } else {
        out.append("['").append(t.replace("'", "\\'")).append("']");
      }
    }
    return out.toString();
  }

  public List<Finding> compare(Node oldSchema, Node newSchema, Direction direction) {
    if (!oldSchema.exists() || !newSchema.exists()) {
      return List.of();
    }
    Node ro = resolver.resolve(oldSchema);
    Node rn = resolver.resolve(newSchema);
    String key =
        SchemaView.key(oldSchema, ro)
            + "\u0000"
            + SchemaView.key(newSchema, rn)
            + "\u0000"
            + direction;
    List<Finding> known = memo.get(key);
    if (known != null) {
      return known;
    }
    memo.put(key, List.of()); // in progress: a cycle back to this pair adds nothing
    Findings out = new Findings();
    if (ro.isObject() && rn.isObject()) {
      SchemaView o = new SchemaView(oldSchema, resolver);
      SchemaView n = new SchemaView(newSchema, resolver);
      new SchemaPair(this, o, n, direction, out).compare();
    }
    List<Finding> result = out.list();
    memo.put(key, result);
    return result;
  }

  /** Whether two schemas mean the same for this direction (no finding at all between them). */
  boolean same(Node a, Node b, Direction direction) {
    return compare(a, b, direction).isEmpty();
  }

  /** Findings without duplicates: at most a few paths for the same change. */
  static final class Findings {
    private final Map<String, Integer> pathsPerChange = new HashMap<>();
    private final LinkedHashMap<String, Finding> byPath = new LinkedHashMap<>();

    void add(Finding f) {
      String id = f.identity();
      String withPath = id + "|" + String.join("/", f.path());
      if (byPath.containsKey(withPath)) {
        return;
      }
      int n = pathsPerChange.getOrDefault(id, 0);
      if (n >= PATHS_PER_CHANGE) {
        return;
      }
      pathsPerChange.put(id, n + 1);
      byPath.put(withPath, f);
    }

    List<Finding> list() {
      return List.copyOf(byPath.values());
    }
  }
}
