package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.generators.Category;
import au.com.dius.pact.core.model.generators.Generator;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider-state placeholders of a request ({@code "path": "/pacticipants/Foo"} with a {@code
 * ProviderState} generator {@code "/pacticipants/${pacticipant_name}"}): the consumer recorded an
 * example value, the provider fills in a real one, so a stub must accept any. Each placeholder
 * becomes a wildcard in a regular expression that Pact's own matching applies (a path, query or
 * header rule; a type rule for a body value), and reads the value back from a request that matched,
 * so the response's own placeholders can be filled with it.
 */
public final class StatePlaceholders {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

  /** One expression: where it applies, its pattern, and the names of its groups in order. */
  private record Slot(Category category, String key, Pattern pattern, List<String> names) {}

  private final List<Slot> slots;

  private StatePlaceholders(List<Slot> slots) {
    this.slots = List.copyOf(slots);
  }

  static StatePlaceholders none() {
    return new StatePlaceholders(List.of());
  }

  /**
   * The request to match with: a copy of {@code request} whose placeholder-bearing parts are
   * matched by regular expression (or by type, in a body) instead of by their example value.
   * Existing rules for a part are kept: a {@code path} rule of the pact wins.
   */
  static Prepared prepare(IRequest request) {
    IRequest copy = request.copy();
    List<Slot> slots = new ArrayList<>();
    Map<Category, Map<String, Generator>> categories = copy.getGenerators().getCategories();
    for (Map.Entry<Category, Map<String, Generator>> c : categories.entrySet()) {
      for (Map.Entry<String, Generator> g : c.getValue().entrySet()) {
        if (!(g.getValue() instanceof ProviderStateGenerator state)) {
          continue;
        }
        Category category = c.getKey();
        String key = g.getKey();
        List<String> names = new ArrayList<>();
        Pattern pattern = pattern(state.getExpression(), category == Category.PATH, names);
        slots.add(new Slot(category, key, pattern, names));
        loosen(copy, category, key, pattern);
      }
    }
    return new Prepared(copy, new StatePlaceholders(slots));
  }

  /** The request to match with and how to read its placeholders back. */
  record Prepared(IRequest request, StatePlaceholders placeholders) {}

  private static void loosen(IRequest copy, Category category, String key, Pattern pattern) {
    String name =
        switch (category) {
          case PATH -> "path";
          case QUERY -> "query";
          case HEADER -> "header";
          case BODY -> "body";
          default -> null;
        };
    if (name == null) {
      return;
    }
    MatchingRuleCategory rules = copy.getMatchingRules().addCategory(name);
    boolean keyless = category == Category.PATH;
    String ruleKey = keyless ? "" : key;
    if (rules.getMatchingRules().containsKey(ruleKey)) {
      return;
    }
    if (category == Category.BODY) {
      rules.addRule(ruleKey, TypeMatcher.INSTANCE);
    } else if (keyless) {
      rules.addRule(new RegexMatcher(pattern.pattern()));
    } else {
      rules.addRule(ruleKey, new RegexMatcher(pattern.pattern()));
    }
  }

  /**
   * A regular expression matching what the expression may expand to: its literal text as is, each
   * {@code ${name}} as a lazy wildcard (one path segment at most, in a path).
   */
  static Pattern pattern(String expression, boolean inPath, List<String> names) {
    StringBuilder regex = new StringBuilder();
    Matcher m = EXPRESSION.matcher(expression);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        regex.append(Pattern.quote(expression.substring(last, m.start())));
      }
      regex.append(inPath ? "([^/]+?)" : "(.+?)");
      names.add(m.group(1).trim());
      last = m.end();
    }
    if (last < expression.length()) {
      regex.append(Pattern.quote(expression.substring(last)));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /**
   * The placeholders' values in a request that matched: {@code pacticipant_name -> Bar} for the
   * path {@code /pacticipants/Bar}. Body placeholders are not read back.
   */
  Map<String, String> valuesIn(String path, Map<String, List<String>> query, HeaderLookup headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Slot s : slots) {
      String actual =
          switch (s.category()) {
            case PATH -> path;
            case QUERY -> first(query.get(s.key()));
            case HEADER -> headers.first(s.key());
            default -> null;
          };
      if (actual == null) {
        continue;
      }
      Matcher m = s.pattern().matcher(actual);
      if (m.matches()) {
        for (int i = 0; i < s.names().size(); i++) {
          out.put(s.names().get(i), m.group(i + 1));
        }
      }
    }
    return out;
  }

  /** Whether the request had no placeholder. */
  boolean isEmpty() {
    return slots.isEmpty();
  }

  /** A request's headers by name, case-insensitively. */
  interface HeaderLookup {
    String first(String name);
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
