package dev.interlock.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** How parameters and headers are written on the wire: style, explode, one value or a list. */
final class Serialization {

  /** Styles in which one value and a one-element list are written the same way. */
  private static final Set<String> LIST_STYLES =
      Set.of("form", "simple", "spaceDelimited", "pipeDelimited");

  private Serialization() {}

  /** {@code style} as written, else its default: form in query and cookie, simple elsewhere. */
  static String style(Node parameter, String in) {
    String s = parameter.text("style");
    if (s != null) {
      return s;
    }
    return in.equals("query") || in.equals("cookie") ? "form" : "simple";
  }

  /** {@code explode} as written, else its default: true for form, false for the others. */
  static boolean explode(Node node, String style) {
    JsonNode e = node.json().get("explode");
    return e != null && e.isBoolean() ? e.asBoolean() : style.equals("form");
  }

  /**
   * How a parameter's value is encoded: the media type of its {@code content} (a JSON object in a
   * query string), or {@code style} for one described by {@code schema}.
   */
  static String contentType(Node parameter) {
    Node content = parameter.get("content");
    if (content.isObject() && content.json().size() > 0) {
      return "content " + content.json().fieldNames().next();
    }
    return "style";
  }

  static boolean readsOneValueAsList(String style) {
    return LIST_STYLES.contains(style);
  }

  /** Whether a schema without arrays became an array (of anything): one value became a list. */
  static boolean generalizedToArray(Node oldSchema, Node newSchema) {
    return oldSchema.exists()
        && !oldSchema.json().isEmpty()
        && !mayBeArray(oldSchema)
        && onlyArray(newSchema)
        && newSchema.get("items").exists();
  }

  /** {@code type: array}, or an OpenAPI 3.1 type list of array and perhaps null. */
  private static boolean onlyArray(Node schema) {
    JsonNode type = schema.json().get("type");
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return type.asText().equals("array");
    }
    boolean array = false;
    for (JsonNode t : type) {
      if (t.asText().equals("array")) {
        array = true;
      } else if (!t.asText().equals("null")) {
        return false;
      }
    }
    return array;
  }

  private static boolean mayBeArray(Node schema) {
    JsonNode type = schema.json().get("type");
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return type.asText().equals("array");
    }
    for (JsonNode t : type) {
      if (t.asText().equals("array")) {
        return true;
      }
    }
    return false;
  }
}
