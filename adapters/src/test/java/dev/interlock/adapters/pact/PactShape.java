package dev.interlock.adapters.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The semantic shape of a pact file (V3 HTTP or V4 messages), for comparing the pact a consumer
 * test writes with the committed one: per interaction description, the provider states, method,
 * path, query, request header names, response status, the set of JSON paths in the bodies (array
 * indexes folded to {@code [*]}) and the matcher per path (kind, plus regex and min/max). Example
 * values are deliberately not compared.
 */
final class PactShape {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** description -> aspect -> the aspect's elements (a single value is a one-element set). */
  final Map<String, Map<String, TreeSet<String>>> interactions = new LinkedHashMap<>();

  static PactShape read(Path file) {
    try {
      return of(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read pact " + file + ": " + e.getMessage(), e);
    }
  }

  static PactShape of(JsonNode pact) {
    PactShape shape = new PactShape();
    for (JsonNode i : pact.path("interactions")) {
      Map<String, TreeSet<String>> a = new TreeMap<>();
      TreeSet<String> states = new TreeSet<>();
      for (JsonNode s : i.path("providerStates")) {
        states.add(
            s.path("name").asText()
                + " "
                + new TreeMap<>(JSON.convertValue(s.path("params"), Map.class)));
      }
      if (i.hasNonNull("providerState")) {
        states.add(i.get("providerState").asText() + " {}");
      }
      a.put("provider states", states);
      if (i.has("request")) {
        JsonNode rq = i.get("request");
        JsonNode rs = i.path("response");
        a.put("request method", one(rq.path("method").asText().toUpperCase(Locale.ROOT)));
        a.put("request path", one(rq.path("path").asText()));
        a.put("request query", query(rq.path("query")));
        a.put("request header", names(rq.path("headers")));
        a.put("request body path", bodyPaths(rq));
        a.put("request matcher", matchers(rq.path("matchingRules")));
        a.put("response status", one(rs.path("status").asText()));
        a.put("response header", names(rs.path("headers")));
        a.put("response body path", bodyPaths(rs));
        a.put("response matcher", matchers(rs.path("matchingRules")));
      } else {
        JsonNode content =
            i.path("contents").has("content")
                ? i.path("contents").path("content")
                : i.path("contents");
        TreeSet<String> paths = new TreeSet<>();
        collect(content, "$", paths);
        a.put("message type", one(i.path("type").asText("Asynchronous/Messages")));
        a.put("message body path", paths);
        a.put("message metadata key", names(i.path("metadata")));
        a.put("message matcher", matchers(i.path("matchingRules")));
      }
      shape.interactions.put(i.path("description").asText(), a);
    }
    return shape;
  }

  /**
   * The differences, one line each, e.g. {@code contracts/pacts/x.json: 'a request': response body
   * path $.amount.value missing in the committed pact}. Empty when the shapes agree.
   */
  static List<String> diff(String label, PactShape committed, PactShape generated) {
    List<String> out = new ArrayList<>();
    for (String d : committed.interactions.keySet()) {
      if (!generated.interactions.containsKey(d)) {
        out.add(label + ": '" + d + "': interaction missing in the generated pact");
      }
    }
    for (String d : generated.interactions.keySet()) {
      if (!committed.interactions.containsKey(d)) {
        out.add(label + ": '" + d + "': interaction missing in the committed pact");
      }
    }
    for (var e : generated.interactions.entrySet()) {
      Map<String, TreeSet<String>> c = committed.interactions.get(e.getKey());
      if (c == null) {
        continue;
      }
      Map<String, TreeSet<String>> g = e.getValue();
      TreeSet<String> aspects = new TreeSet<>(c.keySet());
      aspects.addAll(g.keySet());
      for (String aspect : aspects) {
        TreeSet<String> cv = c.getOrDefault(aspect, new TreeSet<>());
        TreeSet<String> gv = g.getOrDefault(aspect, new TreeSet<>());
        if (Objects.equals(cv, gv)) {
          continue;
        }
        String prefix = label + ": '" + e.getKey() + "': ";
        if (single(aspect)) {
          out.add(
              prefix
                  + aspect
                  + " is "
                  + gv
                  + " in the generated pact but "
                  + cv
                  + " in the committed pact");
          continue;
        }
        for (String x : gv) {
          if (!cv.contains(x)) {
            out.add(prefix + aspect + " " + x + " missing in the committed pact");
          }
        }
        for (String x : cv) {
          if (!gv.contains(x)) {
            out.add(prefix + aspect + " " + x + " missing in the generated pact");
          }
        }
      }
    }
    return out;
  }

  private static boolean single(String aspect) {
    return aspect.equals("request method")
        || aspect.equals("request path")
        || aspect.equals("response status")
        || aspect.equals("message type");
  }

  private static TreeSet<String> one(String v) {
    TreeSet<String> s = new TreeSet<>();
    s.add(v);
    return s;
  }

  private static TreeSet<String> names(JsonNode obj) {
    TreeSet<String> s = new TreeSet<>();
    obj.fieldNames().forEachRemaining(n -> s.add(n.toLowerCase(Locale.ROOT)));
    return s;
  }

  private static TreeSet<String> query(JsonNode q) {
    TreeSet<String> s = new TreeSet<>();
    if (q.isTextual()) {
      for (String kv : q.asText().split("&")) {
        if (!kv.isEmpty()) {
          s.add(URLDecoder.decode(kv.split("=", 2)[0], StandardCharsets.UTF_8));
        }
      }
    } else {
      q.fieldNames().forEachRemaining(s::add);
    }
    return s;
  }

  /** JSON bodies by structure; a form body (a string of k=v pairs) as {@code $.k} paths. */
  private static TreeSet<String> bodyPaths(JsonNode part) {
    TreeSet<String> s = new TreeSet<>();
    JsonNode body = part.path("body");
    if (body.isMissingNode() || body.isNull()) {
      return s;
    }
    if (body.isTextual()) {
      String text = body.asText();
      if (text.contains("=") && !text.trim().startsWith("{")) {
        for (String kv : text.split("&")) {
          s.add("$." + URLDecoder.decode(kv.split("=", 2)[0], StandardCharsets.UTF_8));
        }
        return s;
      }
    }
    collect(body, "$", s);
    return s;
  }

  private static void collect(JsonNode n, String path, TreeSet<String> out) {
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        var f = it.next();
        String p = path + "." + f.getKey();
        out.add(p);
        collect(f.getValue(), p, out);
      }
    } else if (n.isArray()) {
      for (JsonNode el : n) {
        String p = path + "[*]";
        out.add(p);
        collect(el, p, out);
      }
    }
  }

  /** {@code category path -> matcher, ...}; matcher = kind plus regex/min/max when present. */
  private static TreeSet<String> matchers(JsonNode rules) {
    TreeSet<String> s = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> cats = rules.fields();
    while (cats.hasNext()) {
      var cat = cats.next();
      String category = cat.getKey();
      JsonNode v = cat.getValue();
      if (v.has("matchers") && v.get("matchers").isArray()) {
        // V3 'path' category: {"matchers": [...]}
        s.add(category + " " + signature(v.get("matchers")));
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> rs = v.fields();
      while (rs.hasNext()) {
        var r = rs.next();
        String key = r.getKey();
        if (category.equals("header") || category.equals("query") || category.equals("metadata")) {
          key = key.toLowerCase(Locale.ROOT);
        } else {
          key = key.replaceAll("\\[\\d+]", "[*]");
        }
        s.add(category + " " + key + " " + signature(r.getValue().path("matchers")));
      }
    }
    return s;
  }

  private static String signature(JsonNode matchers) {
    List<String> parts = new ArrayList<>();
    for (JsonNode m : matchers) {
      StringBuilder b = new StringBuilder(m.path("match").asText());
      if (m.has("regex")) {
        b.append("(").append(m.get("regex").asText()).append(")");
      }
      if (m.has("min")) {
        b.append(" min ").append(m.get("min").asInt());
      }
      if (m.has("max")) {
        b.append(" max ").append(m.get("max").asInt());
      }
      parts.add(b.toString());
    }
    return String.join(" & ", parts);
  }
}
