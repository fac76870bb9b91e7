package dev.interlock.diff;

import dev.interlock.diff.internal.Rules;
import dev.interlock.diff.internal.SchemaRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule of the diff engine with its stable id, level and a one-line description, in the order
 * the README prints them. Schema rules exist once per place a schema can appear: request body
 * ({@code openapi.request.body.*}), request parameter ({@code openapi.request.parameter.*}),
 * response body ({@code openapi.response.*}), response header ({@code openapi.response.header.*}),
 * message payload and headers ({@code asyncapi.payload.*}, {@code asyncapi.headers.*}); the same
 * change has a different level on a request (the API reads it) than on a response (the client reads
 * it).
 */
public final class RuleCatalog {

  private static final Map<String, Rule> RULES;

  static {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Rule r : Rules.structural()) {
      rules.put(r.id(), r);
    }
    for (Rules.SchemaPrefix prefix : Rules.schemaPrefixes()) {
      for (SchemaRule s : SchemaRule.values()) {
        String id = prefix.prefix() + s.suffix();
        rules.put(
            id, new Rule(id, s.level(prefix.direction()), prefix.where() + ": " + s.description()));
      }
    }
    RULES = Collections.unmodifiableMap(rules);
  }

  private RuleCatalog() {}

  public static List<Rule> all() {
    return new ArrayList<>(RULES.values());
  }

  public static Optional<Rule> find(String id) {
    return Optional.ofNullable(RULES.get(id));
  }

  public static List<Rule> breaking() {
    return RULES.values().stream().filter(r -> r.level() == Change.Level.BREAKING).toList();
  }

  /** One line per rule: {@code id level description}, aligned, for the README. */
  public static String table() {
    int width = RULES.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (Rule r : RULES.values()) {
      out.append(
          String.format(
              "%-" + width + "s  %-20s  %s%n", r.id(), r.level().label(), r.description()));
    }
    return out.toString();
  }
}
