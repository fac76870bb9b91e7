package dev.interlock.mocks;

import java.time.Instant;
import java.util.Map;

/**
 * One exchange a sandbox received and answered, with secrets already redacted. {@code operationId}
 * and {@code version} are null when the request matched no operation.
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
    boolean fault) {

  public JournalEntry {
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
  }
}
