package dev.interlock.compat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.ServerBasePaths;
import dev.interlock.core.document.SourceDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path templates of an OpenAPI document, indexed by segment count and first literal segment, so
 * that a concrete request path finds its template without scanning thousands of them. Server base
 * paths ({@code servers[].url}) are honoured: a pact path may carry them or not.
 */
public final class OperationIndex {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** One path template and the operations under it. */
  public record Template(
      String path,
      JsonPointer pointer,
      List<Segment> segments,
      int literals,
      Set<String> methods) {}

  /** One segment: a literal, a whole-segment parameter, or a pattern mixing both. */
  public record Segment(String literal, String param, Pattern pattern, List<String> names) {}

  /** A template matched against a concrete path, with the parameter values it captured. */
  public record Match(Template template, Map<String, String> parameters) {}

  private final Map<Integer, Map<String, List<Template>>> byFirst = new HashMap<>();
  private final Map<Integer, List<Template>> paramFirst = new HashMap<>();
  private final List<String> basePaths = new ArrayList<>();

  public OperationIndex(SourceDocument doc) {
    JsonNode paths = doc.root().path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonPointer pointer = JsonPointer.of("paths", e.getKey());
      JsonNode item = doc.at(doc.deref(pointer));
      Set<String> methods = new LinkedHashSet<>();
      for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
        String m = names.next().toLowerCase(Locale.ROOT);
        if (METHODS.contains(m)) {
          methods.add(m);
        }
      }
      List<Segment> segments = new ArrayList<>();
      int literals = 0;
      for (String s : split(e.getKey())) {
        Segment seg = segment(s);
        segments.add(seg);
        if (seg.literal() != null) {
          literals++;
        }
      }
      Template t = new Template(e.getKey(), pointer, segments, literals, methods);
      if (!segments.isEmpty() && segments.get(0).literal() != null) {
        byFirst
            .computeIfAbsent(segments.size(), n -> new HashMap<>())
            .computeIfAbsent(segments.get(0).literal(), k -> new ArrayList<>())
            .add(t);
      } else {
        paramFirst.computeIfAbsent(segments.size(), n -> new ArrayList<>()).add(t);
      }
    }
    basePaths.addAll(ServerBasePaths.of(doc.root()));
  }

  public List<String> basePaths() {
    return List.copyOf(basePaths);
  }

  /** Every template matching the path (with or without a server base path), best first. */
  public List<Match> find(String rawPath) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    List<String> candidates = new ArrayList<>();
    for (String base : basePaths) {
      if (path.equals(base) || path.startsWith(base + "/")) {
        candidates.add(path.substring(base.length()));
      }
    }
    candidates.add(path);
    List<Match> out = new ArrayList<>();
    for (String candidate : candidates) {
      List<String> segs = split(candidate);
      List<Template> pool = new ArrayList<>();
      if (!segs.isEmpty()) {
        pool.addAll(
            byFirst.getOrDefault(segs.size(), Map.of()).getOrDefault(segs.get(0), List.of()));
      } else {
        pool.addAll(
            byFirst.getOrDefault(0, Map.of()).values().stream().flatMap(List::stream).toList());
      }
      pool.addAll(paramFirst.getOrDefault(segs.size(), List.of()));
      for (Template t : pool) {
        Map<String, String> params = match(t, segs);
        if (params != null) {
          out.add(new Match(t, params));
        }
      }
      if (!out.isEmpty()) {
        break;
      }
    }
    out.sort(Comparator.comparingInt((Match m) -> -m.template().literals()));
    return out;
  }

  private static Map<String, String> match(Template t, List<String> segs) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segs.size(); i++) {
      Segment s = t.segments().get(i);
      String value = segs.get(i);
      if (s.literal() != null) {
        if (!s.literal().equals(value)) {
          return null;
        }
      } else if (s.param() != null) {
        if (value.isEmpty()) {
          return null;
        }
        params.put(s.param(), decode(value));
      } else {
        Matcher m = s.pattern().matcher(value);
        if (!m.matches()) {
          return null;
        }
        for (int g = 0; g < s.names().size(); g++) {
          params.put(s.names().get(g), decode(m.group(g + 1)));
        }
      }
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private static Segment segment(String s) {
    Matcher m = PARAM.matcher(s);
    if (!m.find()) {
      return new Segment(s, null, null, List.of());
    }
    if (m.start() == 0 && m.end() == s.length()) {
      return new Segment(null, m.group(1), null, List.of(m.group(1)));
    }
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    int last = 0;
    m.reset();
    while (m.find()) {
      regex.append(Pattern.quote(s.substring(last, m.start()))).append("([^/]+?)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(s.substring(last)));
    return new Segment(null, null, Pattern.compile(regex.toString()), names);
  }

  static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    String p = path;
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    for (String s : p.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
