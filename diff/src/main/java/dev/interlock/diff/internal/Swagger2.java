package dev.interlock.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Swagger 2.0 as it is written, for the comparators that walk the raw tree: the request body is the
 * {@code in: body} parameter, media types come from {@code consumes} and {@code produces} (the
 * operation's, else the document's, else JSON), a response's {@code schema} sits on the response,
 * and parameters and headers carry their schema keywords inline.
 */
final class Swagger2 {

  /** The schema keywords a Swagger 2.0 parameter or header may carry inline. */
  private static final Set<String> INLINE_SCHEMA =
      Set.of(
          "type",
          "format",
          "items",
          "enum",
          "default",
          "maximum",
          "minimum",
          "exclusiveMaximum",
          "exclusiveMinimum",
          "maxLength",
          "minLength",
          "pattern",
          "maxItems",
          "minItems",
          "uniqueItems",
          "multipleOf",
          "x-nullable");

  private static final String JSON = "application/json";

  private Swagger2() {}

  static boolean is(Node any) {
    return any.doc().root().has("swagger");
  }

  /**
   * The inline schema of a parameter or header: a view holding only its schema keywords, at the
   * holder's own pointer so every keyword keeps its position in the file.
   */
  static Node inlineSchema(Node holder) {
    if (!holder.isObject() || !holder.json().has("type")) {
      return holder.get("schema");
    }
    ObjectNode schema = ((ObjectNode) holder.json()).objectNode();
    holder
        .json()
        .fields()
        .forEachRemaining(
            f -> {
              if (INLINE_SCHEMA.contains(f.getKey())) {
                schema.set(f.getKey(), f.getValue());
              }
            });
    return new Node(holder.doc(), holder.pointer(), schema);
  }

  /** The {@code in: body} parameter of an operation (its own over its path item's), or missing. */
  static Node bodyParameter(Op op, RefResolver resolver) {
    Node found = op.operation().get("requestBody"); // missing: a Swagger 2.0 operation has none
    for (Node list : List.of(op.pathItem().get("parameters"), op.operation().get("parameters"))) {
      if (list.json().isArray()) {
        for (int i = 0; i < list.json().size(); i++) {
          Node p = resolver.resolve(list.get(i));
          if ("body".equals(p.text("in"))) {
            found = p;
          }
        }
      }
    }
    return found;
  }

  /** Media types the operation accepts ({@code consumes}) or produces, keyed like content maps. */
  static Map<String, Node> media(Op op, String field, Node holder) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (String type : types(op, field)) {
      String key = type.toLowerCase(Locale.ROOT).replace(" ", "");
      int semi = key.indexOf(';');
      out.putIfAbsent(semi < 0 ? key : key.substring(0, semi), holder);
    }
    return out;
  }

  /**
   * Where {@code consumes} or {@code produces} is written for the operation, else the operation.
   */
  static Node mediaAnchor(Op op, String field) {
    if (op.operation().get(field).exists()) {
      return op.operation().get(field);
    }
    Node root = Node.root(op.operation().doc());
    return root.get(field).exists() ? root.get(field) : op.operation();
  }

  private static List<String> types(Op op, String field) {
    JsonNode own = op.operation().json().get(field);
    JsonNode declared = own != null ? own : op.operation().doc().root().get(field);
    List<String> types = new ArrayList<>();
    if (declared != null && declared.isArray()) {
      declared.forEach(t -> types.add(t.asText()));
    }
    if (types.isEmpty()) {
      types.add(JSON);
    }
    return types;
  }
}
