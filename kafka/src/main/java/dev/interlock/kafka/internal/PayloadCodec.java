package dev.interlock.kafka.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Payload bytes as the contract's content type says: JSON types ({@code application/json}, {@code
 * +json}) as UTF-8 JSON; {@code text/*} as the plain text of a string payload. Other types are
 * carried as UTF-8 JSON, since sandbox payloads are JSON values.
 */
public final class PayloadCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PayloadCodec() {}

  public static boolean isJson(String contentType) {
    String type = base(contentType);
    return type.isEmpty() || type.equals("application/json") || type.endsWith("+json");
  }

  /** The record value for a payload given as compact JSON. */
  public static byte[] encode(String contentType, String jsonPayload) {
    if (base(contentType).startsWith("text/")) {
      try {
        JsonNode node = JSON.readTree(jsonPayload);
        if (node.isTextual()) {
          return node.asText().getBytes(StandardCharsets.UTF_8);
        }
      } catch (JsonProcessingException e) {
        // not JSON after all: send it as it is
      }
    }
    return jsonPayload.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The payload of a record value as a JSON tree.
   *
   * @throws IllegalArgumentException when a JSON content type's bytes are not JSON (the message
   *     says where parsing stopped)
   */
  public static JsonNode decode(String contentType, byte[] value) {
    String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
    if (base(contentType).startsWith("text/")) {
      return TextNode.valueOf(text);
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("the record has no value (empty payload)");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the value is not JSON ("
              + e.getOriginalMessage()
              + " at column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  private static String base(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
