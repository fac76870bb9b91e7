package dev.interlock.diff.internal;

import java.util.Map;

/**
 * Compares the responses of two versions of an operation, matched by status ({@code 404} is still
 * answered when the new version declares {@code 4XX}): statuses added or removed, their bodies
 * through the {@link BodyComparator}, their headers (removed, required, serialization, schema).
 */
final class ResponseComparator {

  private final RefResolver resolver;
  private final SchemaComparator schemas;
  private final BodyComparator bodies;
  private final ChangeSink sink;

  ResponseComparator(
      RefResolver resolver, SchemaComparator schemas, BodyComparator bodies, ChangeSink sink) {
    this.resolver = resolver;
    this.schemas = schemas;
    this.bodies = bodies;
    this.sink = sink;
  }

  void compare(Op o, Op n, Perspective p) {
    String sig = o.signature();
    Node or = o.operation().get("responses");
    Node nr = n.operation().get("responses");
    Map<String, Node> oldResponses = Nodes.children(or);
    Map<String, Node> newResponses = Nodes.children(nr);
    for (Map.Entry<String, Node> e : oldResponses.entrySet()) {
      String status = e.getKey();
      Node nResp = newResponses.get(status);
      if (nResp != null) {
        compareResponse(status, o, n, resolver.resolve(e.getValue()), resolver.resolve(nResp), p);
      } else if (!coveredByRange(status, newResponses)) {
        sink.add(
            p.rule(isSuccess(status) ? Rules.STATUS_REMOVED : Rules.ERROR_STATUS_REMOVED),
            sig + ": response " + status + " removed",
            e.getValue(),
            nr.exists() ? nr : n.operation(),
            sig,
            "response." + status);
      }
    }
    for (Map.Entry<String, Node> e : newResponses.entrySet()) {
      if (!oldResponses.containsKey(e.getKey())) {
        sink.add(
            p.rule(Rules.STATUS_ADDED),
            sig + ": response " + e.getKey() + " added",
            or.exists() ? or : o.operation(),
            e.getValue(),
            sig,
            "response." + e.getKey());
      }
    }
  }

  private static boolean isSuccess(String status) {
    return status.startsWith("1")
        || status.startsWith("2")
        || status.startsWith("3")
        || status.equals("default");
  }

  private static boolean coveredByRange(String status, Map<String, Node> responses) {
    return status.length() == 3
        && Character.isDigit(status.charAt(0))
        && responses.containsKey(status.charAt(0) + "XX");
  }

  /** A response's body: its {@code content}. */
  private static BodyComparator.Body bodyOf(Node response) {
    Node content = response.get("content");
    return new BodyComparator.Body(response, Nodes.media(content), content);
  }

  private void compareResponse(String status, Op o, Op n, Node or, Node nr, Perspective p) {
    String sig = o.signature();
    String part = "response." + status;
    bodies.content(
        bodyOf(or),
        bodyOf(nr),
        BodyComparator.responseRules(p),
        sig + " response " + status,
        sig,
        part + ".body");
    Map<String, Node> oldHeaders = Nodes.headers(or.get("headers"));
    Map<String, Node> newHeaders = Nodes.headers(nr.get("headers"));
    for (Map.Entry<String, Node> e : oldHeaders.entrySet()) {
      String name = e.getValue().pointer().lastToken();
      String headerPart = part + ".header." + name;
      String what = sig + " response " + status + ": header '" + name + "'";
      Node nh = newHeaders.get(e.getKey());
      if (nh == null) {
        sink.add(
            p.rule(Rules.HEADER_REMOVED),
            what + " removed",
            e.getValue(),
            nr.get("headers").exists() ? nr.get("headers") : nr,
            sig,
            headerPart);
      } else {
        compareHeader(
            resolver.resolve(e.getValue()), resolver.resolve(nh), what, sig, headerPart, p);
      }
    }
    for (Map.Entry<String, Node> e : newHeaders.entrySet()) {
      if (!oldHeaders.containsKey(e.getKey())) {
        String name = e.getValue().pointer().lastToken();
        sink.add(
            p.rule(Rules.HEADER_ADDED),
            sig + " response " + status + ": header '" + name + "' added",
            or.get("headers").exists() ? or.get("headers") : or,
            e.getValue(),
            sig,
            part + ".header." + name);
      }
    }
  }

  private void compareHeader(
      Node oh, Node nh, String what, String sig, String headerPart, Perspective p) {
    if (oh.flag("required") && !nh.flag("required")) {
      sink.add(
          p.rule(Rules.HEADER_BECAME_OPTIONAL),
          what + " became optional",
          Nodes.at(oh, "required"),
          nh,
          sig,
          headerPart);
    } else if (!oh.flag("required") && nh.flag("required")) {
      sink.add(
          p.rule(Rules.HEADER_BECAME_REQUIRED),
          what + " became required",
          oh,
          Nodes.at(nh, "required"),
          sig,
          headerPart);
    }
    // Headers have only the simple style; explode decides how an array or object is written.
    if (Serialization.explode(oh, "simple") != Serialization.explode(nh, "simple")) {
      sink.add(
          p.rule(Rules.HEADER_STYLE_CHANGED),
          what + " explode changed",
          Nodes.at(oh, "explode"),
          Nodes.at(nh, "explode"),
          sig,
          headerPart);
    }
    sink.addSchemaFindings(
        schemas.compare(Nodes.schemaOf(oh), Nodes.schemaOf(nh), p.responseHeader().direction()),
        p.responseHeader(),
        what,
        sig,
        headerPart);
  }
}
