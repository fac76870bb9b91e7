package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a JSON value from an OpenAPI 3.0 or 3.1 schema: {@code $ref}, {@code allOf} (merged),
 * {@code oneOf}/{@code anyOf} (one branch, discriminator set), {@code enum}/{@code const}, formats,
 * patterns, numeric and length bounds, {@code required}, {@code minItems}, nullable types and a
 * depth cap for recursive schemas. Every random choice comes from the {@link SplittableRandom}
 * passed in, so the same seed gives the same value.
 */
public final class SchemaSynthesizer {

  /** Below this depth optional properties are filled in; deeper only required ones. */
  private static final int OPTIONAL_DEPTH = 3;

  /** Beyond this depth arrays are left at their minimum size and objects at required fields. */
  private static final int HARD_DEPTH = 24;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final SpecTree tree;
  private final boolean responseSide;
  private final VendorValues values;

  /** Names of the component schemas being generated, innermost first: an object's kind. */
  private final Deque<String> refNames = new ArrayDeque<>();

  public SchemaSynthesizer(SpecTree tree, boolean responseSide) {
    this(tree, responseSide, EPOCH);
  }

  /**
   * @param now the sandbox clock's now: timestamps are synthesized near it
   */
  public SchemaSynthesizer(SpecTree tree, boolean responseSide, Instant now) {
    this.tree = tree;
    this.responseSide = responseSide;
    this.values = new VendorValues(ContractVocabulary.of(tree), now);
  }

  public JsonNode generate(JsonNode schema, SplittableRandom random) {
    return gen(schema, random, 0, new HashMap<>(), null);
  }

  private JsonNode gen(
      JsonNode schema, SplittableRandom random, int depth, Map<String, Integer> refs, String name) {
    String ref = schema != null && schema.isObject() ? schema.path("$ref").asText(null) : null;
    if (ref != null) {
      int seen = refs.getOrDefault(ref, 0);
      refs.put(ref, seen + 1);
      refNames.push(ref.substring(ref.lastIndexOf('/') + 1));
      try {
        int effectiveDepth = seen >= 1 ? Math.max(depth, OPTIONAL_DEPTH + seen) : depth;
        return gen(tree.deref(schema), random, effectiveDepth, refs, name);
      } finally {
        refs.put(ref, seen);
        refNames.pop();
      }
    }
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return NODES.textNode("value");
    }
    if (schema.isBoolean()) {
      return NODES.textNode("value");
    }
    if (schema.has("const")) {
      return schema.get("const");
    }
    if (schema.has("allOf")) {
      return gen(mergeAllOf(schema), random, depth, refs, name);
    }
    JsonNode example = leafExample(schema);
    if (schema.has("enum") && schema.get("enum").isArray() && schema.get("enum").size() > 0) {
      List<JsonNode> values = new ArrayList<>();
      schema
          .get("enum")
          .forEach(
              v -> {
                if (!v.isNull()) {
                  values.add(v);
                }
              });
      if (values.isEmpty()) {
        return NODES.nullNode();
      }
      return values.get(random.nextInt(values.size()));
    }
    JsonNode choice = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
    if (choice != null && choice.isArray() && choice.size() > 0) {
      return genChoice(schema, choice, random, depth, refs, name);
    }
    String type = type(schema);
    if (type == null) {
      return example != null ? example : NODES.textNode("value");
    }
    return switch (type) {
      case "object" -> genObject(schema, random, depth, refs);
      case "array" -> genArray(schema, random, depth, refs, name);
      case "integer" ->
          example != null && example.isIntegralNumber()
              ? example
              : genInteger(schema, random, name);
      case "number" -> example != null && example.isNumber() ? example : genNumber(schema, random);
      case "boolean" ->
          example != null && example.isBoolean()
              ? example
              : NODES.booleanNode(random.nextBoolean());
      case "null" -> NODES.nullNode();
      default -> example != null && example.isTextual() ? example : genString(schema, random, name);
    };
  }

  private JsonNode genChoice(
      JsonNode schema,
      JsonNode choice,
      SplittableRandom random,
      int depth,
      Map<String, Integer> refs,
      String name) {
    // Prefer a branch that is not null-only; avoid recursing into the same ref when deep.
    List<JsonNode> branches = new ArrayList<>();
    choice.forEach(branches::add);
    int index =
        depth >= OPTIONAL_DEPTH ? simplestBranch(branches) : random.nextInt(branches.size());
    JsonNode branch = branches.get(index);
    JsonNode base = schema.deepCopy();
    ((ObjectNode) base).remove(List.of("oneOf", "anyOf"));
    JsonNode merged =
        base.size() > 0 && type(base) != null ? mergeAll(List.of(base, branch)) : branch;
    JsonNode value = gen(merged, random, depth, refs, name);
    JsonNode discriminator = schema.get("discriminator");
    if (discriminator != null && value instanceof ObjectNode object) {
      String property = discriminator.path("propertyName").asText(null);
      if (property != null) {
        String branchRef = branch.path("$ref").asText("");
        String tag = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = discriminator.path("mapping").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          if (m.getValue().asText().equals(branchRef)
              || branchRef.endsWith("/" + m.getValue().asText())) {
            tag = m.getKey();
          }
        }
        // without a mapping the tag is the branch's schema name, unless the branch fixes the value
        if (tag == null && !branchRef.isEmpty() && !fixesValue(branch, property)) {
          tag = branchRef.substring(branchRef.lastIndexOf('/') + 1);
        }
        if (tag != null) {
          object.put(property, tag);
        }
      }
    }
    return value;
  }

  private int simplestBranch(List<JsonNode> branches) {
    int best = 0;
    int bestScore = Integer.MAX_VALUE;
    for (int i = 0; i < branches.size(); i++) {
      JsonNode b = tree.deref(branches.get(i));
      String t = type(b);
      int score =
          t == null
              ? 5
              : switch (t) {
                case "string", "integer", "number", "boolean" -> 0;
                case "array" -> 2;
                case "null" -> 9;
                default -> 4;
              };
      if (score < bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  }

  private JsonNode genObject(
      JsonNode schema, SplittableRandom random, int depth, Map<String, Integer> refs) {
    ObjectNode out = NODES.objectNode();
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    JsonNode properties = schema.path("properties");
    boolean optional = depth < OPTIONAL_DEPTH;
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      boolean isRequired = required.contains(p.getKey());
      JsonNode propSchema = tree.deref(p.getValue());
      boolean hidden =
          responseSide
              ? propSchema.path("writeOnly").asBoolean(false)
              : propSchema.path("readOnly").asBoolean(false);
      if (hidden && !isRequired) {
        continue;
      }
      if (isRequired || optional) {
        if (depth >= HARD_DEPTH && !isRequired) {
          continue;
        }
        out.set(p.getKey(), gen(p.getValue(), random, depth + 1, refs, p.getKey()));
        if (p.getKey().equals("id") && plainString(propSchema)) {
          int maxLength = propSchema.path("maxLength").asInt(Integer.MAX_VALUE);
          out.put("id", values.id(kind(schema), maxLength, random));
        }
      }
    }
    for (String r : required) {
      if (!out.has(r)) {
        JsonNode additional = schema.get("additionalProperties");
        JsonNode s = additional != null && additional.isObject() ? additional : null;
        out.set(r, gen(s, random, depth + 1, refs, r));
      }
    }
    int minProperties = schema.path("minProperties").asInt(0);
    JsonNode additional = schema.get("additionalProperties");
    boolean additionalAllowed =
        additional == null || !additional.isBoolean() || additional.asBoolean();
    // A map in a response holds what clients put in it (metadata starts empty); a request shows
    // one.
    if (!responseSide
        && additionalAllowed
        && additional != null
        && additional.isObject()
        && additional.size() > 0
        && out.size() == 0
        && optional) {
      minProperties = Math.max(minProperties, 1);
    }
    for (int i = 0; out.size() < minProperties && i < 32 && additionalAllowed; i++) {
      JsonNode s = additional != null && additional.isObject() ? additional : null;
      out.set("key" + (i + 1), gen(s, random, depth + 1, refs, "key"));
    }
    int maxProperties = schema.path("maxProperties").asInt(Integer.MAX_VALUE);
    if (out.size() > maxProperties) {
      List<String> names = new ArrayList<>();
      out.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (out.size() <= maxProperties) {
          break;
        }
        if (!required.contains(n)) {
          out.remove(n);
        }
      }
    }
    return out;
  }

  private JsonNode genArray(
      JsonNode schema, SplittableRandom random, int depth, Map<String, Integer> refs, String name) {
    ArrayNode out = NODES.arrayNode();
    int min = schema.path("minItems").asInt(0);
    int max = schema.path("maxItems").asInt(Integer.MAX_VALUE);
    int count = Math.max(min, depth < OPTIONAL_DEPTH ? 1 : 0);
    count = Math.min(count, max);
    JsonNode items = schema.get("items");
    boolean unique = schema.path("uniqueItems").asBoolean(false);
    Set<JsonNode> seen = new LinkedHashSet<>();
    for (int i = 0, attempts = 0; out.size() < count && attempts < count * 8 + 8; attempts++) {
      JsonNode item = gen(items, random, depth + 1, refs, name);
      if (unique && !seen.add(item)) {
        continue;
      }
      out.add(item);
      i++;
    }
    return out;
  }

  private JsonNode genInteger(JsonNode schema, SplittableRandom random, String name) {
    long min = Long.MIN_VALUE;
    long max = Long.MAX_VALUE;
    if (schema.has("minimum")) {
      min = (long) Math.ceil(schema.get("minimum").asDouble());
      if (schema.path("exclusiveMinimum").asBoolean(false)) {
        min++;
      }
    }
    if (schema.path("exclusiveMinimum").isNumber()) {
      min = Math.max(min, (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1);
    }
    if (schema.has("maximum")) {
      max = (long) Math.floor(schema.get("maximum").asDouble());
      if (schema.path("exclusiveMaximum").asBoolean(false)) {
        max--;
      }
    }
    if (schema.path("exclusiveMaximum").isNumber()) {
      max = Math.min(max, (long) Math.ceil(schema.get("exclusiveMaximum").asDouble()) - 1);
    }
    if ("int32".equals(schema.path("format").asText())) {
      min = Math.max(min, Integer.MIN_VALUE);
      max = Math.min(max, Integer.MAX_VALUE);
    }
    Long timestamp = values.timestamp(name, schema, random);
    if (timestamp != null && timestamp >= min && timestamp <= max) {
      return NODES.numberNode(timestamp);
    }
    long lo = min == Long.MIN_VALUE ? (max == Long.MAX_VALUE ? 1 : Math.min(1, max)) : min;
    if (lo > max) {
      lo = max;
    }
    long hi = max == Long.MAX_VALUE ? lo + 999 : Math.min(max, lo + 999);
    long value = hi > lo ? lo + random.nextLong(hi - lo + 1) : lo;
    long multipleOf = schema.path("multipleOf").asLong(0);
    if (multipleOf > 0) {
      long m = Math.floorDiv(value, multipleOf) * multipleOf;
      value = m < lo ? m + multipleOf : m;
    }
    return NODES.numberNode(value);
  }

  private JsonNode genNumber(JsonNode schema, SplittableRandom random) {
    double min = schema.has("minimum") ? schema.get("minimum").asDouble() : Double.NaN;
    double max = schema.has("maximum") ? schema.get("maximum").asDouble() : Double.NaN;
    if (schema.path("exclusiveMinimum").isNumber()) {
      min = schema.get("exclusiveMinimum").asDouble();
    }
    if (schema.path("exclusiveMaximum").isNumber()) {
      max = schema.get("exclusiveMaximum").asDouble();
    }
    double lo = Double.isNaN(min) ? (Double.isNaN(max) ? 1 : Math.min(1, max - 1)) : min;
    double hi = Double.isNaN(max) ? lo + 1000 : max;
    double value = lo + (hi - lo) * (0.1 + 0.8 * random.nextDouble());
    if (schema.path("multipleOf").isNumber()) {
      BigDecimal m = schema.get("multipleOf").decimalValue();
      BigDecimal v = BigDecimal.valueOf(value).divide(m, 0, RoundingMode.CEILING).multiply(m);
      return NODES.numberNode(v);
    }
    BigDecimal v = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    if (v.doubleValue() <= lo || v.doubleValue() >= hi) {
      v = BigDecimal.valueOf((lo + hi) / 2);
    }
    return NODES.numberNode(v);
  }

  private JsonNode genString(JsonNode schema, SplittableRandom random, String name) {
    int minLength = schema.path("minLength").asInt(0);
    int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    String format = schema.path("format").asText("");
    String pattern = schema.path("pattern").asText(null);
    String value = null;
    if (pattern != null) {
      value = RegexSampler.sample(pattern, random);
      if (value != null && value.length() >= minLength && value.length() <= maxLength) {
        return NODES.textNode(value);
      }
      value = null;
    }
    value = values.byFormat(format, name, random);
    if (value == null) {
      value = values.byName(name, schema, random);
    }
    if (value == null) {
      String prefix = name == null ? "" : name.replaceAll("[^A-Za-z0-9]", "");
      prefix = prefix.length() > 8 ? prefix.substring(0, 8) : prefix;
      value = (prefix.isEmpty() ? "" : prefix + "_") + word(random, 10);
    }
    if (value.length() < minLength) {
      StringBuilder b = new StringBuilder(value);
      while (b.length() < minLength) {
        b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
      }
      value = b.toString();
    }
    if (value.length() > maxLength) {
      value = value.substring(0, maxLength);
    }
    return NODES.textNode(value);
  }

  public static String uuid(SplittableRandom random) {
    return VendorValues.uuid(random);
  }

  /** Whether a branch declares the discriminator's value itself (an enum or a const). */
  private boolean fixesValue(JsonNode branch, String property) {
    JsonNode p = tree.deref(mergeAll(List.of(branch)).path("properties").path(property));
    return p.has("enum") || p.has("const");
  }

  /** A string schema that says nothing about its values: no format, pattern, enum or example. */
  private static boolean plainString(JsonNode schema) {
    return "string".equals(type(schema))
        && !schema.has("format")
        && !schema.has("pattern")
        && !schema.has("enum")
        && !schema.has("const")
        && leafExample(schema) == null
        && schema.path("minLength").asInt(0) <= 16;
  }

  /** An object's kind: its single {@code object}/{@code type} tag, else its schema's name. */
  private String kind(JsonNode schema) {
    for (String tag : new String[] {"object", "type", "kind"}) {
      JsonNode t = tree.deref(schema.path("properties").path(tag));
      JsonNode values = t.has("const") ? t.get("const") : t.path("enum");
      if (values.isTextual()) {
        return values.asText();
      }
      if (values.isArray() && values.size() == 1 && values.get(0).isTextual()) {
        return values.get(0).asText();
      }
    }
    return refNames.peek();
  }

  private static String word(SplittableRandom random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return b.toString();
  }

  /** The schema's own example for scalar schemas (3.0 {@code example}, 3.1 {@code examples}). */
  private static JsonNode leafExample(JsonNode schema) {
    JsonNode example = schema.get("example");
    if (example == null && schema.path("examples").isArray() && schema.get("examples").size() > 0) {
      example = schema.get("examples").get(0);
    }
    if (example == null || example.isContainerNode() || example.isNull()) {
      return null;
    }
    if (schema.has("pattern") && example.isTextual()) {
      try {
        if (!java.util.regex.Pattern.compile(schema.get("pattern").asText())
            .matcher(example.asText())
            .find()) {
          return null;
        }
      } catch (RuntimeException e) {
        return null;
      }
    }
    if (example.isTextual()) {
      int len = example.asText().length();
      if (len < schema.path("minLength").asInt(0)
          || len > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
        return null;
      }
    }
    if (example.isNumber()) {
      if (schema.has("minimum") && example.asDouble() < schema.get("minimum").asDouble()) {
        return null;
      }
      if (schema.has("maximum") && example.asDouble() > schema.get("maximum").asDouble()) {
        return null;
      }
    }
    return example;
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

  private JsonNode mergeAllOf(JsonNode schema) {
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
  private JsonNode mergeAll(List<JsonNode> parts) {
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
