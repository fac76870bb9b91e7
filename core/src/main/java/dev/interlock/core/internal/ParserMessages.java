package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns swagger-parser's messages into located {@code contract.openapi.structure} diagnostics.
 *
 * <p>swagger-parser names places in its own notation ({@code paths.'/x'(get).parameters.[id]
 * .schemas.items}) and only sometimes after the word "attribute"; this class finds that notation in
 * the message, walks it through the document (an array element named {@code [id]} becomes its
 * index, the parser's {@code schemas} the document's {@code schema}) and points there, so the
 * diagnostic carries a real line.
 *
 * <p>The defects it reports (a response without {@code description}, an operation without {@code
 * responses}, an undeclared path parameter, ...) do not stop anyone from understanding the
 * document, so they are warnings unless the load is strict ({@code interlock lint} gates on them).
 */
final class ParserMessages {

  /** Where swagger-parser's notation starts: one of the root fields of an OpenAPI document. */
  private static final Pattern PLACE =
      Pattern.compile(
          "(?<![\\w.])(paths|components|info|servers|security|tags|webhooks|externalDocs|openapi)"
              + "(?=[.( ]|$)");

  private static final Pattern VERSION_FIELD = Pattern.compile("valid version field");

  private final SourceDocument doc;
  private final Severity severity;

  ParserMessages(SourceDocument doc, boolean strict) {
    this.doc = doc;
    this.severity = strict ? Severity.ERROR : Severity.WARNING;
  }

  /** One diagnostic per distinct message (swagger-parser repeats some once per operation). */
  List<Diagnostic> diagnostics(List<String> messages) {
    List<Diagnostic> out = new ArrayList<>();
    if (messages == null) {
      return out;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String message : messages) {
      if (message == null || message.isBlank() || !seen.add(message.trim())) {
        continue;
      }
      out.add(
          Diagnostic.warning("contract.openapi.structure", "OpenAPI structure: " + message.trim())
              .severity(severity)
              .at(doc.locate(pointerOf(message)))
              .hint(
                  severity == Severity.ERROR
                      ? null
                      : "read anyway; 'interlock lint' reports this as an error")
              .build());
    }
    return out;
  }

  /** The JSON pointer of the place a message names, or the root when it names none. */
  JsonPointer pointerOf(String message) {
    if (VERSION_FIELD.matcher(message).find()) {
      return JsonPointer.of("openapi");
    }
    Matcher m = PLACE.matcher(message);
    if (!m.find()) {
      return JsonPointer.ROOT;
    }
    return resolve(tokens(message.substring(m.start())));
  }

  /** Splits {@code paths.'/x'(get).parameters.[id].schema} into its parts, up to a blank. */
  static List<String> tokens(String notation) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < notation.length(); i++) {
      char c = notation.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == ' ') {
        break;
      } else if (!quoted && (c == '.' || c == '(' || c == ')')) {
        flush(token, tokens);
      } else {
        token.append(c);
      }
    }
    flush(token, tokens);
    return tokens;
  }

  private static void flush(StringBuilder token, List<String> tokens) {
    if (token.length() > 0) {
      tokens.add(token.toString());
      token.setLength(0);
    }
  }

  /**
   * Walks the tokens through the document. Once a token names nothing there, the rest is kept as
   * written (a missing attribute is named by its pointer; the location falls back to its parent).
   */
  private JsonPointer resolve(List<String> tokens) {
    JsonPointer p = JsonPointer.ROOT;
    JsonNode node = doc.root();
    for (String token : tokens) {
      String step = token;
      if (node != null && node.isArray()) {
        int index = indexByName(node, token);
        step = index >= 0 ? String.valueOf(index) : token;
      } else if (node != null && node.isObject() && !node.has(token)) {
        if (token.equals("schemas") && node.has("schema")) {
          step = "schema";
        }
      }
      p = p.append(step);
      if (node != null) {
        JsonNode next = node.isArray() ? arrayElement(node, step) : node.get(step);
        node = next == null || next.isMissingNode() ? null : next;
      }
    }
    return p;
  }

  /** {@code [id]} is the element whose {@code name} is id (parameters, mostly). */
  private static int indexByName(JsonNode array, String token) {
    String name =
        token.startsWith("[") && token.endsWith("]")
            ? token.substring(1, token.length() - 1)
            : token;
    for (int i = 0; i < array.size(); i++) {
      if (name.equals(array.get(i).path("name").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode arrayElement(JsonNode array, String step) {
    try {
      return array.get(Integer.parseInt(step));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
