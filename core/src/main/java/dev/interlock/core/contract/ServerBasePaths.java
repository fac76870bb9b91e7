package dev.interlock.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The path prefixes an OpenAPI document's servers put before its paths ({@code /v1} for {@code
 * https://api.example.com/v1}), the one answer the sandbox's router and compat's operation index
 * share: a request path is matched with each prefix taken off.
 */
public final class ServerBasePaths {

  private ServerBasePaths() {}

  /**
   * Every distinct, non-empty base path of the document's servers (variables at their defaults,
   * relative URLs as written, no trailing slash) and of a Swagger 2.0 {@code basePath}, longest
   * first so the most specific prefix is tried first. Empty when every server is at the root.
   */
  public static List<String> of(JsonNode root) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode server : root.path("servers")) {
      String url = server.path("url").asText("");
      for (Iterator<Map.Entry<String, JsonNode>> it = server.path("variables").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> var = it.next();
        url = url.replace("{" + var.getKey() + "}", var.getValue().path("default").asText(""));
      }
      out.add(pathOf(url));
    }
    out.add(trim(root.path("basePath").asText("")));
    out.remove("");
    List<String> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(sorted);
  }

  private static String pathOf(String url) {
    String path;
    try {
      URI uri = URI.create(url.replaceAll("[{}]", ""));
      path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (uri.getScheme() == null && !url.startsWith("/")) {
        path = ""; // a bare host name, not a path
      }
    } catch (IllegalArgumentException e) {
      path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
    }
    return trim(path);
  }

  private static String trim(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
  }
}
