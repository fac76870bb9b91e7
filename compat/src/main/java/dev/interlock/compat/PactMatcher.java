package dev.interlock.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interlock.compat.internal.MediaTypes;
import dev.interlock.compat.internal.RuleSet;
import dev.interlock.compat.internal.RuleSet.Group;
import dev.interlock.compat.internal.ValueMatchers;
import dev.interlock.compat.internal.XmlBodies;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pact V3 request and response matching: does an actual request (response) satisfy what a pact
 * expects, honouring the pact's matching rules. Used by the Pact specification's own test cases and
 * by the compatibility checks, which share its rule selection and value matchers.
 *
 * <p>Requests are strict about unexpected body keys and query parameters, responses are not
 * (Postel's law, as the specification says).
 */
public final class PactMatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What did not match, as {@code path: sentence} lines; empty when everything matched. */
  public record Result(List<String> mismatches) {
    public boolean matched() {
      return mismatches.isEmpty();
    }
  }

  private final List<String> out = new ArrayList<>();
  private final RuleSet rules;
  private final boolean allowUnexpectedKeys;

  private PactMatcher(RuleSet rules, boolean allowUnexpectedKeys) {
    this.rules = rules;
    this.allowUnexpectedKeys = allowUnexpectedKeys;
  }

  /** Matches requests given in the Pact JSON form ({@code method, path, query, headers, body}). */
  public static Result matchRequest(JsonNode expected, JsonNode actual) {
    PactMatcher m = new PactMatcher(RuleSet.fromJson(expected.get("matchingRules")), false);
    m.method(expected, actual);
    m.path(expected, actual);
    m.query(expected, actual);
    m.headers(expected, actual);
    m.body(expected, actual);
    return new Result(List.copyOf(m.out));
  }

  /** Matches responses given in the Pact JSON form ({@code status, headers, body}). */
  public static Result matchResponse(JsonNode expected, JsonNode actual) {
    PactMatcher m = new PactMatcher(RuleSet.fromJson(expected.get("matchingRules")), true);
    if (expected.has("status")
        && expected.path("status").asInt() != actual.path("status").asInt(-1)) {
      m.out.add(
          "status: expected "
              + expected.path("status").asInt()
              + " but got "
              + actual.get("status"));
    }
    m.headers(expected, actual);
    m.body(expected, actual);
    return new Result(List.copyOf(m.out));
  }

  /**
   * Compares two bodies (JSON trees) under the given rules, as Pact compares a response body:
   * unexpected keys allowed when {@code allowUnexpectedKeys}.
   */
  public static Result matchBody(
      JsonNode expected, JsonNode actual, RuleSet rules, boolean allowUnexpectedKeys) {
    PactMatcher m = new PactMatcher(rules, allowUnexpectedKeys);
    m.compare(new ArrayList<>(), expected, actual);
    return new Result(List.copyOf(m.out));
  }

  private void method(JsonNode e, JsonNode a) {
    String em = e.path("method").asText("");
    String am = a.path("method").asText("");
    if (!em.equalsIgnoreCase(am)) {
      out.add("method: expected " + em + " but got " + am);
    }
  }

  private void path(JsonNode e, JsonNode a) {
    if (!e.has("path")) {
      return;
    }
    String ep = e.path("path").asText("");
    String ap = a.path("path").asText("");
    Group g = rules.only("path");
    if (g != null) {
      String f = ValueMatchers.check(g, TextNode.valueOf(ep), TextNode.valueOf(ap));
      if (f != null) {
        out.add("path: " + f);
      }
    } else if (!ep.equals(ap)) {
      out.add("path: expected '" + ep + "' but got '" + ap + "'");
    }
  }

  private void query(JsonNode e, JsonNode a) {
    if (!e.has("query")) {
      return;
    }
    Map<String, List<String>> eq = queryMap(e.get("query"));
    Map<String, List<String>> aq = queryMap(a.get("query"));
    for (Map.Entry<String, List<String>> entry : eq.entrySet()) {
      String name = entry.getKey();
      List<String> av = aq.get(name);
      if (av == null) {
        out.add("query: expected parameter '" + name + "' but was missing");
        continue;
      }
      Group g = rules.forName("query", name);
      List<String> ev = entry.getValue();
      if (g != null) {
        for (int i = 0; i < av.size(); i++) {
          String f =
              ValueMatchers.check(
                  g,
                  TextNode.valueOf(ev.isEmpty() ? "" : ev.get(Math.min(i, ev.size() - 1))),
                  TextNode.valueOf(av.get(i)));
          if (f != null) {
            out.add("query." + name + "[" + i + "]: " + f);
          }
        }
      } else if (!ev.equals(av)) {
        out.add("query." + name + ": expected " + ev + " but got " + av);
      }
    }
    for (String name : aq.keySet()) {
      if (!eq.containsKey(name)) {
        out.add("query: unexpected parameter '" + name + "'");
      }
    }
  }

  static Map<String, List<String>> queryMap(JsonNode q) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    if (q == null || q.isNull() || q.isMissingNode()) {
      return map;
    }
    if (q.isTextual()) {
      for (String pair : q.asText().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        map.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
      return map;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = q.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(e.getValue().asText());
      }
      map.put(e.getKey(), values);
    }
    return map;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private void headers(JsonNode e, JsonNode a) {
    JsonNode eh = e.get("headers");
    if (eh == null || !eh.isObject()) {
      return;
    }
    Map<String, String> ah = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    JsonNode actualHeaders = a.get("headers");
    if (actualHeaders != null) {
      actualHeaders.fields().forEachRemaining(f -> ah.put(f.getKey(), headerText(f.getValue())));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = eh.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      String name = h.getKey();
      String ev = headerText(h.getValue());
      String av = ah.get(name);
      if (av == null) {
        out.add("header: expected '" + name + "' but was missing");
        continue;
      }
      Group g = rules.forName("header", name);
      if (g != null) {
        String f = ValueMatchers.check(g, TextNode.valueOf(ev), TextNode.valueOf(av));
        if (f != null) {
          out.add("header." + name + ": " + f);
        }
      } else if (!headerValuesMatch(name, ev, av)) {
        out.add("header." + name + ": expected '" + ev + "' but got '" + av + "'");
      }
    }
  }

  private static String headerText(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(p -> parts.add(p.asText()));
      return String.join(", ", parts);
    }
    return v.asText();
  }

  /** Header values compared as Pact does: Content-Type by media type and parameters. */
  public static boolean headerValuesMatch(String name, String expected, String actual) {
    if (name.equalsIgnoreCase("content-type")) {
      return mediaTypeMatches(expected, actual);
    }
    if (name.equalsIgnoreCase("accept")) {
      List<String> e = normalise(expected);
      List<String> a = normalise(actual);
      if (e.size() != a.size()) {
        return false;
      }
      for (int i = 0; i < e.size(); i++) {
        if (!mediaTypeMatches(e.get(i), a.get(i))) {
          return false;
        }
      }
      return true;
    }
    return normalise(expected).equals(normalise(actual));
  }

  private static boolean mediaTypeMatches(String expected, String actual) {
    MediaTypes.Parsed e = MediaTypes.parse(expected);
    MediaTypes.Parsed a = MediaTypes.parse(actual);
    // the type is compared as written (header values are case-sensitive), parameters by value
    if (!expected.split(";")[0].trim().equals(actual.split(";")[0].trim())) {
      return false;
    }
    for (Map.Entry<String, String> p : e.parameters().entrySet()) {
      String av = a.parameters().get(p.getKey());
      if (av == null || !av.equalsIgnoreCase(p.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static List<String> normalise(String v) {
    List<String> parts = new ArrayList<>();
    for (String p : v.split(",")) {
      parts.add(p.trim());
    }
    return parts;
  }

  private void body(JsonNode e, JsonNode a) {
    if (!e.has("body")) {
      return; // no expectation on the body
    }
    JsonNode eb = e.get("body");
    JsonNode ab = a.has("body") ? a.get("body") : null;
    String contentType = contentType(e);
    if (contentType == null) {
      contentType = contentType(a);
    }
    boolean xml =
        (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml"))
            || (eb.isTextual() && eb.asText().trim().startsWith("<?xml"));
    if (eb.isNull() || (eb.isTextual() && eb.asText().isEmpty())) {
      if (ab != null && !ab.isNull() && !(ab.isTextual() && ab.asText().isEmpty()) && !xml) {
        if (eb.isNull()) {
          out.add("body: expected an empty body but got " + ValueMatchers.describe(ab));
        }
      }
      return;
    }
    if (ab == null || ab.isNull() || (ab.isTextual() && ab.asText().isEmpty() && !eb.isTextual())) {
      out.add("body: expected a body but got none");
      return;
    }
    if (xml) {
      XmlBodies.compare(eb.asText(), ab.asText(), rules, allowUnexpectedKeys, out);
      return;
    }
    JsonNode expectedBody = eb;
    JsonNode actualBody = ab;
    boolean json = contentType == null || MediaTypes.isJson(contentType);
    if (json && eb.isTextual() && ab.isTextual()) {
      expectedBody = parseOrText(eb.asText());
      actualBody = parseOrText(ab.asText());
    }
    compare(new ArrayList<>(), expectedBody, actualBody);
  }

  private static JsonNode parseOrText(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception ex) {
      return TextNode.valueOf(s);
    }
  }

  private static String contentType(JsonNode side) {
    JsonNode h = side.get("headers");
    if (h == null) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase("content-type")) {
        return headerText(e.getValue());
      }
    }
    return null;
  }

  private void compare(List<Object> path, JsonNode e, JsonNode a) {
    if (e.isObject() && a.isObject()) {
      compareMaps(path, e, a);
    } else if (e.isArray() && a.isArray()) {
      compareLists(path, e, a);
    } else {
      Group g = rules.select("body", path);
      if (g != null) {
        String f = ValueMatchers.check(g, e, a);
        if (f != null) {
          out.add(RuleSet.render(path) + ": " + f);
        }
      } else if (!ValueMatchers.equal(e, a)) {
        out.add(
            RuleSet.render(path)
                + ": expected "
                + ValueMatchers.describe(e)
                + " but got "
                + ValueMatchers.describe(a));
      }
    }
  }

  private void compareMaps(List<Object> path, JsonNode e, JsonNode a) {
    Group g = rules.select("body", path);
    if (g != null) {
      String f = ValueMatchers.check(g, e, a);
      if (f != null) {
        out.add(RuleSet.render(path) + ": " + f);
        return;
      }
    }
    if (e.isEmpty() && !a.isEmpty() && !allowUnexpectedKeys) {
      out.add(RuleSet.render(path) + ": expected an empty object but got " + a.size() + " key(s)");
      return;
    }
    if (rules.wildcardBelow("body", path) || hasRule(g, "values")) {
      JsonNode first = e.elements().hasNext() ? e.elements().next() : null;
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode ev = e.has(entry.getKey()) ? e.get(entry.getKey()) : first;
        if (ev != null) {
          compare(with(path, entry.getKey()), ev, entry.getValue());
        }
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode av = a.get(entry.getKey());
      if (av == null) {
        out.add(RuleSet.render(path) + ": expected key '" + entry.getKey() + "' but was missing");
      } else {
        compare(with(path, entry.getKey()), entry.getValue(), av);
      }
    }
    if (!allowUnexpectedKeys) {
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!e.has(k)) {
          out.add(RuleSet.render(path) + ": unexpected key '" + k + "'");
        }
      }
    }
  }

  private static boolean hasRule(Group g, String match) {
    return g != null && g.rules().stream().anyMatch(r -> r.match().equals(match));
  }

  private void compareLists(List<Object> path, JsonNode e, JsonNode a) {
    Group g = rules.select("body", path);
    if (g != null) {
      String f = ValueMatchers.check(g, e, a);
      if (f != null) {
        out.add(RuleSet.render(path) + ": " + f);
      }
      if (e.isEmpty()) {
        return;
      }
      for (int i = 0; i < a.size(); i++) {
        compare(with(path, i), i < e.size() ? e.get(i) : e.get(0), a.get(i));
      }
      return;
    }
    if (e.isEmpty() && !a.isEmpty()) {
      out.add(
          RuleSet.render(path) + ": expected an empty array but got " + a.size() + " element(s)");
      return;
    }
    if (e.size() != a.size()) {
      out.add(
          RuleSet.render(path)
              + ": expected an array with "
              + e.size()
              + " element(s) but got "
              + a.size());
    }
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      compare(with(path, i), e.get(i), a.get(i));
    }
  }

  private static List<Object> with(List<Object> path, Object token) {
    List<Object> p = new ArrayList<>(path.size() + 1);
    p.addAll(path);
    p.add(token);
    return p;
  }

  static JsonNodeFactory nodes() {
    return JsonNodeFactory.instance;
  }
}
