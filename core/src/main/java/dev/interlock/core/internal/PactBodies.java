package dev.interlock.core.internal;

import dev.interlock.core.contract.PactInteraction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pact bodies in Interlock's terms: text as it is, anything else as base64. Shared by both readers.
 */
final class PactBodies {

  private PactBodies() {}

  static PactInteraction.Body of(byte[] bytes, String contentType) {
    boolean binary = !isText(contentType);
    String text =
        binary
            ? Base64.getEncoder().encodeToString(bytes)
            : new String(bytes, StandardCharsets.UTF_8);
    return new PactInteraction.Body(contentType, text, binary);
  }

  static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String ct = contentType.toLowerCase(Locale.ROOT);
    return ct.startsWith("text/")
        || ct.contains("json")
        || ct.contains("xml")
        || ct.contains("x-www-form-urlencoded")
        || ct.contains("javascript");
  }

  /** The first value of a header, its name compared case-insensitively; null when absent. */
  static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
