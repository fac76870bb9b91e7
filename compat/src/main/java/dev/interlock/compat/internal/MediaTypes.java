package dev.interlock.compat.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Media types: parsing, JSON detection and OpenAPI-style range matching. */
public final class MediaTypes {

  private MediaTypes() {}

  /** A media type without parameters ({@code application/json}) and its parameters. */
  public record Parsed(String type, Map<String, String> parameters) {}

  public static Parsed parse(String value) {
    if (value == null) {
      return new Parsed("", Map.of());
    }
    String[] parts = value.split(";");
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      int eq = p.indexOf('=');
      if (eq > 0) {
        String v = p.substring(eq + 1).trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        params.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), v);
      }
    }
    return new Parsed(parts[0].trim().toLowerCase(Locale.ROOT), params);
  }

  public static boolean isJson(String contentType) {
    String t = parse(contentType).type();
    return t.equals("application/json") || t.endsWith("+json") || t.endsWith("/json");
  }

  public static boolean isXml(String contentType) {
    String t = parse(contentType).type();
    return t.endsWith("/xml") || t.endsWith("+xml");
  }

  /**
   * How well a concrete media type matches a key of an OpenAPI {@code content} map: 0 no match;
   * higher is more specific ({@code application/json;charset=utf-8} exactly &gt; {@code
   * application/json} &gt; {@code application/*+json} &gt; {@code application/*} &gt; {@code
   * *}/{@code *}). Parameters match when every one both sides name has the same value (compared
   * without case: {@code charset=UTF-8} is {@code charset=utf-8}); one that only one side names
   * does not matter, as in the Pact specification ({@code application/json} matches {@code
   * application/json; charset=utf-8}).
   */
  public static int score(String range, String concrete) {
    Parsed r = parse(range);
    Parsed c = parse(concrete);
    if (r.type().isEmpty() || c.type().isEmpty()) {
      return 0;
    }
    boolean allNamed = true;
    for (Map.Entry<String, String> p : r.parameters().entrySet()) {
      String v = c.parameters().get(p.getKey());
      if (v == null) {
        allNamed = false;
      } else if (!v.equalsIgnoreCase(p.getValue())) {
        return 0;
      }
    }
    int paramBonus = !r.parameters().isEmpty() && allNamed ? 1 : 0;
    if (r.type().equals(c.type())) {
      return 10 + paramBonus;
    }
    String[] rt = r.type().split("/", 2);
    String[] ct = c.type().split("/", 2);
    if (rt.length < 2 || ct.length < 2) {
      return 0;
    }
    if (rt[0].equals("*") && rt[1].equals("*")) {
      return 1;
    }
    if (!rt[0].equals(ct[0]) && !rt[0].equals("*")) {
      return 0;
    }
    if (rt[1].equals("*")) {
      return 3;
    }
    if (rt[1].startsWith("*+")) {
      String suffix = rt[1].substring(1);
      return ct[1].endsWith(suffix) ? 5 : 0;
    }
    return 0;
  }
}
