package dev.interlock.diff.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Compares one operation present in both documents: deprecation, operationId, servers, parameters,
 * request body, responses, (under paths) security, and its callbacks with the webhook rules, each
 * by its own comparator.
 */
final class OperationComparator {

  private final RefResolver resolver;
  private final ChangeSink sink;
  private final DeprecationPolicy deprecation;
  private final ParameterComparator parameters;
  private final BodyComparator bodies;
  private final ResponseComparator responses;
  private final SecurityComparator security;
  private final ServerComparator servers;

  OperationComparator(RefResolver resolver, ChangeSink sink, LocalDate today) {
    SchemaComparator schemas = new SchemaComparator(resolver);
    this.resolver = resolver;
    this.sink = sink;
    this.deprecation = new DeprecationPolicy(today, sink);
    this.parameters = new ParameterComparator(resolver, schemas, sink, today);
    this.bodies = new BodyComparator(resolver, schemas, sink);
    this.responses = new ResponseComparator(resolver, schemas, bodies, sink);
    this.security = new SecurityComparator(resolver, sink);
    this.servers = new ServerComparator(sink);
  }

  DeprecationPolicy deprecation() {
    return deprecation;
  }

  SecurityComparator security() {
    return security;
  }

  ServerComparator servers() {
    return servers;
  }

  void compare(Op o, Op n, Node oldRoot, Node newRoot, Perspective p) {
    try (ChangeSink.Scope unstable = deprecation.unstableScope(o)) {
      compareWithin(o, n, oldRoot, newRoot, p);
    }
  }

  private void compareWithin(Op o, Op n, Node oldRoot, Node newRoot, Perspective p) {
    String sig = o.signature();
    sink.newOperation(n.signature());
    deprecation.compare(o, n, p);
    String oldId = o.operation().text("operationId");
    String newId = n.operation().text("operationId");
    // Generated clients name the method after the operationId, or after method and path without
    // one: removing it renames the method as surely as changing it.
    if (oldId != null && !oldId.equals(newId)) {
      sink.add(
          p.rule(Rules.OPERATION_ID_CHANGED),
          sig
              + ": operationId "
              + (newId == null
                  ? "'" + oldId + "' removed"
                  : "changed from '" + oldId + "' to '" + newId + "'"),
          o.operation().get("operationId"),
          Nodes.at(n.operation(), "operationId"),
          sig,
          null);
    }
    servers.compare(o, n, oldRoot, newRoot);
    parameters.compare(o, n, p);
    bodies.requestBody(o, n, p);
    responses.compare(o, n, p);
    if (p == Perspective.PATHS) {
      // A webhook's security says how the API authenticates to the consumer; what that means for
      // the consumer is not settled in the specification, so it is not judged.
      security.requirements(o, n, oldRoot, newRoot);
    }
    callbacks(o, n, oldRoot, newRoot);
    sink.newOperation(null);
  }

  /**
   * A callback is a request the API makes to the consumer, like a webhook, so its operations are
   * judged with the webhook rules; they are matched by callback name, expression and method.
   */
  private void callbacks(Op o, Op n, Node oldRoot, Node newRoot) {
    Map<String, Op> before = callbackOperations(o);
    Map<String, Op> after = callbackOperations(n);
    for (Map.Entry<String, Op> e : before.entrySet()) {
      Op nc = after.get(e.getKey());
      if (nc == null) {
        deprecation.removed(
            e.getValue(), Nodes.at(n.operation(), "callbacks"), Perspective.WEBHOOKS);
      } else {
        compare(e.getValue(), nc, oldRoot, newRoot, Perspective.WEBHOOKS);
      }
    }
    for (Map.Entry<String, Op> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        Op nc = e.getValue();
        sink.add(
            Rules.forWebhook(Rules.OPERATION_ADDED),
            "callback " + nc.signature() + " added to " + n.signature(),
            Nodes.at(o.operation(), "callbacks"),
            nc.operation(),
            nc.signature(),
            null);
      }
    }
  }

  private Map<String, Op> callbackOperations(Op op) {
    Map<String, Op> ops = new LinkedHashMap<>();
    Node callbacks = op.operation().get("callbacks");
    if (!callbacks.isObject()) {
      return ops;
    }
    for (var names = callbacks.json().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      Node callback = resolver.resolve(callbacks.get(name));
      if (!callback.isObject()) {
        continue;
      }
      for (var expressions = callback.json().fieldNames(); expressions.hasNext(); ) {
        String expression = expressions.next();
        Node item = resolver.resolve(callback.get(expression));
        for (String method : OpenApiComparator.METHODS) {
          Node callbackOp = item.get(method);
          if (callbackOp.isObject()) {
            ops.put(
                name + " " + method.toUpperCase(Locale.ROOT) + " " + expression,
                new Op(method, expression, item, callbackOp));
          }
        }
      }
    }
    return ops;
  }
}
