package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.PactInteraction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Interlock's own reader of the pact JSON the Pact specification documents (V2 to V4), used where
 * Pact JVM cannot read a file other pact tools wrote. It reads only what verification needs and
 * ignores the rest, so fields that vary between tools ({@code comments} as a string or an object,
 * {@code interactionMarkup}, {@code pluginConfiguration}, {@code transport}, {@code pending})
 * cannot stop it. Bodies may be raw JSON or V4's {@code {content, contentType, encoded}}.
 *
 * <p>Each interaction that is not an object, or has neither a request nor contents, is reported
 * through {@code problems} by its pointer and left out; the others are read.
 */
final class PactJsonReader {

  /** An interaction left out, and why. */
  record Problem(JsonPointer at, String message) {}

  /** What was read: the parties, the interactions and the interactions left out. */
  record Read(
      String consumer,
      String provider,
      List<PactInteraction> interactions,
      List<Problem> problems) {}

  /**
   * Reads the interactions under {@code interactionsArray}; {@code v4} says whether bodies may be
   * V4's {@code {content, contentType, encoded}} (in V2 and V3 such an object is a body as it is).
   */
  Read read(JsonNode root, String interactionsArray, boolean v4) {
    List<PactInteraction> interactions = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    JsonNode list = root.path(interactionsArray);
    if (!list.isArray()) {
      problems.add(new Problem(JsonPointer.of(interactionsArray), "a JSON array of interactions"));
    }
    for (int i = 0; i < list.size(); i++) {
      JsonPointer at = JsonPointer.of(interactionsArray).append(i);
      JsonNode n = list.get(i);
      if (!n.isObject()) {
        problems.add(new Problem(at, "a JSON object"));
        continue;
      }
      interaction(n, at, interactionsArray.equals("messages"), v4).ifPresent(interactions::add);
    }
    return new Read(
        root.path("consumer").path("name").asText(""),
        root.path("provider").path("name").asText(""),
        interactions,
        problems);
  }

  Optional<PactInteraction> interaction(
      JsonNode n, JsonPointer at, boolean v3Messages, boolean v4) {
    String type = n.path("type").asText("");
    String description = n.path("description").asText("");
    List<String> states = states(n);
    if (type.equals("Synchronous/Messages")) {
      return Optional.empty(); // as with Pact JVM: synchronous messages are not verified yet
    }
    if (v3Messages || type.equals("Asynchronous/Messages") || !n.has("request")) {
      JsonNode metadata = n.has("metadata") ? n.path("metadata") : n.path("metaData");
      Map<String, Object> meta = new LinkedHashMap<>();
      metadata.fields().forEachRemaining(e -> meta.put(e.getKey(), scalarOrText(e.getValue())));
      String declared = PactBodies.header(stringLists(metadata), "contentType");
      if (declared == null) {
        declared = PactBodies.header(stringLists(metadata), "Content-Type");
      }
      return Optional.of(
          new PactInteraction.Message(
              description,
              states,
              at,
              body(n.path("contents"), declared, v4),
              meta,
              rules(n.path("matchingRules"))));
    }
    JsonNode rq = n.path("request");
    JsonNode rs = n.path("response");
    Map<String, List<String>> requestHeaders = stringLists(rq.path("headers"));
    Map<String, List<String>> responseHeaders = stringLists(rs.path("headers"));
    return Optional.of(
        new PactInteraction.Http(
            description,
            states,
            at,
            new PactInteraction.Request(
                rq.path("method").asText("GET").toUpperCase(Locale.ROOT),
                rq.path("path").asText("/"),
                query(rq.path("query")),
                requestHeaders,
                body(rq.path("body"), PactBodies.header(requestHeaders, "Content-Type"), v4),
                rules(rq.path("matchingRules"))),
            new PactInteraction.Response(
                rs.path("status").asInt(200),
                responseHeaders,
                body(rs.path("body"), PactBodies.header(responseHeaders, "Content-Type"), v4),
                rules(rs.path("matchingRules")))));
  }

  /** V2's {@code providerState} string, or V3/V4's {@code providerStates} objects. */
  private static List<String> states(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.path("providerState").isTextual()) {
      out.add(n.path("providerState").asText());
    }
    for (JsonNode s : n.path("providerStates")) {
      out.add(s.isTextual() ? s.asText() : s.path("name").asText(""));
    }
    return out;
  }

  /** V2's query string ({@code a=1&b=2}) or V3/V4's map of a value or a list of values. */
  private static Map<String, List<String>> query(JsonNode q) {
    if (!q.isTextual()) {
      return stringLists(q);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : q.asText().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  private static Map<String, List<String>> stringLists(JsonNode object) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(e.getValue().asText());
      }
      out.put(e.getKey(), List.copyOf(values));
    }
    return out;
  }

  private static Object scalarOrText(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isNumber()) {
      return v.numberValue();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    return v.toString();
  }

  /**
   * A raw body (V2/V3, or V4 written by some tools) or V4's {@code {content, contentType,
   * encoded}}. Without a declared content type, a JSON object or array is JSON and a string is
   * text, as the specification's examples read.
   */
  private static Optional<PactInteraction.Body> body(JsonNode b, String headerType, boolean v4) {
    if (b.isMissingNode() || b.isNull()) {
      return Optional.empty();
    }
    JsonNode content = b;
    String contentType = headerType;
    String encoded = "";
    if (v4 && b.isObject() && b.has("content") && (b.has("contentType") || b.has("encoded"))) {
      content = b.get("content");
      if (b.path("contentType").isTextual() && !b.path("contentType").asText().isBlank()) {
        contentType = b.path("contentType").asText();
      }
      JsonNode enc = b.path("encoded");
      encoded = enc.isTextual() ? enc.asText() : enc.asBoolean(false) ? "base64" : "";
      if (content.isNull()) {
        return Optional.empty();
      }
    }
    if (!encoded.isEmpty() && !encoded.equalsIgnoreCase("json") && content.isTextual()) {
      byte[] bytes = Base64.getMimeDecoder().decode(content.asText());
      return Optional.of(PactBodies.of(bytes, contentType));
    }
    String text = content.isTextual() ? content.asText() : content.toString();
    if (contentType == null && content.isContainerNode()) {
      contentType = "application/json";
    }
    return Optional.of(PactBodies.of(text.getBytes(StandardCharsets.UTF_8), contentType));
  }

  /** V2's flat {@code {"$.body.x": {...}}} or V3/V4's rules by category. */
  private static List<PactInteraction.MatchingRule> rules(JsonNode node) {
    List<PactInteraction.MatchingRule> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.startsWith("$")) {
        v2Rule(key, e.getValue(), out);
      } else if (e.getValue().has("matchers")) {
        group(key, "", e.getValue(), out); // the path category: one group without a key
      } else {
        e.getValue().fields().forEachRemaining(r -> group(key, r.getKey(), r.getValue(), out));
      }
    }
    return out;
  }

  private static void v2Rule(String key, JsonNode rule, List<PactInteraction.MatchingRule> out) {
    String rest = key.substring(1);
    if (rest.startsWith(".body")) {
      out.add(rule("body", "$" + rest.substring(5), rule));
    } else if (rest.startsWith(".headers") || rest.startsWith(".header")) {
      String name = rest.substring(rest.startsWith(".headers") ? 8 : 7);
      out.add(rule("header", v2Name(name), rule));
    } else if (rest.startsWith(".query")) {
      out.add(rule("query", v2Name(rest.substring(6)), rule));
    } else if (rest.startsWith(".path")) {
      out.add(rule("path", "", rule));
    } else {
      out.add(rule("body", key, rule));
    }
  }

  /**
   * A header or query name after V2's {@code $.headers}: {@code .Accept} or {@code
   * ['Content-Type']}.
   */
  private static String v2Name(String selector) {
    if (selector.startsWith("['") && selector.endsWith("']")) {
      return selector.substring(2, selector.length() - 2);
    }
    return selector.startsWith(".") ? selector.substring(1) : selector;
  }

  private static void group(
      String category, String key, JsonNode value, List<PactInteraction.MatchingRule> out) {
    if (value.path("matchers").isArray()) {
      for (JsonNode m : value.get("matchers")) {
        out.add(rule(category, key, m));
      }
    } else if (value.isObject()) {
      out.add(rule(category, key, value));
    }
  }

  private static PactInteraction.MatchingRule rule(String category, String path, JsonNode m) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    m.fields()
        .forEachRemaining(
            f -> {
              if (!f.getKey().equals("match")) {
                JsonNode v = f.getValue();
                attributes.put(f.getKey(), v.isValueNode() ? scalarOrText(v) : v);
              }
            });
    String match = m.path("match").asText("");
    if (match.isEmpty()) {
      match = m.has("regex") ? "regex" : m.has("min") || m.has("max") ? "type" : "equality";
    }
    return new PactInteraction.MatchingRule(category, path, match, attributes);
  }
}
