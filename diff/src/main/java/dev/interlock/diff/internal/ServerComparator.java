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

  /** Compares {@code servers} of two holders (roots, path items or operations). */
  void compare(Node oldHolder, Node newHolder, String sig) {
    Map<String, Node> before = urls(oldHolder.get("servers"));
    Map<String, Node> after = urls(newHolder.get("servers"));
    if (before.isEmpty() && after.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Node> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        sink.add(
            Rules.SERVER_REMOVED,
            where(sig) + "server " + e.getKey() + " removed",
            e.getValue(),
            Nodes.at(newHolder, "servers"),
            sig,
            null);
      }
    }
    for (Map.Entry<String, Node> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        sink.add(
            Rules.SERVER_ADDED,
            where(sig) + "server " + e.getKey() + " added",
            Nodes.at(oldHolder, "servers"),
            e.getValue(),
            sig,
            null);
      }
    }
  }

  private static String where(String sig) {
    return sig == null ? "" : sig + ": ";
  }

  /** Server objects by URL without a trailing slash. */
  private static Map<String, Node> urls(Node servers) {
    Map<String, Node> out = new LinkedHashMap<>();
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
