package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a schema is, for synthesizing and coercing values: its type (inferred from its keywords when
 * it declares none) and its {@code allOf} parts merged into one schema.
 */
final class SchemaShapes {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SpecTree tree;

  SchemaShapes(SpecTree tree) {
    this.tree = tree;
  }

  /** The first type of a schema other than "null", inferred from keywords when absent. */
  static String type(JsonNode schema) {
    JsonNode t = schema.get("type");
    if (t != null && t.isTextual()) {
      return t.asText();
    }
    if (t != null && t.isArray()) {
      for (JsonNode each : t) {
        if (!"null".equals(each.asText())) {
          return each.asText();
        }
      }
      return "null";
    }
    if (schema.has("properties") || schema.has("additionalProperties") || schema.has("required")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    if (schema.has("pattern") || schema.has("format") || schema.has("minLength")) {
      return "string";
    }
    if (schema.has("minimum") || schema.has("maximum")) {
      return "number";
    }
    return null;
  }

  JsonNode mergeAllOf(JsonNode schema) {
    List<JsonNode> parts = new ArrayList<>();
    ObjectNode self = schema.deepCopy();
    self.remove("allOf");
    parts.add(self);
    schema.get("allOf").forEach(parts::add);
    return mergeAll(parts);
  }

  /**
   * Merges schemas for generation: properties and required are unions, other keywords first wins.
   */
  JsonNode mergeAll(List<JsonNode> parts) {
    ObjectNode merged = NODES.objectNode();
    ObjectNode properties = NODES.objectNode();
    Set<String> required = new LinkedHashSet<>();
    Map<String, JsonNode> rest = new LinkedHashMap<>();
    List<JsonNode> queue = new ArrayList<>();
    for (JsonNode p : parts) {
      queue.add(p);
    }
    for (int i = 0; i < queue.size() && i < 256; i++) {
      JsonNode part = tree.deref(queue.get(i));
      if (!part.isObject()) {
        continue;
      }
      if (part.has("allOf")) {
        part.get("allOf").forEach(queue::add);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        switch (f.getKey()) {
          case "properties" ->
              f.getValue()
                  .fields()
                  .forEachRemaining(
                      pf -> {
                        if (!properties.has(pf.getKey())) {
                          properties.set(pf.getKey(), pf.getValue());
                        }
                      });
          case "required" -> f.getValue().forEach(r -> required.add(r.asText()));
          case "allOf", "$ref" -> {}
          default -> rest.putIfAbsent(f.getKey(), f.getValue());
        }
      }
    }
    rest.forEach(merged::set);
    if (properties.size() > 0) {
      merged.set("properties", properties);
      if (!merged.has("type")) {
        merged.put("type", "object");
      }
    }
    if (!required.isEmpty()) {
      ArrayNode r = merged.putArray("required");
      required.forEach(r::add);
    }
    return merged;
  }
}
