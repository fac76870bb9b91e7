package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place a request body becomes the tree that is validated, merged into state and compared
 * for idempotent replays. Today: JSON, else the body as one string. A parser that knows the
 * contract's media types (form, multipart) replaces {@link #read} and nothing else.
 */
final class RequestBodyReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestBodyReader() {}

  /** The body of a call to an operation as a tree. */
  static JsonNode read(OperationModel op, HttpCall call) {
    return parseOrText(call.body());
  }

  private static JsonNode parseOrText(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n == null ? JSON.getNodeFactory().textNode("") : n;
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
