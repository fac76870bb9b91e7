package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Gives the values of a decoded form (text leaves, objects for bracketed keys, arrays for repeated
 * keys) the types their schema declares. A form carries only text, so the schema is the only
 * authority: {@code +15558675310} stays a string where the schema says string and becomes a number
 * only where it says number. An object whose keys are all indexes ({@code items[0][price]}) becomes
 * an array where the schema says array. For {@code oneOf}/{@code anyOf} the first member that
 * accepts the value decides. A value no schema accepts is left as it is, for validation to report.
 */
final class SchemaCoercion {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

  /** Guards against schemas that refer to themselves through oneOf/allOf chains. */
  private static final int MAX_DEPTH = 64;

  private final SpecTree tree;

  SchemaCoercion(SpecTree tree) {
    this.tree = tree;
  }

  JsonNode coerce(JsonNode raw, JsonNode schema) {
    return coerce(raw, schema, 0);
  }

  private JsonNode coerce(JsonNode raw, JsonNode schemaNode, int depth) {
    JsonNode schema = flatten(schemaNode);
    if (schema == null || depth > MAX_DEPTH) {
      return raw;
    }
    List<JsonNode> members = members(schema);
    if (!members.isEmpty()) {
      for (JsonNode member : members) {
        if (accepts(raw, member, depth + 1)) {
          return coerce(raw, member, depth + 1);
        }
      }
      return raw;
    }
    if (raw.isTextual()) {
      JsonNode scalar = scalar(raw.asText(), schema, depth);
      return scalar != null ? scalar : raw;
    }
    List<String> types = types(schema);
    if (raw instanceof ObjectNode object) {
      if (types.contains("array") && isIndexed(object)) {
        return coerceArray(indexed(object), schema, depth);
      }
      if (types.isEmpty() || types.contains("object")) {
        ObjectNode out = NODES.objectNode();
        object
            .fields()
            .forEachRemaining(
                f ->
                    out.set(
                        f.getKey(), coerce(f.getValue(), property(schema, f.getKey()), depth + 1)));
        return out;
      }
      return raw;
    }
    if (raw instanceof ArrayNode array && (types.isEmpty() || types.contains("array"))) {
      return coerceArray(array, schema, depth);
    }
    return raw;
  }

  private JsonNode coerceArray(ArrayNode array, JsonNode schema, int depth) {
    ArrayNode out = NODES.arrayNode();
    JsonNode items = schema.get("items");
    for (JsonNode item : array) {
      out.add(items == null ? item : coerce(item, items, depth + 1));
    }
    return out;
  }

  /** The typed value of a text for a schema, or null when the schema does not accept it. */
  private JsonNode scalar(String text, JsonNode schema, int depth) {
    JsonNode enumValues = schema.get("enum");
    if (enumValues != null && enumValues.isArray()) {
      for (JsonNode e : enumValues) {
        if (!e.isContainerNode() && !e.isNull() && e.asText().equals(text)) {
          return e;
        }
      }
      if (!(enumValues.size() > 0 && enumValues.get(0).isNull() && text.isEmpty())) {
        return null;
      }
    }
    JsonNode constant = schema.get("const");
    if (constant != null && !constant.isContainerNode()) {
      return constant.asText().equals(text) ? constant : null;
    }
    List<String> types = types(schema);
    if (types.isEmpty()) {
      return NODES.textNode(text);
    }
    for (String type : types) {
      JsonNode value =
          switch (type) {
            case "string" -> NODES.textNode(text);
            case "integer" -> INTEGER.matcher(text).matches() ? integer(text) : null;
            case "number" -> NUMBER.matcher(text).matches() ? number(text) : null;
            case "boolean" ->
                text.equals("true") || text.equals("false")
                    ? NODES.booleanNode(Boolean.parseBoolean(text))
                    : null;
            case "null" -> text.isEmpty() || text.equals("null") ? NODES.nullNode() : null;
            case "array" -> {
              // one value sent under an array's name is an array of one
              JsonNode items = schema.get("items");
              JsonNode item = NODES.textNode(text);
              if (items != null) {
                item = accepts(item, items, depth + 1) ? coerce(item, items, depth + 1) : null;
              }
              yield item == null ? null : NODES.arrayNode().add(item);
            }
            default -> null;
          };
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Whether a member of oneOf/anyOf takes the value as it was sent. */
  private boolean accepts(JsonNode raw, JsonNode memberNode, int depth) {
    JsonNode member = flatten(memberNode);
    if (member == null || depth > MAX_DEPTH) {
      return member == null;
    }
    List<JsonNode> members = members(member);
    if (!members.isEmpty()) {
      for (JsonNode m : members) {
        if (accepts(raw, m, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    List<String> types = types(member);
    if (raw.isTextual()) {
      return scalar(raw.asText(), member, depth) != null;
    }
    if (raw instanceof ObjectNode object) {
      return types.isEmpty()
          || types.contains("object")
          || types.contains("array") && isIndexed(object);
    }
    if (raw.isArray()) {
      return types.isEmpty() || types.contains("array");
    }
    return true;
  }

  /** The schema of a property: declared, matched by a pattern, or the additional one. */
  private JsonNode property(JsonNode schema, String name) {
    JsonNode declared = schema.path("properties").get(name);
    if (declared != null) {
      return declared;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("patternProperties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      try {
        if (Pattern.compile(p.getKey()).matcher(name).find()) {
          return p.getValue();
        }
      } catch (PatternSyntaxException e) {
        // a pattern Java cannot read says nothing about this name
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    return additional != null && additional.isObject() ? additional : null;
  }

  /** The schema with its {@code $ref} followed and its {@code allOf} parts merged. */
  JsonNode flatten(JsonNode schemaNode) {
    if (schemaNode == null) {
      return null;
    }
    JsonNode schema = tree.deref(schemaNode);
    if (schema == null || !schema.isObject()) {
      return null;
    }
    if (!schema.has("allOf")) {
      return schema;
    }
    ObjectNode merged = schema.deepCopy();
    merged.remove("allOf");
    ObjectNode properties = merged.has("properties") ? (ObjectNode) merged.get("properties") : null;
    List<JsonNode> parts = new ArrayList<>();
    schema.get("allOf").forEach(parts::add);
    for (int i = 0; i < parts.size() && i < 256; i++) {
      JsonNode part = tree.deref(parts.get(i));
      if (part == null || !part.isObject()) {
        continue;
      }
      part.path("allOf").forEach(parts::add);
      for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getKey().equals("properties")) {
          if (properties == null) {
            properties = merged.putObject("properties");
          }
          ObjectNode target = properties;
          f.getValue().fields().forEachRemaining(p -> target.putIfAbsent(p.getKey(), p.getValue()));
        } else if (!f.getKey().equals("allOf") && !f.getKey().equals("$ref")) {
          merged.putIfAbsent(f.getKey(), f.getValue());
        }
      }
    }
    return merged;
  }

  private static List<JsonNode> members(JsonNode schema) {
    JsonNode choice = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
    List<JsonNode> out = new ArrayList<>();
    if (choice != null && choice.isArray()) {
      choice.forEach(out::add);
    }
    return out;
  }

  /** The declared types in order, {@code nullable} read as a trailing "null". */
  static List<String> types(JsonNode schema) {
    List<String> out = new ArrayList<>();
    JsonNode t = schema.get("type");
    if (t != null && t.isTextual()) {
      out.add(t.asText());
    } else if (t != null && t.isArray()) {
      t.forEach(each -> out.add(each.asText()));
    } else {
      String inferred = SchemaShapes.type(schema);
      if (inferred != null) {
        out.add(inferred);
      }
    }
    if (schema.path("nullable").asBoolean(false) && !out.contains("null")) {
      out.add("null");
    }
    return out;
  }

  private static boolean isIndexed(ObjectNode object) {
    if (object.isEmpty()) {
      return false;
    }
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      if (!INDEX.matcher(it.next()).matches()) {
        return false;
      }
    }
    return true;
  }

  /** {@code {"1": b, "0": a}} as {@code [a, b]}: by index, whatever order they were sent in. */
  private static ArrayNode indexed(ObjectNode object) {
    TreeMap<Integer, JsonNode> byIndex = new TreeMap<>();
    object.fields().forEachRemaining(f -> byIndex.put(Integer.parseInt(f.getKey()), f.getValue()));
    ArrayNode out = NODES.arrayNode();
    byIndex.values().forEach(out::add);
    return out;
  }

  /** Numbers as a JSON parser would read them, so a form and a JSON body give equal trees. */
  private static JsonNode integer(String text) {
    BigInteger value = new BigInteger(text);
    if (value.bitLength() < 32) {
      return NODES.numberNode(value.intValue());
    }
    return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
  }

  private static JsonNode number(String text) {
    if (INTEGER.matcher(text).matches()) {
      return integer(text);
    }
    return NODES.numberNode(Double.parseDouble(text));
  }
}
