package dev.interlock.diff.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compares the server URLs of a document, path item or operation. A server removed is potentially
 * breaking: clients configured with its URL must move, but the diff cannot tell whether the host
 * still answers (servers describe deployments more than the interface).
 */
final class ServerComparator {

  private final ChangeSink sink;

  ServerComparator(ChangeSink sink) {
    this.sink = sink;
  }

  /**
   * Compares {@code servers} of two holders (roots, path items or operations); a Swagger 2.0 root
   * has one server, its {@code host} and {@code basePath}.
   */
  void compare(Node oldHolder, Node newHolder, String sig) {
    Map<String, Node> before = urls(oldHolder);
    Map<String, Node> after = urls(newHolder);
    if (before.isEmpty() && after.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Node> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        sink.add(
            Rules.SERVER_REMOVED,
            where(sig) + "server " + e.getKey() + " removed",
            e.getValue(),
            anchor(newHolder),
            sig,
            null);
      }
    }
    for (Map.Entry<String, Node> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        sink.add(
            Rules.SERVER_ADDED,
            where(sig) + "server " + e.getKey() + " added",
            anchor(oldHolder),
            e.getValue(),
            sig,
            null);
      }
    }
  }

  /** Where a holder declares its servers: {@code servers}, or Swagger 2.0's basePath or host. */
  private static Node anchor(Node holder) {
    if (holder.pointer().value().isEmpty() && Swagger2.is(holder)) {
      return holder.get("basePath").exists() ? holder.get("basePath") : Nodes.at(holder, "host");
    }
    return Nodes.at(holder, "servers");
  }

  private static String where(String sig) {
    return sig == null ? "" : sig + ": ";
  }

  /** Server objects by URL without a trailing slash. */
  private static Map<String, Node> urls(Node holder) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (holder.pointer().value().isEmpty() && Swagger2.is(holder)) {
      String host = holder.text("host");
      String basePath = holder.text("basePath");
      if (host != null || basePath != null) {
        String url = (host == null ? "" : "//" + host) + (basePath == null ? "" : basePath);
        Node at = holder.get("basePath").exists() ? holder.get("basePath") : holder.get("host");
        out.put(
            url.length() > 1 && url.endsWith("/") ? url.substring(0, url.length() - 1) : url, at);
      }
      return out;
    }
    Node servers = holder.get("servers");
    if (servers.json().isArray()) {
      for (int i = 0; i < servers.json().size(); i++) {
        Node s = servers.get(i);
        String url = s.text("url");
        if (url != null) {
          String u = url.trim();
          out.putIfAbsent(
              u.length() > 1 && u.endsWith("/") ? u.substring(0, u.length() - 1) : u, s);
        }
      }
    }
    return out;
  }
}
