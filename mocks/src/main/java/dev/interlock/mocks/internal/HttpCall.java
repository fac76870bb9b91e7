package dev.interlock.mocks.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A request as the sandbox engine sees it, independent of WireMock. */
public record HttpCall(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> headers,
    String body,
    String clientIp) {

  public HttpCall {
    method = method.toUpperCase(Locale.ROOT);
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = h;
    body = body == null ? "" : body;
    rawQuery = rawQuery == null ? "" : rawQuery;
  }

  /** Splits a URL such as {@code /v1/charges?limit=3} into path and query. */
  public static HttpCall of(
      String method, String url, Map<String, List<String>> headers, String body, String clientIp) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q + 1);
    return new HttpCall(method, path, query, headers, body, clientIp);
  }

  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public Map<String, List<String>> query() {
    return decodeForm(rawQuery);
  }

  public String contentType() {
    String ct = header("Content-Type");
    return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
  }

  /** Parses {@code a=1&b=2} (query strings and form bodies). */
  public static Map<String, List<String>> decodeForm(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.computeIfAbsent(decode(k), x -> new ArrayList<>()).add(decode(v));
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
