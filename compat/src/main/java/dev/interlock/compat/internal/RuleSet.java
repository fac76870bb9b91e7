package dev.interlock.compat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.contract.PactInteraction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matching rules of one request, response or message, by category ({@code body}, {@code
 * header}, {@code query}, {@code path}, {@code metadata}) and key (a {@code $.a[*].b} path for
 * bodies, a name for headers and query parameters). Selection follows Pact JVM: a rule applies to
 * its path and everything below it, and the heaviest path wins (exact tokens weigh 2, wildcards 1,
 * multiplied), ties going to the longer path.
 */
public final class RuleSet {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One matcher: {@code type}, {@code regex}, ... with its attributes ({@code regex}, {@code min}).
   */
  public record Rule(String match, JsonNode attributes) {
    public String text(String name) {
      JsonNode v = attributes.get(name);
      return v == null || v.isNull() ? null : v.asText();
    }

    public Integer integer(String name) {
      JsonNode v = attributes.get(name);
      return v == null || !v.canConvertToInt() ? null : v.asInt();
    }
  }

  /** The rules under one key, combined with AND (default) or OR. */
  public record Group(String key, List<Rule> rules, boolean or) {}

  private final Map<String, Map<String, Group>> categories = new LinkedHashMap<>();

  public static RuleSet empty() {
    return new RuleSet();
  }

  /** Reads V2 ({@code $.body.x}) or V3/V4 ({@code {"body": {"$.x": {"matchers": [...]}}}}) JSON. */
  public static RuleSet fromJson(JsonNode node) {
    RuleSet set = new RuleSet();
    if (node == null || !node.isObject()) {
      return set;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.startsWith("$")) {
        set.addV2(key, e.getValue());
        continue;
      }
      String category = key;
      JsonNode value = e.getValue();
      if (value.has("matchers") && value.get("matchers").isArray()) {
        set.add(category, "", value); // V3 path category: one group without a key
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> rules = value.fields(); rules.hasNext(); ) {
        Map.Entry<String, JsonNode> r = rules.next();
        set.add(category, r.getKey(), r.getValue());
      }
    }
    return set;
  }

  /** Converts the rules Interlock's pact model holds. */
  public static RuleSet fromModel(List<PactInteraction.MatchingRule> rules) {
    RuleSet set = new RuleSet();
    for (PactInteraction.MatchingRule r : rules) {
      ObjectNode attrs = JSON.valueToTree(r.attributes());
      String category = r.category();
      String key = r.path() == null ? "" : r.path();
      Group g =
          set.categories
              .computeIfAbsent(category, c -> new LinkedHashMap<>())
              .computeIfAbsent(key, k -> new Group(k, new ArrayList<>(), false));
      g.rules().add(new Rule(r.match(), attrs));
    }
    return set;
  }

  private void addV2(String key, JsonNode rule) {
    String rest = key.substring(1);
    String category;
    String path;
    if (rest.startsWith(".body")) {
      category = "body";
      path = "$" + rest.substring(5);
    } else if (rest.startsWith(".headers.") || rest.startsWith(".header.")) {
      category = "header";
      path = rest.substring(rest.indexOf('.', 1) + 1);
    } else if (rest.startsWith(".query.")) {
      category = "query";
      path = rest.substring(7);
    } else if (rest.startsWith(".path")) {
      category = "path";
      path = "";
    } else {
      category = "body";
      path = key;
    }
    if (path.startsWith("['") && path.endsWith("']")) {
      path = path.substring(2, path.length() - 2);
    }
    Group g =
        categories
            .computeIfAbsent(category, c -> new LinkedHashMap<>())
            .computeIfAbsent(path, k -> new Group(k, new ArrayList<>(), false));
    g.rules().add(toRule(rule));
  }

  private void add(String category, String key, JsonNode value) {
    List<Rule> rules = new ArrayList<>();
    boolean or = "OR".equalsIgnoreCase(value.path("combine").asText("AND"));
    if (value.has("matchers")) {
      for (JsonNode m : value.get("matchers")) {
        rules.add(toRule(m));
      }
    } else {
      rules.add(toRule(value));
    }
    categories
        .computeIfAbsent(category, c -> new LinkedHashMap<>())
        .put(key, new Group(key, rules, or));
  }

  private static Rule toRule(JsonNode m) {
    String match = m.path("match").asText("");
    if (match.isEmpty()) {
      if (m.has("regex")) {
        match = "regex";
      } else if (m.has("min") || m.has("max")) {
        match = "type";
      } else {
        match = "equality";
      }
    }
    return new Rule(match, m);
  }

  public boolean isEmpty(String category) {
    Map<String, Group> c = categories.get(category);
    return c == null || c.isEmpty();
  }

  /** The group for a name-keyed category (header, query), names compared case-insensitively. */
  public Group forName(String category, String name) {
    Map<String, Group> c = categories.get(category);
    if (c == null) {
      return null;
    }
    Group exact = c.get(name);
    if (exact != null) {
      return exact;
    }
    for (Group g : c.values()) {
      if (g.key().equalsIgnoreCase(name)) {
        return g;
      }
    }
    return null;
  }

  /** The single group of a key-less category ({@code path}) or null. */
  public Group only(String category) {
    Map<String, Group> c = categories.get(category);
    return c == null || c.isEmpty() ? null : c.values().iterator().next();
  }

  /**
   * The best group for a concrete body path (elements: field names as strings, indexes as
   * integers), or null when no rule path reaches it.
   */
  public Group select(String category, List<Object> path) {
    Map<String, Group> c = categories.get(category);
    if (c == null) {
      return null;
    }
    Group best = null;
    long bestWeight = 0;
    for (Group g : c.values()) {
      long w = weight(parse(g.key()), path);
      if (w > bestWeight || (w == bestWeight && w > 0 && g.key().length() > best.key().length())) {
        best = g;
        bestWeight = w;
      }
    }
    return best;
  }

  /** Only a group whose path has exactly the concrete path's length (no inheritance). */
  public Group selectExact(String category, List<Object> path) {
    Map<String, Group> c = categories.get(category);
    if (c == null) {
      return null;
    }
    Group best = null;
    long bestWeight = 0;
    for (Group g : c.values()) {
      List<Object> tokens = parse(g.key());
      if (tokens.size() - 1 != path.size()) {
        continue;
      }
      long w = weight(tokens, path);
      if (w > bestWeight) {
        best = g;
        bestWeight = w;
      }
    }
    return best;
  }

  /** Whether any rule path is exactly {@code path + *} or {@code path + [*]}. */
  public boolean wildcardBelow(String category, List<Object> path) {
    Map<String, Group> c = categories.get(category);
    if (c == null) {
      return false;
    }
    for (Group g : c.values()) {
      List<Object> tokens = parse(g.key());
      if (tokens.size() - 1 == path.size() + 1
          && "*".equals(tokens.get(tokens.size() - 1))
          && weight(tokens.subList(0, tokens.size() - 1), path) > 0) {
        return true;
      }
    }
    return false;
  }

  public List<Group> groups(String category) {
    Map<String, Group> c = categories.get(category);
    return c == null ? List.of() : List.copyOf(c.values());
  }

  static long weight(List<Object> rule, List<Object> path) {
    if (rule.isEmpty() || !"$".equals(rule.get(0)) || rule.size() - 1 > path.size()) {
      return 0;
    }
    long w = 2;
    for (int i = 1; i < rule.size(); i++) {
      Object t = rule.get(i);
      Object p = path.get(i - 1);
      if ("*".equals(t)) {
        w *= 1;
      } else if (t instanceof Integer && t.equals(p)) {
        w *= 2;
      } else if (t instanceof String s && p instanceof String ps && s.equals(ps)) {
        w *= 2;
      } else {
        return 0;
      }
    }
    return w;
  }

  private static final Map<String, List<Object>> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Parses {@code $.a.b[0]['c d'][*].*} into {@code [$, a, b, 0, c d, *, *]}. */
  public static List<Object> parse(String expr) {
    return PARSED.computeIfAbsent(expr, RuleSet::doParse);
  }

  private static List<Object> doParse(String expr) {
    List<Object> out = new ArrayList<>();
    String s = expr.trim();
    int i = 0;
    if (s.startsWith("$")) {
      out.add("$");
      i = 1;
    } else {
      out.add("$");
    }
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') {
          j++;
        }
        out.add(s.substring(i + 1, j));
        i = j;
      } else if (c == '[') {
        int close = s.indexOf(']', i);
        if (close < 0) {
          out.add(s.substring(i + 1));
          break;
        }
        String inner = s.substring(i + 1, close).trim();
        if ((inner.startsWith("'") && inner.endsWith("'") && inner.length() >= 2)
            || (inner.startsWith("\"") && inner.endsWith("\"") && inner.length() >= 2)) {
          // a quoted name may itself contain ']'
          char q = inner.charAt(0);
          int end = s.indexOf(q, i + 2);
          while (end > 0 && end + 1 < s.length() && s.charAt(end + 1) != ']') {
            end = s.indexOf(q, end + 1);
          }
          if (end > 0) {
            out.add(s.substring(i + 2, end));
            i = end + 2;
            continue;
          }
          out.add(inner.substring(1, inner.length() - 1));
        } else if (inner.equals("*")) {
          out.add("*");
        } else {
          try {
            out.add(Integer.parseInt(inner));
          } catch (NumberFormatException e) {
            out.add(inner);
          }
        }
        i = close + 1;
      } else {
        int j = i;
        while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return List.copyOf(out);
  }

  /** Renders a concrete path as a rule-style path: {@code $.items[0].id}. */
  public static String render(List<Object> path) {
    StringBuilder b = new StringBuilder("$");
    for (Object p : path) {
      if (p instanceof Integer i) {
        b.append('[').append(i).append(']');
      } else {
        b.append('.').append(p);
      }
    }
    return b.toString();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
