package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.Side;
import dev.interlock.compat.internal.BodyCheck;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.schema.SchemaViolation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter or header value the pact gives, against the schema the contract declares for it: the
 * text is coerced to the schema's type first (query, path and header values are text on the wire).
 */
final class ParameterValues {
  private final Exchange ex;
  private final SourceDocument doc;
  private final BodyCheck bodies;

  ParameterValues(Exchange ex) {
    this.ex = ex;
    this.doc = ex.doc;
    this.bodies = ex.bodies;
  }

  void validate(
      JsonPointer param,
      List<String> values,
      String code,
      Side side,
      SourceLocation pactLocation,
      JsonPointer payloadPointer,
      String what,
      List<Mismatch> out) {
    JsonPointer schema = param.append("schema");
    JsonNode schemaNode = doc.at(doc.deref(schema));
    if (schemaNode.isMissingNode()) {
      JsonNode content = doc.at(param.append("content"));
      if (content.isObject() && content.size() > 0) {
        String mt = content.fieldNames().next();
        schema = param.append("content").append(mt).append("schema");
        schemaNode = doc.at(doc.deref(schema));
      }
    }
    if (schemaNode.isMissingNode()) {
      return;
    }
    JsonNode value =
        coerce(
            schemaNode,
            values,
            doc.at(param).path("in").asText().equals("query")
                && doc.at(param).path("explode").asBoolean(true));
    if (value == null) {
      return;
    }
    List<SchemaViolation> violations = bodies.validateValue(schema, value);
    if (!violations.isEmpty()) {
      SchemaViolation v = violations.get(0);
      out.add(
          ex.mismatch(
              code,
              side,
              what + " " + v.message(),
              pactLocation,
              payloadPointer,
              ex.specAt(doc.deref(schema)),
              schemaSummary(schemaNode),
              String.join(",", values)));
    }
  }

  private String schemaSummary(JsonNode schema) {
    List<String> parts = new ArrayList<>();
    for (String k :
        List.of(
            "type", "format", "pattern", "enum", "minimum", "maximum", "minLength", "maxLength")) {
      if (schema.has(k)) {
        parts.add(
            k
                + " "
                + (schema.get(k).isTextual() ? schema.get(k).asText() : schema.get(k).toString()));
      }
    }
    return parts.isEmpty() ? "the parameter's schema" : String.join(", ", parts);
  }

  /** Coerces parameter text to the schema's type; null when the schema cannot be used. */
  static JsonNode coerce(JsonNode schema, List<String> values, boolean exploded) {
    String type = typeOf(schema);
    JsonNodeFactory f = JsonNodeFactory.instance;
    if ("array".equals(type)) {
      ArrayNode a = f.arrayNode();
      JsonNode items = schema.path("items");
      List<String> parts = new ArrayList<>();
      for (String v : values) {
        if (values.size() == 1 && !(exploded && values.size() > 1)) {
          for (String p : v.split(",")) {
            parts.add(p.trim());
          }
        } else {
          parts.add(v);
        }
      }
      for (String p : parts) {
        a.add(scalar(typeOf(items), p));
      }
      return a;
    }
    if ("object".equals(type)) {
      return null;
    }
    return scalar(type, values.isEmpty() ? "" : values.get(values.size() - 1));
  }

  private static String typeOf(JsonNode schema) {
    JsonNode t = schema.get("type");
    if (t == null) {
      return null;
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (!x.asText().equals("null")) {
          return x.asText();
        }
      }
      return null;
    }
    return t.asText();
  }

  private static JsonNode scalar(String type, String v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (type == null || type.equals("string")) {
      return f.textNode(v);
    }
    try {
      switch (type) {
        case "integer" -> {
          return f.numberNode(new BigInteger(v.trim()));
        }
        case "number" -> {
          return f.numberNode(new BigDecimal(v.trim()));
        }
        case "boolean" -> {
          if (v.equals("true") || v.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(v));
          }
          return f.textNode(v);
        }
        default -> {
          return f.textNode(v);
        }
      }
    } catch (NumberFormatException e) {
      return f.textNode(v);
    }
  }
}
