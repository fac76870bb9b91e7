package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) into the same tree a form body gives: each
 * part's {@code name} is a key (bracketed names nest, repeated names make arrays), its content the
 * value. A part is JSON where it says so ({@code Content-Type: application/json}) or where the
 * {@code encoding} object of the media type says so; a file part is its text. Then every value
 * takes its schema's type.
 */
final class MultipartBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BOUNDARY =
      Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
  private static final Pattern NAME = Pattern.compile("(?i);\\s*name=(?:\"([^\"]*)\"|([^;\\s]+))");

  private final SchemaCoercion coercion;

  MultipartBodies(SchemaCoercion coercion) {
    this.coercion = coercion;
  }

  /** The boundary a multipart content type names, or null when it names none. */
  static String boundary(String contentType) {
    Matcher b = BOUNDARY.matcher(contentType == null ? "" : contentType);
    return b.find() ? (b.group(1) != null ? b.group(1) : b.group(2)) : null;
  }

  /** The body as one tree, or null when the content type names no boundary. */
  JsonNode parse(String contentType, String body, JsonNode schemaNode, JsonNode encoding) {
    String boundary = boundary(contentType);
    if (boundary == null) {
      return null;
    }
    String delimiter = "--" + boundary;
    JsonNode schema = coercion.flatten(schemaNode);
    Set<String> literal = new HashSet<>();
    if (schema != null) {
      schema.path("properties").fieldNames().forEachRemaining(literal::add);
    }
    FormTree form = new FormTree(literal);
    int at = body.indexOf(delimiter);
    while (at >= 0) {
      int start = at + delimiter.length();
      if (body.startsWith("--", start)) {
        break; // the closing delimiter
      }
      int next = body.indexOf("\n" + delimiter, start);
      if (next < 0) {
        break;
      }
      int end = next > 0 && body.charAt(next - 1) == '\r' ? next - 1 : next;
      part(body.substring(skipLineEnd(body, start), end), form, encoding);
      at = next + 1;
    }
    return schemaNode == null ? form.root() : coercion.coerce(form.root(), schemaNode);
  }

  private static void part(String part, FormTree form, JsonNode encoding) {
    int split = part.indexOf("\r\n\r\n");
    int skip = 4;
    if (split < 0) {
      split = part.indexOf("\n\n");
      skip = 2;
    }
    String headers = split < 0 ? part : part.substring(0, split);
    String content = split < 0 ? "" : part.substring(split + skip);
    String name = null;
    String type = "";
    for (String line : headers.split("\r?\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-disposition:")) {
        Matcher m = NAME.matcher(line);
        if (m.find()) {
          name = m.group(1) != null ? m.group(1) : m.group(2);
        }
      } else if (lower.startsWith("content-type:")) {
        type = lower.substring("content-type:".length()).trim();
      }
    }
    if (name == null) {
      return; // a part without a name has no place in the tree
    }
    if (encoding != null && type.isEmpty()) {
      type = encoding.path(name).path("contentType").asText("").toLowerCase(Locale.ROOT);
    }
    JsonNode value = NODES.textNode(content);
    if (type.contains("json")) {
      try {
        JsonNode parsed = JSON.readTree(content);
        value = parsed == null ? value : parsed;
      } catch (IOException e) {
        // not JSON after all: left as text, for validation to report
      }
    }
    form.add(name, value);
  }

  private static int skipLineEnd(String body, int at) {
    if (body.startsWith("\r\n", at)) {
      return at + 2;
    }
    return body.startsWith("\n", at) ? at + 1 : at;
  }
}
