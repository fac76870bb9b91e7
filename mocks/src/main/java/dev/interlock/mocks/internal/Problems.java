package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The problems step: every refusal the sandbox makes (401, 404, 409, 429, 5xx...) in the shape the
 * contract declares for that status, else as RFC 9457 {@code application/problem+json}.
 */
final class Problems {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Replies replies;

  Problems(Replies replies) {
    this.replies = replies;
  }

  /** An RFC 9457 problem body. */
  static ObjectNode body(int status, String title, String detail, ObjectNode extra) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "about:blank");
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    if (extra != null) {
      p.setAll(extra);
    }
    return p;
  }

  /** An RFC 9457 problem reply. */
  static Reply problem(int status, String title, String detail, ObjectNode extra) {
    return Reply.of(status)
        .withHeader("Content-Type", PROBLEM_JSON)
        .withBody(body(status, title, detail, extra).toString());
  }

  Reply error(OperationModel op, int status, String title, String detail, ObjectNode extra) {
    return error(op, status, title, detail, extra, null);
  }

  /**
   * An error as the contract describes it when it does (the declared body with our details laid
   * over it, as far as the schema allows), else an RFC 9457 problem. {@code exampleHint} picks the
   * declared example whose name resembles it, when there is one.
   */
  Reply error(
      OperationModel op,
      int status,
      String title,
      String detail,
      ObjectNode extra,
      String exampleHint) {
    Optional<String> key = op.responseKeyFor(status);
    if (key.isEmpty()) {
      return problem(status, title, detail, extra);
    }
    String exampleName = exampleHint == null ? null : exampleNamed(op, key.get(), exampleHint);
    Responder.Content content = replies.declared(op, status, exampleName);
    if (content.body() == null) {
      return Replies.render(status, content, null);
    }
    JsonPointer schema = replies.responseSchema(op, status, content.mediaType());
    for (JsonNode c : candidates(content.body(), body(status, title, detail, extra), extra)) {
      if (schema == null || op.version().validate(schema, c).isEmpty()) {
        return Replies.render(status, content, c);
      }
    }
    return Replies.render(status, content, content.body());
  }

  /** The declared body with as much of ours laid over it as possible, most first. */
  private static List<JsonNode> candidates(JsonNode declared, ObjectNode ours, ObjectNode extra) {
    List<JsonNode> out = new ArrayList<>();
    if (!(declared instanceof ObjectNode d)) {
      return out;
    }
    ObjectNode all = d.deepCopy();
    all.setAll(ours);
    out.add(all);
    ObjectNode some = d.deepCopy();
    if (extra != null) {
      some.setAll(extra);
    }
    some.set("status", ours.get("status"));
    some.set("detail", ours.get("detail"));
    out.add(some);
    if (extra != null) {
      ObjectNode fewer = d.deepCopy();
      fewer.setAll(extra);
      out.add(fewer);
    }
    ObjectNode statusOnly = d.deepCopy();
    if (statusOnly.has("status")) {
      statusOnly.set("status", ours.get("status"));
    }
    out.add(statusOnly);
    return out;
  }

  /** Whether the operation declares what it answers for an unknown id. */
  static boolean declaresNotFound(OperationModel op) {
    return op.declares(404) || op.statuses().stream().anyMatch(s -> s.equalsIgnoreCase("4XX"));
  }

  Reply notFound(OperationModel op, String id) {
    return error(
        op, 404, "Not found", "No resource with id '" + id + "' exists in this sandbox.", null);
  }

  private static String exampleNamed(OperationModel op, String statusKey, String hint) {
    ContractVersion v = op.version();
    JsonNode response = v.tree().at(v.resolve(op.pointer(), "responses", statusKey));
    String h = hint.toLowerCase(Locale.ROOT);
    for (Iterator<JsonNode> media = response.path("content").elements(); media.hasNext(); ) {
      for (Iterator<String> names = media.next().path("examples").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains(h) || h.contains(n)) {
          return name;
        }
      }
    }
    return null;
  }
}
