package dev.interlock.compat.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.compat.InteractionRef;
import dev.interlock.compat.Mismatch;
import dev.interlock.compat.Side;
import dev.interlock.compat.internal.BodyCheck;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP interaction under check against one contract: the two documents, the interaction's
 * header values as the pact file writes them, where its parts are, and the mismatches found so far
 * on each side. The checks of this package add to it; {@link HttpInteractionCheck} reads it out.
 */
final class Exchange {
  final SourceDocument doc;
  final BodyCheck bodies;
  final PactContract pact;
  final SourceDocument pactDoc;
  final PactInteraction.Http http;
  final InteractionRef ref;
  final List<Mismatch> request = new ArrayList<>();
  final List<Mismatch> response = new ArrayList<>();
  final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  Exchange(
      SourceDocument doc,
      BodyCheck bodies,
      PactContract pact,
      PactInteraction.Http http,
      int position) {
    this.doc = doc;
    this.bodies = bodies;
    this.pact = pact;
    this.pactDoc = pact.source();
    this.http = http;
    this.ref =
        new InteractionRef(
            http.description(), position, http.pointer(), pactDoc.locate(http.pointer()));
    rawHeaders("request", http.request().headers(), headers);
    rawHeaders("response", http.response().headers(), responseHeaders);
  }

  /**
   * Header values as written in the pact file: Pact JVM splits comma-separated values into lists,
   * which is wrong for headers that are not lists.
   */
  private void rawHeaders(String side, Map<String, List<String>> model, Map<String, String> into) {
    JsonNode raw = pactDoc.at(http.pointer().append(side).append("headers"));
    if (raw.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        into.put(e.getKey(), text(e.getValue()));
      }
      return;
    }
    model.forEach((k, v) -> into.put(k, String.join(", ", v)));
  }

  private String text(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(p -> parts.add(p.asText()));
      return String.join(", ", parts);
    }
    return v.asText();
  }

  String evidence(String side) {
    JsonNode n = pactDoc.at(http.pointer().append(side));
    return n.isMissingNode() ? null : n.toString();
  }

  List<String> keys(JsonPointer p) {
    return fieldNames(doc.at(p));
  }

  List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  SourceLocation specAt(JsonPointer p) {
    return doc.locate(p);
  }

  SourceLocation pactAt(String... tokens) {
    JsonPointer p = http.pointer();
    for (String t : tokens) {
      p = p.append(t);
    }
    return locateExisting(p);
  }

  SourceLocation pactHeader(String side, String name) {
    JsonNode raw = pactDoc.at(http.pointer().append(side).append("headers"));
    for (Iterator<String> it = raw.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (k.equalsIgnoreCase(name)) {
        return locateExisting(http.pointer().append(side).append("headers").append(k));
      }
    }
    return pactAt(side, "headers");
  }

  SourceLocation pactBody(String side, JsonPointer inBody) {
    JsonPointer body = http.pointer().append(side).append("body");
    JsonNode b = pactDoc.at(body);
    if (b.isObject() && b.has("content") && pact.specVersion().startsWith("4")) {
      body = body.append("content");
    }
    return locateExisting(new JsonPointer(body.value() + inBody.value()));
  }

  private SourceLocation locateExisting(JsonPointer p) {
    JsonPointer at = p;
    while (!at.isRoot() && pactDoc.at(at).isMissingNode()) {
      at = at.parent();
    }
    SourceLocation l = pactDoc.locate(at);
    return new SourceLocation(l.file(), l.line(), l.column(), p);
  }

  Mismatch mismatch(
      String code,
      Side side,
      String message,
      SourceLocation pactLocation,
      JsonPointer payload,
      SourceLocation specLocation,
      String expected,
      String actual) {
    return new Mismatch(
        code,
        Severity.ERROR,
        side,
        message,
        ref,
        pactLocation,
        payload,
        specLocation,
        expected,
        actual);
  }

  static String abbreviate(String s) {
    if (s == null) {
      return null;
    }
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
