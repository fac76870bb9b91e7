package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
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

  private final SpecTree tree;
  private final boolean responseSide;
  private final VendorValues values;
  private final ScalarSynthesizer scalars;
  private final SchemaShapes shapes;

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
    this.scalars = new ScalarSynthesizer(values);
    this.shapes = new SchemaShapes(tree);
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
      return gen(shapes.mergeAllOf(schema), random, depth, refs, name);
    }
    JsonNode example = ScalarSynthesizer.example(schema);
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
    String type = SchemaShapes.type(schema);
    if (type == null) {
      return example != null ? example : NODES.textNode("value");
    }
    return switch (type) {
      case "object" -> genObject(schema, random, depth, refs);
      case "array" -> genArray(schema, random, depth, refs, name);
      case "integer" ->
          example != null && example.isIntegralNumber()
              ? example
              : scalars.integer(schema, random, name);
      case "number" ->
          example != null && example.isNumber() ? example : scalars.number(schema, random);
      case "boolean" ->
          example != null && example.isBoolean()
              ? example
              : NODES.booleanNode(random.nextBoolean());
      case "null" -> NODES.nullNode();
      default ->
          example != null && example.isTextual() ? example : scalars.string(schema, random, name);
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
        base.size() > 0 && SchemaShapes.type(base) != null
            ? shapes.mergeAll(List.of(base, branch))
            : branch;
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
      String t = SchemaShapes.type(b);
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

  public static String uuid(SplittableRandom random) {
    return VendorValues.uuid(random);
  }

  /** Whether a branch declares the discriminator's value itself (an enum or a const). */
  private boolean fixesValue(JsonNode branch, String property) {
    JsonNode p = tree.deref(shapes.mergeAll(List.of(branch)).path("properties").path(property));
    return p.has("enum") || p.has("const");
  }

  /** A string schema that says nothing about its values: no format, pattern, enum or example. */
  private static boolean plainString(JsonNode schema) {
    return "string".equals(SchemaShapes.type(schema))
        && !schema.has("format")
        && !schema.has("pattern")
        && !schema.has("enum")
        && !schema.has("const")
        && ScalarSynthesizer.example(schema) == null
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
}
