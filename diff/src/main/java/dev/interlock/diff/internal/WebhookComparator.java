package dev.interlock.diff.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the {@code webhooks} of two OpenAPI 3.1 documents like paths, webhook by name and
 * method, with the rules of the {@link Perspective#WEBHOOKS} perspective: the API is the caller.
 */
final class WebhookComparator {

  private final RefResolver resolver;
  private final OperationComparator operations;
  private final ChangeSink sink;

  WebhookComparator(RefResolver resolver, OperationComparator operations, ChangeSink sink) {
    this.resolver = resolver;
    this.operations = operations;
    this.sink = sink;
  }

  void compare(Node oldRoot, Node newRoot) {
    Map<String, Op> before = webhooks(oldRoot);
    Map<String, Op> after = webhooks(newRoot);
    Node newAnchor = Nodes.at(newRoot, "webhooks");
    for (Map.Entry<String, Op> e : before.entrySet()) {
      Op n = after.get(e.getKey());
      if (n == null) {
        operations.deprecation().removed(e.getValue(), newAnchor, Perspective.WEBHOOKS);
      } else {
        operations.compare(e.getValue(), n, oldRoot, newRoot, Perspective.WEBHOOKS);
      }
    }
    for (Map.Entry<String, Op> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        Op n = e.getValue();
        sink.add(
            Rules.forWebhook(Rules.OPERATION_ADDED),
            "webhook " + n.signature() + " added",
            Nodes.at(oldRoot, "webhooks"),
            n.operation(),
            n.signature(),
            null);
      }
    }
  }

  private Map<String, Op> webhooks(Node root) {
    Map<String, Op> ops = new LinkedHashMap<>();
    Node webhooks = root.get("webhooks");
    if (!webhooks.isObject()) {
      return ops;
    }
    for (var it = webhooks.json().fieldNames(); it.hasNext(); ) {
      String name = it.next();
      Node item = resolver.resolve(webhooks.get(name));
      for (String method : OpenApiComparator.METHODS) {
        Node op = item.get(method);
        if (op.isObject()) {
          ops.put(method.toUpperCase(Locale.ROOT) + " " + name, new Op(method, name, item, op));
        }
      }
    }
    return ops;
  }
}
