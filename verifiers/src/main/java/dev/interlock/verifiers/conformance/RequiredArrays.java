package dev.interlock.verifiers.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.mocks.SandboxContract;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every required array (or one with {@code minItems} ≥ 1) in a synthesized value at least
 * {@code max(1, minItems)} items, at any depth. The synthesizer leaves deep arrays empty to bound
 * the value's size, which JSON can carry but a form body cannot: an empty array writes no field at
 * all, so a required one reads as missing on the server.
 */
final class RequiredArrays {

  /** Beyond this depth a recursive schema is left as the synthesizer made it. */
  private static final int MAX_DEPTH = 24;

  private final SandboxContract version;
  private final long seed;

  RequiredArrays(SandboxContract version, long seed) {
    this.version = version;
    this.seed = seed;
  }

  /**
   * The value with its required arrays filled, in place where it is a container; the value as it
   * was when filling would make it invalid against the schema.
   */
  JsonNode fill(JsonPointer schema, JsonNode value, String salt) {
    JsonNode filled = value.deepCopy();
    fill(schema, filled, salt, 0);
    return filled.equals(value) || version.accepts(schema, filled) ? filled : value;
  }

  private void fill(JsonPointer schemaAt, JsonNode value, String salt, int depth) {
    if (depth > MAX_DEPTH || !value.isContainerNode()) {
      return;
    }
    List<JsonPointer> parts = applicable(version.derefPointer(schemaAt), value, depth);
    // an allOf may name a member required in one part and declare it in another
    List<String> required = new ArrayList<>();
    parts.forEach(p -> version.at(p).path("required").forEach(r -> required.add(r.asText())));
    for (JsonPointer schema : parts) {
      JsonNode s = version.at(schema);
      if (value.isObject()) {
        fillObject(schema, s, required, (ObjectNode) value, salt, depth);
      } else if (s.has("items")) {
        fillArray(schema, (ArrayNode) value, 0, salt, depth);
      }
    }
  }

  private void fillObject(
      JsonPointer schema,
      JsonNode s,
      List<String> required,
      ObjectNode value,
      String salt,
      int depth) {
    for (var it = s.path("properties").fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode member = value.get(name);
      if (member == null) {
        continue;
      }
      JsonPointer memberSchema = version.derefPointer(schema.append("properties").append(name));
      if (member.isArray()) {
        int least = required.contains(name) ? 1 : 0;
        fillArray(memberSchema, (ArrayNode) member, least, salt + "." + name, depth + 1);
      } else {
        fill(memberSchema, member, salt + "." + name, depth + 1);
      }
    }
  }

  /** Tops the array up to {@code max(least, minItems)} items, then fills each item. */
  private void fillArray(JsonPointer schemaAt, ArrayNode value, int least, String salt, int depth) {
    JsonPointer schema = version.derefPointer(schemaAt);
    JsonNode s = version.at(schema);
    if (!s.has("items") || !s.path("items").isObject()) {
      return;
    }
    JsonPointer items = version.derefPointer(schema.append("items"));
    int wanted =
        Math.min(
            Math.max(least, s.path("minItems").asInt(0)),
            s.path("maxItems").asInt(Integer.MAX_VALUE));
    for (int i = value.size(); i < wanted; i++) {
      value.add(version.synthesize(items, salt + "[" + i + "]", seed));
    }
    for (int i = 0; i < value.size(); i++) {
      fill(items, value.get(i), salt + "[" + i + "]", depth + 1);
    }
  }

  /**
   * The schema itself and the parts of it the value was built from: every {@code allOf} member, and
   * of {@code oneOf}/{@code anyOf} the first branch that accepts the value.
   */
  private List<JsonPointer> applicable(JsonPointer schema, JsonNode value, int depth) {
    List<JsonPointer> out = new ArrayList<>();
    out.add(schema);
    if (depth > MAX_DEPTH) {
      return out;
    }
    JsonNode s = version.at(schema);
    JsonNode all = s.path("allOf");
    for (int i = 0; i < all.size(); i++) {
      out.addAll(
          applicable(version.derefPointer(schema.append("allOf").append(i)), value, depth + 1));
    }
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = s.path(keyword);
      for (int i = 0; i < branches.size(); i++) {
        JsonPointer branch = version.derefPointer(schema.append(keyword).append(i));
        if (version.accepts(branch, value)) {
          out.addAll(applicable(branch, value, depth + 1));
          break;
        }
      }
    }
    return out;
  }
}
