package dev.interlock.compat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interlock.compat.internal.RuleSet.Group;
import dev.interlock.compat.internal.RuleSet.Rule;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one payload of a pact (request body, response body, message contents) against a schema of
 * the contract, honouring the pact's matching rules: value-specific schema keywords do not fail a
 * value a {@code type} matcher covers, matchers that contradict the schema are findings of their
 * own, and on the receiving side (responses, messages) {@code required} is relaxed and fields the
 * schema never declares are reported as unknown.
 */
public final class BodyCheck {

  /** What kind of problem a finding is; the caller turns it into a mismatch code. */
  public enum Kind {
    INVALID,
    UNKNOWN_FIELD,
    MATCHER
  }

  /** One problem in a payload. */
  public record Finding(
      Kind kind,
      List<Object> path,
      JsonPointer instancePointer,
      JsonPointer schemaPointer,
      String message,
      String expected,
      String actual) {}

  /** Value-specific keywords a {@code type} matcher makes irrelevant. */
  private static final Set<String> VALUE_KEYWORDS =
      Set.of(
          "enum",
          "const",
          "pattern",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "multipleOf");

  private static final Map<String, List<String>> FORMAT_SAMPLES =
      Map.of(
          "date-time",
          List.of("2024-01-31T12:34:56Z", "2024-01-31T12:34:56.789Z", "2024-01-31T12:34:56+01:00"),
          "date",
          List.of("2024-01-31"),
          "uuid",
          List.of("3f1c9a2e-7b4d-4e8a-9c21-5d6e7f8a9b0c"),
          "email",
          List.of("someone@example.com"),
          "uri",
          List.of("https://example.com/a"),
          "time",
          List.of("12:34:56", "12:34:56Z"));

  private static final java.util.regex.Pattern PROPERTY =
      java.util.regex.Pattern.compile("property '([^']+)'");

  private final SchemaNav nav;
  private final JsonSchemaValidator strict;
  private final JsonSchemaValidator relaxed;

  public BodyCheck(SourceDocument document, SchemaDialect dialect) {
    this.nav = new SchemaNav(document);
    this.strict = JsonSchemaValidator.forDocument(transform(document, false), dialect);
    this.relaxed = JsonSchemaValidator.forDocument(transform(document, true), dialect);
  }

  public SchemaNav nav() {
    return nav;
  }

  /** Validates a single value (a parameter, a header) strictly. */
  public List<SchemaViolation> validateValue(JsonPointer schema, JsonNode value) {
    return strict.validate(schema, value);
  }

  /**
   * Checks a payload.
   *
   * @param receiving true for responses and messages (the consumer reads them), false for requests
   */
  public List<Finding> check(
      JsonPointer schema, JsonNode instance, RuleSet rules, boolean receiving) {
    List<Finding> out = new ArrayList<>();
    List<SchemaViolation> violations = (receiving ? relaxed : strict).validate(schema, instance);
    for (SchemaViolation v : violations) {
      String keyword = v.keyword() == null ? "" : v.keyword();
      if (receiving
          && (keyword.equals("required")
              || keyword.equals("additionalProperties")
              || keyword.equals("unevaluatedProperties")
              || keyword.equals("dependentRequired"))) {
        continue;
      }
      List<Object> path = path(instance, v.instancePointer());
      JsonPointer instancePointer = v.instancePointer();
      java.util.regex.Matcher named = PROPERTY.matcher(v.message());
      if ((keyword.equals("additionalProperties") || keyword.equals("unevaluatedProperties"))
          && named.find()) {
        path = with(path, named.group(1));
        instancePointer = instancePointer.append(named.group(1));
      }
      Group g = rules.select("body", path);
      if (g != null && coversValue(g, keyword)) {
        continue;
      }
      List<JsonPointer> views = nav.at(schema, instance, path);
      JsonPointer at = views.isEmpty() ? nav.document().deref(schema) : nav.where(views, keyword);
      JsonNode actual = instance.at(instancePointer.value());
      out.add(
          new Finding(
              Kind.INVALID,
              path,
              instancePointer,
              at,
              v.message(),
              expectation(at, keyword),
              ValueMatchers.describe(actual)));
    }
    if (receiving) {
      unknownFields(nav.views(schema, instance), instance, new ArrayList<>(), out, 0);
    }
    matchers(schema, instance, rules, receiving, out);
    return out;
  }

  private static boolean coversValue(Group g, String keyword) {
    for (Rule r : g.rules()) {
      switch (r.match()) {
        case "type", "min", "max", "minType", "maxType" -> {
          if (VALUE_KEYWORDS.contains(keyword)
              || keyword.equals("minItems")
              || keyword.equals("maxItems")) {
            return true;
          }
        }
        case "integer", "decimal", "number", "date", "time", "timestamp", "datetime", "include" -> {
          if (keyword.equals("enum") || keyword.equals("const")) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }

  private String expectation(JsonPointer at, String keyword) {
    JsonNode n = nav.document().at(at);
    JsonNode k = n.get(keyword);
    if (k != null && !k.isContainerNode()) {
      return keyword + ": " + k.asText();
    }
    if (k != null) {
      return keyword + ": " + ValueMatchers.describe(k);
    }
    return n.has("type") ? "type: " + n.get("type") : null;
  }

  private void unknownFields(
      List<JsonPointer> views, JsonNode instance, List<Object> path, List<Finding> out, int depth) {
    if (depth > 64 || views.isEmpty() || instance == null) {
      return;
    }
    if (instance.isObject()) {
      SchemaNav.Declared d = nav.declared(views);
      boolean describesObject = !d.properties().isEmpty() || !d.patterns().isEmpty() || d.closed();
      for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<Object> childPath = with(path, e.getKey());
        if (describesObject && !d.declares(e.getKey()) && !d.openMap()) {
          out.add(
              new Finding(
                  Kind.UNKNOWN_FIELD,
                  childPath,
                  pointer(childPath),
                  d.at(),
                  "the contract does not declare '"
                      + e.getKey()
                      + "'"
                      + (d.closed() ? " (additionalProperties: false)" : "")
                      + ": the provider never promised it",
                  "one of " + abbreviate(d.properties()),
                  "'" + e.getKey() + "': " + ValueMatchers.describe(e.getValue())));
          continue;
        }
        unknownFields(
            nav.child(views, e.getKey(), e.getValue()), e.getValue(), childPath, out, depth + 1);
      }
    } else if (instance.isArray()) {
      for (int i = 0; i < instance.size(); i++) {
        unknownFields(
            nav.child(views, i, instance.get(i)), instance.get(i), with(path, i), out, depth + 1);
      }
    }
  }

  private static String abbreviate(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    if (list.size() > 12) {
      return list.subList(0, 12) + " and " + (list.size() - 12) + " more";
    }
    return list.toString();
  }

  private void matchers(
      JsonPointer schema, JsonNode instance, RuleSet rules, boolean receiving, List<Finding> out) {
    for (Group g : rules.groups("body")) {
      for (List<Object> path : expand(instance, RuleSet.parse(g.key()))) {
        JsonNode value = at(instance, path);
        // the example must satisfy its own rule (the consumer's Pact test would fail otherwise)
        for (Rule r : g.rules()) {
          String self = ValueMatchers.check(r, value, value);
          if (self != null
              && r.match().equals("regex")
              && value != null
              && value.isValueNode()
              && ValueMatchers.regexAccepts(r.text("regex"), value.asText())) {
            self = null;
          }
          if (self != null) {
            out.add(
                new Finding(
                    Kind.MATCHER,
                    path,
                    pointer(path),
                    nav.document().deref(schema),
                    "the pact's example does not satisfy its own matching rule: " + self,
                    r.match(),
                    ValueMatchers.describe(value)));
          }
        }
        List<JsonPointer> views = nav.at(schema, instance, path);
        if (views.isEmpty()) {
          continue;
        }
        for (Rule r : g.rules()) {
          String problem = contradiction(r, value, views, receiving);
          if (problem != null) {
            out.add(
                new Finding(
                    Kind.MATCHER,
                    path,
                    pointer(path),
                    views.get(0),
                    problem,
                    describeSchema(views),
                    r.match()
                        + (r.text("regex") != null ? " /" + r.text("regex") + "/" : "")
                        + (r.integer("min") != null ? " min " + r.integer("min") : "")
                        + (r.integer("max") != null ? " max " + r.integer("max") : "")
                        + (r.text("format") != null ? " format '" + r.text("format") + "'" : "")));
          }
        }
      }
    }
  }

  private String describeSchema(List<JsonPointer> views) {
    StringBuilder b = new StringBuilder();
    Set<String> types = nav.types(views);
    if (!types.isEmpty()) {
      b.append("type ").append(String.join("|", types));
    }
    for (String k : List.of("format", "pattern", "enum", "minItems", "maxItems")) {
      JsonNode v = nav.keyword(views, k);
      if (v != null) {
        b.append(b.length() == 0 ? "" : ", ")
            .append(k)
            .append(' ')
            .append(v.isTextual() ? v.asText() : v.toString());
      }
    }
    return b.length() == 0 ? "any value" : b.toString();
  }

  /** Why a matcher contradicts the schema at its path, or null when it does not. */
  private String contradiction(Rule r, JsonNode value, List<JsonPointer> views, boolean receiving) {
    Set<String> types = nav.types(views);
    JsonNode format = nav.keyword(views, "format");
    JsonNode enumValues = nav.keyword(views, "enum");
    switch (r.match()) {
      case "type", "min", "max", "minType", "maxType" -> {
        if (value != null && value.isArray()) {
          Integer min = r.integer("min");
          Integer max = r.integer("max");
          JsonNode minItems = nav.keyword(views, "minItems");
          JsonNode maxItems = nav.keyword(views, "maxItems");
          if (min != null && maxItems != null && min > maxItems.asInt()) {
            return "the pact asks for at least "
                + min
                + " element(s); the contract allows at most "
                + maxItems.asInt();
          }
          if (max != null && minItems != null && max < minItems.asInt()) {
            return "the pact allows at most "
                + max
                + " element(s); the contract requires at least "
                + minItems.asInt();
          }
        }
        return null;
      }
      case "regex" -> {
        String regex = r.text("regex");
        if (regex == null || ValueMatchers.pattern(regex) == null) {
          return regex == null ? null : "the pact's regex /" + regex + "/ does not compile";
        }
        if (enumValues != null && enumValues.isArray() && !enumValues.isEmpty()) {
          List<String> unmatched = new ArrayList<>();
          boolean any = false;
          for (JsonNode e : enumValues) {
            if (e.isNull()) {
              continue;
            }
            if (ValueMatchers.regexAccepts(regex, e.asText())) {
              any = true;
            } else {
              unmatched.add(e.asText());
            }
          }
          if (!any) {
            return "the pact's regex /"
                + regex
                + "/ matches none of the contract's values "
                + enumValues;
          }
        }
        if (format != null && FORMAT_SAMPLES.containsKey(format.asText())) {
          boolean any = false;
          for (String sample : FORMAT_SAMPLES.get(format.asText())) {
            any |= ValueMatchers.regexAccepts(regex, sample);
          }
          boolean exampleOk =
              value != null
                  && value.isValueNode()
                  && ValueMatchers.regexAccepts(regex, value.asText());
          if (!any && !exampleOk) {
            return "the pact's regex /"
                + regex
                + "/ rejects every "
                + format.asText()
                + " value the contract promises";
          }
        }
        if (!types.isEmpty() && !types.contains("string") && value != null && value.isTextual()) {
          return "the pact expects a string matching /" + regex + "/; the contract says " + types;
        }
        return null;
      }
      case "integer" -> {
        if (!types.isEmpty() && !types.contains("integer") && !types.contains("number")) {
          return "the pact expects an integer; the contract says " + types;
        }
        return null;
      }
      case "decimal" -> {
        if (!types.isEmpty() && !types.contains("number")) {
          return "the pact expects a decimal number; the contract says " + types;
        }
        return null;
      }
      case "number" -> {
        if (!types.isEmpty()
            && !types.contains("number")
            && !(receiving && types.contains("integer"))) {
          return "the pact expects a number; the contract says " + types;
        }
        return null;
      }
      case "boolean" -> {
        return !types.isEmpty() && !types.contains("boolean")
            ? "the pact expects a boolean; the contract says " + types
            : null;
      }
      case "null" -> {
        return !types.isEmpty() && !types.contains("null")
            ? "the pact expects null; the contract does not allow null here (" + types + ")"
            : null;
      }
      case "date", "time", "timestamp", "datetime" -> {
        if (!types.isEmpty() && !types.contains("string")) {
          return "the pact expects a " + r.match() + " string; the contract says " + types;
        }
        String f = format == null ? null : format.asText();
        boolean wantsDate = r.match().equals("date");
        boolean wantsTime = r.match().equals("time");
        if ("date".equals(f) && !wantsDate) {
          return "the pact expects a " + r.match() + "; the contract's format is date";
        }
        if ("date-time".equals(f) && (wantsDate || wantsTime)) {
          return "the pact expects a " + r.match() + "; the contract's format is date-time";
        }
        return null;
      }
      case "include" -> {
        String v = r.text("value");
        if (v != null && enumValues != null && enumValues.isArray()) {
          for (JsonNode e : enumValues) {
            if (e.asText().contains(v)) {
              return null;
            }
          }
          return "the pact expects a value including '"
              + v
              + "'; none of the contract's values "
              + enumValues
              + " does";
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** Concrete paths in the instance that a rule path (with wildcards) reaches. */
  static List<List<Object>> expand(JsonNode instance, List<Object> rule) {
    List<List<Object>> out = new ArrayList<>();
    expand(instance, rule, 1, new ArrayList<>(), out);
    return out;
  }

  private static void expand(
      JsonNode node, List<Object> rule, int i, List<Object> path, List<List<Object>> out) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (i == rule.size()) {
      out.add(List.copyOf(path));
      return;
    }
    Object t = rule.get(i);
    if ("*".equals(t)) {
      if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          expand(node.get(k), rule, i + 1, with(path, k), out);
        }
      } else if (node.isObject()) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          expand(node.get(f), rule, i + 1, with(path, f), out);
        }
      }
    } else if (t instanceof Integer k) {
      if (node.isArray()) {
        expand(node.get(k), rule, i + 1, with(path, k), out);
      }
    } else if (node.isObject()) {
      expand(node.get(String.valueOf(t)), rule, i + 1, with(path, t), out);
    }
  }

  static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object t : path) {
      if (n == null) {
        return null;
      }
      n = t instanceof Integer i ? n.get(i) : n.get(String.valueOf(t));
    }
    return n;
  }

  /** Converts an instance pointer into path tokens (indexes where the instance has arrays). */
  public static List<Object> path(JsonNode instance, JsonPointer pointer) {
    List<Object> out = new ArrayList<>();
    JsonNode n = instance;
    for (String t : pointer.tokens()) {
      if (n != null && n.isArray()) {
        try {
          int i = Integer.parseInt(t);
          out.add(i);
          n = n.get(i);
          continue;
        } catch (NumberFormatException e) {
          // fall through
        }
      }
      out.add(t);
      n = n == null ? null : n.get(t);
    }
    return out;
  }

  public static JsonPointer pointer(List<Object> path) {
    JsonPointer p = JsonPointer.ROOT;
    for (Object t : path) {
      p = t instanceof Integer i ? p.append(i) : p.append(String.valueOf(t));
    }
    return p;
  }

  private static List<Object> with(List<Object> path, Object token) {
    List<Object> p = new ArrayList<>(path.size() + 1);
    p.addAll(path);
    p.add(token);
    return p;
  }

  /**
   * A copy of the document for validation: a discriminator's {@code oneOf} becomes {@code anyOf}
   * (the provider dispatches on the discriminator, so overlapping branches are fine), and for the
   * receiving side {@code required} is dropped and every {@code oneOf} becomes {@code anyOf}.
   */
  private static SourceDocument transform(SourceDocument doc, boolean relaxed) {
    JsonNode copy = doc.root().deepCopy();
    Deque<JsonNode> stack = new ArrayDeque<>();
    stack.push(copy);
    while (!stack.isEmpty()) {
      JsonNode node = stack.pop();
      if (node instanceof ObjectNode o) {
        if (relaxed && o.get("required") instanceof ArrayNode req && allText(req)) {
          o.remove("required");
        }
        if (o.get("oneOf") instanceof ArrayNode branches && (relaxed || o.has("discriminator"))) {
          o.remove("oneOf");
          if (o.has("anyOf")) {
            ArrayNode all =
                o.get("allOf") instanceof ArrayNode existing ? existing : o.putArray("allOf");
            all.addObject().set("anyOf", branches);
          } else {
            o.set("anyOf", branches);
          }
        }
        o.elements().forEachRemaining(stack::push);
      } else if (node instanceof ArrayNode a) {
        a.forEach(stack::push);
      }
    }
    return new SourceDocument(doc.file(), doc.format(), copy, doc.positions());
  }

  private static boolean allText(ArrayNode a) {
    for (JsonNode n : a) {
      if (!n.isTextual()) {
        return false;
      }
    }
    return true;
  }

  static TextNode text(String s) {
    return TextNode.valueOf(s);
  }
}
