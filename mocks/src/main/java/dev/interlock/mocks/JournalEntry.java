package dev.interlock.mocks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One exchange a sandbox received and answered, with secrets already redacted. {@code operationId}
 * and {@code version} are null when the request matched no operation; {@code violations} says how a
 * request the sandbox refused as invalid departed from its contract, each with its pointer.
 */
public record JournalEntry(
    Instant at,
    String method,
    String url,
    String operationId,
    String version,
    Map<String, String> requestHeaders,
    String requestBody,
    int status,
    Map<String, String> responseHeaders,
    String responseBody,
    boolean fault,
    List<Violation> violations) {

  /**
   * One way a request departed from its contract.
   *
   * @param pointer where: {@code /body/items/0/quantity}, {@code /query/limit}
   * @param message what is wrong
   * @param code the stable key of the rule ({@code validation.request.body.schema.minimum})
   */
  public record Violation(String pointer, String message, String code) {}

  public JournalEntry {
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
    violations = List.copyOf(violations);
  }
}
