package dev.interlock.diff.internal;

import dev.interlock.diff.Rule;
import java.util.Map;

/**
 * Compares request bodies (added, removed, required) and the media types of any {@code content} map
 * (added, removed, schema added, removed or changed), for requests and responses alike.
 */
final class BodyComparator {

  private final RefResolver resolver;
  private final SchemaComparator schemas;
  private final ChangeSink sink;

  BodyComparator(RefResolver resolver, SchemaComparator schemas, ChangeSink sink) {
    this.resolver = resolver;
    this.schemas = schemas;
    this.sink = sink;
  }

  /** The rules a {@code content} map is judged by: request body or response. */
  record ContentRules(
      Rule mediaTypeRemoved,
      Rule mediaTypeAdded,
      Rule schemaRemoved,
      Rule schemaAdded,
      Rules.SchemaPrefix prefix) {}

  static ContentRules requestRules(Perspective p) {
    return new ContentRules(
        p.rule(Rules.BODY_MEDIA_TYPE_REMOVED),
        p.rule(Rules.BODY_MEDIA_TYPE_ADDED),
        p.rule(Rules.BODY_SCHEMA_REMOVED),
        p.rule(Rules.BODY_SCHEMA_ADDED),
        p.requestBody());
  }

  static ContentRules responseRules(Perspective p) {
    return new ContentRules(
        p.rule(Rules.RESPONSE_MEDIA_TYPE_REMOVED),
        p.rule(Rules.RESPONSE_MEDIA_TYPE_ADDED),
        p.rule(Rules.RESPONSE_SCHEMA_REMOVED),
        p.rule(Rules.RESPONSE_SCHEMA_ADDED),
        p.responseBody());
  }

  void requestBody(Op o, Op n, Perspective p) {
    String sig = o.signature();
    Node ob = resolver.resolve(o.operation().get("requestBody"));
    Node nb = resolver.resolve(n.operation().get("requestBody"));
    if (!ob.exists() && !nb.exists()) {
      return;
    }
    if (!ob.exists()) {
      boolean required = nb.flag("required");
      sink.add(
          p.rule(required ? Rules.BODY_REQUIRED_ADDED : Rules.BODY_ADDED),
          sig + ": " + (required ? "required" : "optional") + " request body added",
          o.operation(),
          nb,
          sig,
          "request.body");
      return;
    }
    if (!nb.exists()) {
      sink.add(
          p.rule(Rules.BODY_REMOVED),
          sig + ": request body removed",
          ob,
          n.operation(),
          sig,
          "request.body");
      return;
    }
    if (!ob.flag("required") && nb.flag("required")) {
      sink.add(
          p.rule(Rules.BODY_BECAME_REQUIRED),
          sig + ": request body became required",
          ob,
          Nodes.at(nb, "required"),
          sig,
          "request.body");
    } else if (ob.flag("required") && !nb.flag("required")) {
      sink.add(
          p.rule(Rules.BODY_BECAME_OPTIONAL),
          sig + ": request body became optional",
          Nodes.at(ob, "required"),
          nb,
          sig,
          "request.body");
    }
    content(
        ob.get("content"),
        nb.get("content"),
        requestRules(p),
        sig + " request body",
        sig,
        "request.body");
  }

  /** Compares two {@code content} maps media type by media type. */
  void content(Node oc, Node nc, ContentRules rules, String subject, String sig, String part) {
    Map<String, Node> oldMedia = Nodes.media(oc);
    Map<String, Node> newMedia = Nodes.media(nc);
    for (Map.Entry<String, Node> e : oldMedia.entrySet()) {
      Node om = e.getValue();
      Node nm = newMedia.get(e.getKey());
      String media = om.pointer().lastToken();
      if (nm == null) {
        sink.add(
            rules.mediaTypeRemoved(),
            subject + ": media type '" + media + "' removed",
            om,
            nc,
            sig,
            part);
        continue;
      }
      Node os = om.get("schema");
      Node ns = nm.get("schema");
      if (os.exists() && !ns.exists()) {
        sink.add(
            rules.schemaRemoved(),
            subject + ": the schema of '" + media + "' was removed",
            os,
            nm,
            sig,
            part);
      } else if (!os.exists() && ns.exists()) {
        sink.add(
            rules.schemaAdded(), subject + ": '" + media + "' got a schema", om, ns, sig, part);
      } else if (os.exists()) {
        sink.addSchemaFindings(
            schemas.compare(os, ns, rules.prefix().direction()),
            rules.prefix(),
            subject,
            sig,
            part);
      }
    }
    for (Map.Entry<String, Node> e : newMedia.entrySet()) {
      if (!oldMedia.containsKey(e.getKey())) {
        sink.add(
            rules.mediaTypeAdded(),
            subject + ": media type '" + e.getValue().pointer().lastToken() + "' added",
            oc,
            e.getValue(),
            sig,
            part);
      }
    }
  }
}
