package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replies step: turns what the contract declares for a status (its example or a synthesized
 * body, its headers) into a {@link Reply}, and finds the schema a reply's body must match.
 */
final class Replies {

  static final String DEFAULT_MEDIA_TYPE = "application/json";

  private final Responder responder;
  private final Map<String, Optional<JsonPointer>> responseSchemas = new ConcurrentHashMap<>();

  Replies(Responder responder) {
    this.responder = responder;
  }

  Responder responder() {
    return responder;
  }

  /** The content the contract declares for the status, shared (its body must not be changed). */
  Responder.Content declared(OperationModel op, int status, String example) {
    return responder.shared(op, status, example);
  }

  /** The declared reply for a status, as the contract gives it. */
  Reply declaredReply(OperationModel op, int status, String example) {
    Responder.Content content = responder.shared(op, status, example);
    return render(status, content, content.body());
  }

  /** A reply with the content's headers and media type, and {@code body} (none when null). */
  static Reply render(int status, Responder.Content content, JsonNode body) {
    Reply r = Reply.of(status).withHeaders(content.headers());
    if (body == null) {
      return r;
    }
    boolean text = body.isTextual() && !content.mediaType().contains("json");
    String served =
        text ? body.asText() : body == content.body() ? content.text() : body.toString();
    return r.withHeader("Content-Type", mediaType(content)).withBody(served);
  }

  /** The reply of {@link #render} with an already serialized body. */
  static Reply renderText(int status, Responder.Content content, String body) {
    return Reply.of(status)
        .withHeaders(content.headers())
        .withHeader("Content-Type", mediaType(content))
        .withBody(body);
  }

  /** The content's media type, JSON where the contract names none or a wildcard. */
  static String mediaType(Responder.Content content) {
    return content.mediaType() == null || content.mediaType().contains("*")
        ? DEFAULT_MEDIA_TYPE
        : content.mediaType();
  }

  /** The schema of the operation's response for a status and media type, or null. */
  JsonPointer responseSchema(OperationModel op, int status, String mediaType) {
    if (mediaType == null) {
      return null;
    }
    String cacheKey =
        op.version().label() + "|" + op.pointer().value() + "|" + status + "|" + mediaType;
    return responseSchemas
        .computeIfAbsent(cacheKey, k -> Optional.ofNullable(find(op, status, mediaType)))
        .orElse(null);
  }

  private static JsonPointer find(OperationModel op, int status, String mediaType) {
    Optional<String> key = op.responseKeyFor(status);
    if (key.isEmpty()) {
      return null;
    }
    ContractVersion v = op.version();
    JsonPointer response = v.resolve(op.pointer(), "responses", key.get());
    JsonPointer schema = v.resolve(response.append("content").append(mediaType), "schema");
    return v.tree().at(schema).isMissingNode() ? null : schema;
  }

  /** The example a client asked for with {@code Prefer: example=NAME}, or null. */
  static String preferredExample(HttpCall call) {
    List<String> prefer = call.headers().get("Prefer");
    if (prefer == null) {
      return null;
    }
    for (String header : prefer) {
      for (String part : header.split("[;,]")) {
        String p = part.trim();
        if (p.startsWith("example=")) {
          return p.substring("example=".length()).replace("\"", "");
        }
      }
    }
    return null;
  }
}
