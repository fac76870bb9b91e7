package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
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
public final class Problems {

  public static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Replies replies;
  private final boolean strict;

  /** {@code strict}: send only what the contract declares, even an empty body. */
  Problems(Replies replies, boolean strict) {
    this.replies = replies;
    this.strict = strict;
  }

  /** An RFC 9457 problem body. */
  public static ObjectNode body(int status, String title, String detail, ObjectNode extra) {
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
  public static Reply problem(int status, String title, String detail, ObjectNode extra) {
    return problem(status, body(status, title, detail, extra));
  }

  Reply error(OperationModel op, int status, String title, String detail, ObjectNode extra) {
    return error(op, status, title, detail, extra, null);
  }

  /**
   * As {@link #error(OperationModel, ErrorFacts, ObjectNode, String)} with no violations; the code
   * is {@code extra}'s {@code code} when it has one.
   */
  Reply error(
      OperationModel op,
      int status,
      String title,
      String detail,
      ObjectNode extra,
      String exampleHint) {
    String code =
        extra != null && extra.path("code").isTextual() ? extra.get("code").asText() : null;
    return error(op, ErrorFacts.of(status, title, detail, code), extra, exampleHint);
  }

  /**
   * An error as the contract describes it when it does: the declared body (the example whose name
   * resembles {@code exampleHint}, else the first, else a synthesized one) filled with the facts
   * ({@link ErrorBodies}), as far as the schema allows. Where the contract declares no body for the
   * status, an RFC 9457 problem with every violation, the one deliberate deviation from the
   * contract: an empty 400 tells a developer nothing. With strict errors, only what the contract
   * declares.
   */
  Reply error(OperationModel op, ErrorFacts facts, ObjectNode extra, String exampleHint) {
    int status = facts.status();
    ObjectNode ours = body(status, facts.title(), facts.detail(), extra);
    Optional<String> key = op.responseKeyFor(status);
    if (key.isEmpty()) {
      return strict ? Reply.of(status) : problem(status, ours);
    }
    String exampleName = exampleHint == null ? null : exampleNamed(op, key.get(), exampleHint);
    Responder.Content content = replies.declared(op, status, exampleName);
    if (content.body() == null) {
      Reply declaredOnly = Replies.render(status, content, null);
      return strict ? declaredOnly : problem(status, ours).withHeaders(content.headers());
    }
    JsonPointer schema = replies.responseSchema(op, status, content.mediaType());
    JsonNode schemaNode =
        schema == null ? MissingNode.getInstance() : op.version().tree().at(schema);
    JsonNode filled = new ErrorBodies(op.version().tree()).fill(content.body(), schemaNode, facts);
    List<JsonNode> candidates = new ArrayList<>();
    if (filled instanceof ObjectNode f) {
      ObjectNode withOurs = f.deepCopy();
      boolean problemShaped =
          content.mediaType() != null && content.mediaType().contains("problem");
      overlay(
          withOurs, problemShaped ? ours : extra, problemShaped, schemaNode, op.version().tree());
      candidates.add(withOurs);
    }
    candidates.add(filled);
    candidates.addAll(candidates(content.body(), ours, extra));
    for (JsonNode c : candidates) {
      if (schema == null || op.version().validate(schema, c).isEmpty()) {
        return Replies.render(status, content, c);
      }
    }
    return Replies.render(status, content, content.body());
  }

  /**
   * Lays our fields over the body: all of them on a problem shape, else those the body or its
   * schema names ({@code error}, {@code error_description} of OAuth 2).
   */
  private static void overlay(
      ObjectNode body, ObjectNode ours, boolean all, JsonNode schema, SpecTree tree) {
    if (ours == null) {
      return;
    }
    var declared = tree.properties(schema).keySet();
    ours.fields()
        .forEachRemaining(
            f -> {
              if (all || body.has(f.getKey()) || declared.contains(f.getKey())) {
                body.set(f.getKey(), f.getValue());
              }
            });
  }

  private static Reply problem(int status, ObjectNode body) {
    return Reply.of(status).withHeader("Content-Type", PROBLEM_JSON).withBody(body.toString());
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
  /**
   * Whether an error status the operation does not declare may still be answered, as RFC 9457
   * problem+json: the documented deviation, off under strict errors.
   */
  boolean answersUndeclared() {
    return !strict;
  }

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
