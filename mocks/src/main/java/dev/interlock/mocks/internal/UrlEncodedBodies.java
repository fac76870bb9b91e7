package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an {@code application/x-www-form-urlencoded} body as the OpenAPI {@code encoding} object of
 * its media type says it was written: per property a {@code style} ({@code form}, the default;
 * {@code spaceDelimited}, {@code pipeDelimited}, {@code deepObject}), {@code explode} (true by
 * default for {@code form} only) and a {@code contentType} ({@code application/json} values are
 * JSON). Bracketed keys ({@code a[b][c]}, {@code a[]}, {@code a[0]}) are read whatever the style,
 * as every form-encoding client writes them. Then every value takes its schema's type.
 */
final class UrlEncodedBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaCoercion coercion;

  UrlEncodedBodies(SchemaCoercion coercion) {
    this.coercion = coercion;
  }

  /** The body as one tree; {@code schema} and {@code encoding} may be null. */
  JsonNode parse(String body, JsonNode schemaNode, JsonNode encoding) {
    JsonNode schema = coercion.flatten(schemaNode);
    JsonNode properties = schema == null ? NODES.objectNode() : schema.path("properties");
    Set<String> literal = new HashSet<>();
    properties.fieldNames().forEachRemaining(n -> literal.add(n));
    FormTree form = new FormTree(literal);
    for (String[] pair : pairs(body)) {
      form.add(pair[0], NODES.textNode(pair[1]));
    }
    ObjectNode tree = form.root();
    // a property the encoding object leaves out is written in the default style (form, exploded)
    Set<String> names = new LinkedHashSet<>(literal);
    if (encoding != null) {
      encoding.fieldNames().forEachRemaining(names::add);
    }
    for (String name : names) {
      JsonNode style = encoding == null ? null : encoding.get(name);
      applyStyle(tree, name, style == null ? NODES.objectNode() : style, properties);
    }
    return schemaNode == null ? tree : coercion.coerce(tree, schemaNode);
  }

  private void applyStyle(ObjectNode tree, String name, JsonNode encoding, JsonNode properties) {
    JsonNode propertySchema = coercion.flatten(properties.get(name));
    List<String> types = propertySchema == null ? List.of() : SchemaCoercion.types(propertySchema);
    String style = encoding.path("style").asText("form");
    boolean explode = encoding.path("explode").asBoolean(style.equals("form"));
    String contentType = encoding.path("contentType").asText("").toLowerCase(Locale.ROOT);
    JsonNode value = tree.get(name);
    if (value != null && value.isTextual() && contentType.contains("json")) {
      try {
        tree.set(name, JSON.readTree(value.asText()));
      } catch (IOException e) {
        // not JSON after all: left as text, for validation to report
      }
      return;
    }
    String delimiter =
        switch (style) {
          case "spaceDelimited" -> " ";
          case "pipeDelimited" -> "|";
          case "form" -> explode ? null : ",";
          default -> null;
        };
    if (delimiter != null && value != null && value.isTextual()) {
      List<String> parts = split(value.asText(), delimiter);
      if (types.contains("array")) {
        ArrayNode array = NODES.arrayNode();
        parts.forEach(array::add);
        tree.set(name, array);
      } else if (types.contains("object")) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i + 1 < parts.size(); i += 2) {
          object.put(parts.get(i), parts.get(i + 1));
        }
        tree.set(name, object);
      }
      return;
    }
    if (style.equals("form") && explode && value == null && types.contains("object")) {
      // R=100&G=200: an exploded object's own properties stand at the top level
      ObjectNode object = NODES.objectNode();
      JsonNode own = propertySchema.path("properties");
      List<String> names = new ArrayList<>();
      tree.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (own.has(n) && !properties.has(n)) {
          object.set(n, tree.remove(n));
        }
      }
      if (!object.isEmpty()) {
        tree.set(name, object);
      }
    }
  }

  private static List<String> split(String text, String delimiter) {
    List<String> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    int from = 0;
    for (int at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, from)) {
      out.add(text.substring(from, at));
      from = at + delimiter.length();
    }
    out.add(text.substring(from));
    return out;
  }

  /** Decoded name/value pairs in the order sent. */
  static List<String[]> pairs(String body) {
    List<String[]> out = new ArrayList<>();
    if (body == null || body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(new String[] {decode(k), decode(v)});
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray '%': the text as sent
    }
  }
}
