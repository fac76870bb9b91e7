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
      Rule mediaTypeGeneralized,
      Rule schemaRemoved,
      Rule schemaAdded,
      Rules.SchemaPrefix prefix) {}

  static ContentRules requestRules(Perspective p) {
    return new ContentRules(
        p.rule(Rules.BODY_MEDIA_TYPE_REMOVED),
        p.rule(Rules.BODY_MEDIA_TYPE_ADDED),
        p.rule(Rules.BODY_MEDIA_TYPE_GENERALIZED),
        p.rule(Rules.BODY_SCHEMA_REMOVED),
        p.rule(Rules.BODY_SCHEMA_ADDED),
        p.requestBody());
  }

  static ContentRules responseRules(Perspective p) {
    return new ContentRules(
        p.rule(Rules.RESPONSE_MEDIA_TYPE_REMOVED),
        p.rule(Rules.RESPONSE_MEDIA_TYPE_ADDED),
        p.rule(Rules.RESPONSE_MEDIA_TYPE_GENERALIZED),
        p.rule(Rules.RESPONSE_SCHEMA_REMOVED),
        p.rule(Rules.RESPONSE_SCHEMA_ADDED),
        p.responseBody());
  }

  /** A request or response body: the object it is declared by, its media types, their anchor. */
  record Body(Node node, Map<String, Node> media, Node anchor) {}

  /** The request body and its media types. */
  Body requestBodyOf(Op op) {
    Node body = resolver.resolve(op.operation().get("requestBody"));
    return new Body(body, Nodes.media(body.get("content")), body.get("content"));
  }

  void requestBody(Op o, Op n, Perspective p) {
    String sig = o.signature();
    Body before = requestBodyOf(o);
    Body after = requestBodyOf(n);
    Node ob = before.node();
    Node nb = after.node();
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
    content(before, after, requestRules(p), sig + " request body", sig, "request.body");
  }

  /** Compares the media types of two bodies one by one; each media node holds its schema. */
  void content(
      Body before, Body after, ContentRules rules, String subject, String sig, String part) {
    Map<String, Node> oldMedia = before.media();
    Map<String, Node> newMedia = after.media();
    Node nc = after.anchor();
    for (Map.Entry<String, Node> e : oldMedia.entrySet()) {
      Node om = e.getValue();
      Node nm = newMedia.get(e.getKey());
      String media = e.getKey();
      String range = nm == null ? coveringRange(media, newMedia) : null;
      if (range != null) {
        nm = newMedia.get(range);
        sink.add(
            rules.mediaTypeGeneralized(),
            subject + ": media type '" + media + "' gave way to '" + range + "'",
            om,
            nm,
            sig,
            part);
      } else if (nm == null) {
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
      if (!oldMedia.containsKey(e.getKey()) && !coversAny(e.getKey(), oldMedia, newMedia)) {
        sink.add(
            rules.mediaTypeAdded(),
            subject + ": media type '" + e.getKey() + "' added",
            before.anchor(),
            e.getValue(),
            sig,
            part);
      }
    }
  }

  /** A media range of the new version ({@code *\/*}, {@code application/*}) covering a type. */
  private static String coveringRange(String type, Map<String, Node> media) {
    int slash = type.indexOf('/');
    String family = slash < 0 ? type : type.substring(0, slash);
    if (media.containsKey(family + "/*")) {
      return family + "/*";
    }
    return media.containsKey("*/*") ? "*/*" : null;
  }

  /** Whether a new range stands in for an old type already reported as generalized. */
  private static boolean coversAny(
      String range, Map<String, Node> oldMedia, Map<String, Node> newMedia) {
    return oldMedia.keySet().stream()
        .anyMatch(t -> !newMedia.containsKey(t) && range.equals(coveringRange(t, newMedia)));
  }
}
