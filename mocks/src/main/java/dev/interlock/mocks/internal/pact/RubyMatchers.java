package dev.interlock.mocks.internal.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Old Ruby-style matchers, as pact-mock_service 1.x/2.x wrote them into pacts: {@code
 * {"json_class": "Pact::SomethingLike", "contents": ...}}, {@code Pact::Term} (a regex and the
 * value it generates) and {@code Pact::ArrayLike}. Pact JVM's reader keeps them as literal objects
 * (the request would then have to carry {@code json_class} itself); this turns each into its
 * example value plus the matching rule it stands for ({@code type}, {@code regex}, {@code min}), in
 * the rule format of the pact's own specification version, before Pact JVM reads the pact.
 */
final class RubyMatchers {

  private static final String JSON_CLASS = "json_class";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RubyMatchers() {}

  /** Whether the pact text holds Ruby-style matchers at all (cheap check before parsing). */
  static boolean present(String pactText) {
    return pactText.contains("\"" + JSON_CLASS + "\"");
  }

  /** The pact with every Ruby-style matcher of its interactions converted; otherwise unchanged. */
  static ObjectNode convert(ObjectNode pact) {
    boolean v3 = specVersion(pact) >= 3;
    for (JsonNode interaction : pact.path("interactions")) {
      for (String part : new String[] {"request", "response"}) {
        if (interaction.get(part) instanceof ObjectNode p) {
          convertPart(p, v3);
        }
      }
    }
    return pact;
  }

  private static void convertPart(ObjectNode part, boolean v3) {
    Map<String, Map<String, ObjectNode>> rules = new LinkedHashMap<>();
    if (part.has("path")) {
      JsonNode path = part.get("path");
      JsonNode plain = walk(path, v3 ? "" : "$.path", rules, "path", v3);
      part.set("path", plain);
    }
    if (part.get("headers") instanceof ObjectNode headers) {
      for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        String key = v3 ? h.getKey() : "$.headers." + h.getKey();
        h.setValue(walk(h.getValue(), key, rules, "header", v3));
      }
    }
    if (part.get("query") instanceof ObjectNode query) {
      for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> q = it.next();
        String key = v3 ? q.getKey() : "$.query." + q.getKey();
        q.setValue(walk(q.getValue(), key, rules, "query", v3));
      }
    } else if (part.has("query")) {
      part.set("query", walk(part.get("query"), v3 ? "" : "$.query", rules, "query", v3));
    }
    if (part.has("body")) {
      part.set("body", walk(part.get("body"), v3 ? "$" : "$.body", rules, "body", v3));
    }
    if (rules.isEmpty()) {
      return;
    }
    ObjectNode out =
        part.get("matchingRules") instanceof ObjectNode existing
            ? existing
            : part.putObject("matchingRules");
    rules.forEach(
        (category, byPath) ->
            byPath.forEach(
                (path, rule) -> {
                  if (v3 && category.equals("path")) {
                    ObjectNode group = out.putObject("path");
                    group.putArray("matchers").add(rule);
                    group.put("combine", "AND");
                  } else if (v3) {
                    ObjectNode cat =
                        out.get(category) instanceof ObjectNode c ? c : out.putObject(category);
                    ObjectNode group = cat.putObject(path);
                    group.putArray("matchers").add(rule);
                    group.put("combine", "AND");
                  } else {
                    out.set(path, rule);
                  }
                }));
  }

  /** The value with its matchers replaced by examples; their rules collected under {@code at}. */
  private static JsonNode walk(
      JsonNode value,
      String at,
      Map<String, Map<String, ObjectNode>> rules,
      String category,
      boolean v3) {
    if (value instanceof ObjectNode o && o.has(JSON_CLASS)) {
      String type = o.get(JSON_CLASS).asText();
      switch (type) {
        case "Pact::SomethingLike" -> {
          rule(rules, category, at).put("match", "type");
          return walkChildrenOnly(o.path("contents"), at, rules, category, v3);
        }
        case "Pact::Term" -> {
          ObjectNode r = rule(rules, category, at);
          r.put("match", "regex");
          // Ruby searches (=~), Pact JVM matches the whole value: keep Ruby's meaning
          r.put("regex", "(?s).*(?:" + o.path("data").path("matcher").path("s").asText() + ").*");
          return o.path("data").path("generate").deepCopy();
        }
        case "Pact::ArrayLike" -> {
          ObjectNode r = rule(rules, category, at);
          r.put("match", "type");
          r.put("min", Math.max(1, o.path("min").asInt(1)));
          ArrayNode example = JsonNodeFactory.instance.arrayNode();
          int n = Math.max(1, o.path("min").asInt(1));
          for (int i = 0; i < n; i++) {
            example.add(walk(o.path("contents"), at + "[*]", rules, category, v3));
          }
          return example;
        }
        default -> {
          return value;
        }
      }
    }
    return walkChildrenOnly(value, at, rules, category, v3);
  }

  private static JsonNode walkChildrenOnly(
      JsonNode value,
      String at,
      Map<String, Map<String, ObjectNode>> rules,
      String category,
      boolean v3) {
    if (value instanceof ObjectNode o && !o.has(JSON_CLASS)) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      o.fields()
          .forEachRemaining(
              f ->
                  copy.set(
                      f.getKey(), walk(f.getValue(), child(at, f.getKey()), rules, category, v3)));
      return copy;
    }
    if (value instanceof ArrayNode a) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < a.size(); i++) {
        copy.add(walk(a.get(i), at + "[" + i + "]", rules, category, v3));
      }
      return copy;
    }
    if (value instanceof ObjectNode) {
      return walk(value, at, rules, category, v3);
    }
    return value.deepCopy();
  }

  private static ObjectNode rule(
      Map<String, Map<String, ObjectNode>> rules, String category, String at) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    rules.computeIfAbsent(category, k -> new LinkedHashMap<>()).put(at, r);
    return r;
  }

  private static String child(String at, String key) {
    return IDENTIFIER.matcher(key).matches() ? at + "." + key : at + "['" + key + "']";
  }

  private static int specVersion(ObjectNode pact) {
    JsonNode meta = pact.path("metadata");
    String v =
        meta.path("pactSpecification")
            .path("version")
            .asText(meta.path("pact-specification").path("version").asText("2"));
    try {
      return Integer.parseInt(v.split("\\.")[0]);
    } catch (NumberFormatException e) {
      return 2;
    }
  }
}
