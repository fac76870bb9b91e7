package dev.interlock.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a schema means once the ways of writing it are taken out: {@code $ref}s followed (and, as
 * OpenAPI 3.1 allows, the keywords beside a {@code $ref} kept), {@code allOf} members merged into
 * one set of parts, a type list with {@code "null"} read as a nullable type, and an {@code
 * anyOf}/{@code oneOf} of one schema and {@code null} read as that schema made nullable. Two
 * schemas that differ only in how they are written have equal views, so they compare as no change.
 */
final class SchemaView {

  private static final int MAX_DEPTH = 16;

  /** The schema as written (its location is where findings about the whole schema point). */
  final Node node;

  /** The schema and every part it is made of ($ref targets, allOf members), outermost first. */
  final List<Node> parts = new ArrayList<>();

  final Map<String, Node> properties = new LinkedHashMap<>();
  final Map<String, Node> required = new LinkedHashMap<>();
  final Set<String> types = new LinkedHashSet<>();
  Node typeNode;
  boolean nullable;
  Node nullableAt;

  private final RefResolver resolver;

  SchemaView(Node schema, RefResolver resolver) {
    this.resolver = resolver;
    Node unwrapped = unwrapNullable(schema);
    this.node = resolver.resolve(unwrapped);
    collect(unwrapped, new HashSet<>(), 0);
    if (types.isEmpty()) {
      // A schema that lists properties or items is written for an object or an array even
      // without a type: read it so, or moving a property into an allOf looks like a new type.
      if (!properties.isEmpty() || has("additionalProperties")) {
        types.add("object");
      } else if (has("items")) {
        types.add("array");
      }
    }
  }

  /** A key for memoizing comparisons: the resolved schema, or the raw one when siblings count. */
  static String key(Node schema, Node resolved) {
    return hasSiblings(schema) ? schema.key() : resolved.key();
  }

  /**
   * {@code anyOf}/{@code oneOf} of exactly one schema and {@code null} types: the one schema, made
   * nullable. Otherwise the schema itself.
   */
  private Node unwrapNullable(Node schema) {
    Node s = resolver.resolve(schema);
    if (s.json().has("type") || s.json().has("properties")) {
      return schema;
    }
    for (String keyword : List.of("anyOf", "oneOf")) {
      if (!s.json().path(keyword).isArray()) {
        continue;
      }
      Node alts = s.get(keyword);
      Node other = null;
      int nulls = 0;
      for (int i = 0; i < alts.json().size(); i++) {
        Node alt = resolver.resolve(alts.get(i));
        if (isNullOnly(alt)) {
          nulls++;
          nullableAt = alts.get(i);
        } else if (other == null) {
          other = alts.get(i);
        } else {
          other = null;
          nulls = -alts.json().size();
        }
      }
      if (other != null && nulls > 0) {
        nullable = true;
        return other;
      }
      nullableAt = null;
    }
    return schema;
  }

  private static boolean isNullOnly(Node alt) {
    JsonNode type = alt.json().get("type");
    if (type != null && type.isTextual()) {
      return type.asText().equals("null");
    }
    if (type != null && type.isArray()) {
      return type.size() == 1 && type.get(0).asText().equals("null");
    }
    JsonNode e = alt.json().get("enum");
    return e != null && e.isArray() && e.size() == 1 && e.get(0).isNull();
  }

  /**
   * Whether keywords beside a {@code $ref} count: only in OpenAPI 3.1 (JSON Schema 2020-12).
   * OpenAPI 3.0, Swagger 2.0 and draft-07 (AsyncAPI) ignore them.
   */
  private static boolean hasSiblings(Node schema) {
    if (!RefResolver.isRef(schema) || schema.json().size() == 1) {
      return false;
    }
    String version = schema.doc().root().path("openapi").asText();
    if (!version.startsWith("3.") || version.startsWith("3.0")) {
      return false;
    }
    for (var it = schema.json().fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("$ref") && !f.equals("description") && !f.equals("summary")) {
        return true;
      }
    }
    return false;
  }

  private void collect(Node raw, Set<String> seen, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (hasSiblings(raw) && seen.add(raw.key())) {
      add(raw, seen, depth);
    }
    Node s = resolver.resolve(raw);
    if (s.isObject() && seen.add(s.key())) {
      add(s, seen, depth);
    }
  }

  private void add(Node s, Set<String> seen, int depth) {
    parts.add(s);
    JsonNode json = s.json();
    if (json.path("properties").isObject()) {
      Node props = s.get("properties");
      props.json().fieldNames().forEachRemaining(p -> properties.putIfAbsent(p, props.get(p)));
    }
    if (json.path("required").isArray()) {
      Node req = s.get("required");
      for (int i = 0; i < req.json().size(); i++) {
        required.putIfAbsent(req.json().get(i).asText(), req.get(i));
      }
    }
    JsonNode type = json.path("type");
    if (typeNode == null && (type.isTextual() || type.isArray())) {
      typeNode = s.get("type");
      if (type.isTextual()) {
        types.add(type.asText());
      } else {
        type.forEach(t -> types.add(t.asText()));
      }
      if (types.remove("null")) {
        nullable = true;
        nullableAt = typeNode;
      }
    }
    if (s.flag("nullable") || s.flag("x-nullable")) {
      nullable = true;
      nullableAt = json.has("nullable") ? s.get("nullable") : s.get("x-nullable");
    }
    if (json.path("allOf").isArray()) {
      Node allOf = s.get("allOf");
      for (int i = 0; i < allOf.json().size(); i++) {
        collect(allOf.get(i), seen, depth + 1);
      }
    }
  }

  boolean has(String keyword) {
    return first(keyword).isPresent();
  }

  /** The keyword's node in the first part that has it. */
  Optional<Node> first(String keyword) {
    for (Node p : parts) {
      // checked on the JSON first: building a Node appends to its pointer, which the many
      // keywords a schema does not have would pay for nothing
      if (p.json().has(keyword)) {
        return Optional.of(p.get(keyword));
      }
    }
    return Optional.empty();
  }

  /** Every part's node for the keyword (allOf members each add their constraint). */
  List<Node> all(String keyword) {
    List<Node> out = new ArrayList<>();
    for (Node p : parts) {
      if (p.json().has(keyword)) {
        out.add(p.get(keyword));
      }
    }
    return out;
  }

  String text(String keyword) {
    return first(keyword)
        .filter(k -> k.json().isValueNode() && !k.json().isNull())
        .map(k -> k.json().asText())
        .orElse(null);
  }

  boolean flag(String keyword) {
    return parts.stream().anyMatch(p -> p.flag(keyword));
  }

  /** The keyword's node, or the schema itself when no part has it (where a finding points). */
  Node at(String keyword) {
    return first(keyword).orElse(node);
  }

  Node nullableNode() {
    return nullableAt != null ? nullableAt : typeNode != null ? typeNode : node;
  }

  RefResolver resolver() {
    return resolver;
  }
}
