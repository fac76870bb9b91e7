package dev.interlock.diff.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compares the server URLs of a document, path item or operation. A server of the document removed
 * is breaking: every client configured with its URL loses the API. One of a path or operation is
 * potentially breaking: the operation falls back to the document's servers, which clients built
 * from the contract follow, but one configured by hand must move.
 */
final class ServerComparator {

  private final ChangeSink sink;

  ServerComparator(ChangeSink sink) {
    this.sink = sink;
  }

  /** Compares the servers of two documents. */
  void compare(Node oldRoot, Node newRoot) {
    compare(oldRoot, newRoot, anchor(oldRoot), anchor(newRoot), null);
  }

  /** Compares the servers of an operation when it or its path item has servers of its own. */
  void compare(Op o, Op n, Node oldRoot, Node newRoot) {
    Node oldHolder = holder(o, oldRoot);
    Node newHolder = holder(n, newRoot);
    if (oldHolder != oldRoot || newHolder != newRoot) {
      compare(
          oldHolder,
          newHolder,
          oldHolder == oldRoot ? o.operation() : anchor(oldHolder),
          newHolder == newRoot ? n.operation() : anchor(newHolder),
          o.signature());
    }
  }

  /** Where an operation's servers come from: itself, else its path item, else the document. */
  private static Node holder(Op op, Node root) {
    if (op.operation().get("servers").exists()) {
      return op.operation();
    }
    return op.pathItem().get("servers").exists() ? op.pathItem() : root;
  }

  private void compare(Node oldHolder, Node newHolder, Node oldAnchor, Node newAnchor, String sig) {
    Map<String, Node> before = urls(oldHolder);
    Map<String, Node> after = urls(newHolder);
    if (before.isEmpty() && after.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Node> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        sink.add(
            sig == null ? Rules.SERVER_REMOVED : Rules.OPERATION_SERVER_REMOVED,
            where(sig) + "server " + e.getKey() + " removed",
            e.getValue(),
            newAnchor,
            sig,
            null);
      }
    }
    for (Map.Entry<String, Node> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        sink.add(
            sig == null ? Rules.SERVER_ADDED : Rules.OPERATION_SERVER_ADDED,
            where(sig) + "server " + e.getKey() + " added",
            oldAnchor,
            e.getValue(),
            sig,
            null);
      }
    }
  }

  /** Where a holder declares its servers. */
  private static Node anchor(Node holder) {
    return Nodes.at(holder, "servers");
  }

  private static String where(String sig) {
    return sig == null ? "" : sig + ": ";
  }

  /** Server objects by URL without a trailing slash. */
  private static Map<String, Node> urls(Node holder) {
    Map<String, Node> out = new LinkedHashMap<>();
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
