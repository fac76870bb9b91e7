package dev.interlock.mocks.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the engine answers: status, headers, body, and optionally a delay or a connection reset,
 * with the operation and version that answered. Immutable: each step that adds to a reply makes a
 * new one, so a reply stored for an idempotent replay or held by the journal never changes.
 */
public record Reply(
    int status,
    Map<String, String> headers,
    String body,
    long delayMillis,
    boolean reset,
    String operationId,
    String version) {

  public Reply {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? "" : body;
  }

  /** A reply with this status, no headers and no body. */
  public static Reply of(int status) {
    return new Reply(status, Map.of(), "", 0, false, null, null);
  }

  /** A dropped connection. */
  public static Reply connectionReset() {
    return new Reply(0, Map.of(), "", 0, true, null, null);
  }

  /** The value of a header, or null. */
  public String header(String name) {
    return headers.get(name);
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, h, body, delayMillis, reset, operationId, version);
  }

  /** Adds the headers, each replacing one of the same name. */
  public Reply withHeaders(Map<String, String> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(more);
    return new Reply(status, h, body, delayMillis, reset, operationId, version);
  }

  /** Adds the header unless the reply has one of that name already. */
  public Reply withHeaderIfAbsent(String name, String value) {
    return headers.containsKey(name) ? this : withHeader(name, value);
  }

  public Reply withBody(String text) {
    return new Reply(status, headers, text, delayMillis, reset, operationId, version);
  }

  public Reply withDelay(long millis) {
    return new Reply(status, headers, body, millis, reset, operationId, version);
  }

  /** The reply as answered by an operation of a contract version. */
  public Reply answeredBy(String operation, String versionLabel) {
    return new Reply(status, headers, body, delayMillis, reset, operation, versionLabel);
  }
}
