package dev.interlock.mocks.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine answers: status, headers, body, and optionally a delay or a connection reset,
 * with the operation and version that answered, the request's violations of its contract and what
 * was tolerated in it. Immutable: each step that adds to a reply makes a new one, so a reply stored
 * for an idempotent replay or held by the journal never changes.
 */
public record Reply(
    int status,
    Map<String, String> headers,
    String body,
    long delayMillis,
    boolean reset,
    String operationId,
    String version,
    List<Violation> violations,
    List<Warning> warnings) {

  public Reply {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? "" : body;
    violations = violations == null ? List.of() : List.copyOf(violations);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A reply with this status, no headers and no body. */
  public static Reply of(int status) {
    return new Reply(status, Map.of(), "", 0, false, null, null, List.of(), List.of());
  }

  /** A dropped connection. */
  public static Reply connectionReset() {
    return new Reply(0, Map.of(), "", 0, true, null, null, List.of(), List.of());
  }

  /** The value of a header, or null. */
  public String header(String name) {
    return headers.get(name);
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(
        status, h, body, delayMillis, reset, operationId, version, violations, warnings);
  }

  /** Adds the headers, each replacing one of the same name. */
  public Reply withHeaders(Map<String, String> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(more);
    return new Reply(
        status, h, body, delayMillis, reset, operationId, version, violations, warnings);
  }

  /** Adds the header unless the reply has one of that name already. */
  public Reply withHeaderIfAbsent(String name, String value) {
    return headers.containsKey(name) ? this : withHeader(name, value);
  }

  public Reply withBody(String text) {
    return new Reply(
        status, headers, text, delayMillis, reset, operationId, version, violations, warnings);
  }

  public Reply withDelay(long millis) {
    return new Reply(
        status, headers, body, millis, reset, operationId, version, violations, warnings);
  }

  /** The reply with the ways the request departed from the contract, for the journal. */
  public Reply withViolations(List<Violation> found) {
    return new Reply(
        status, headers, body, delayMillis, reset, operationId, version, found, warnings);
  }

  /** The reply with what the sandbox tolerated in the request, for the journal. */
  public Reply withWarnings(List<Warning> tolerated) {
    if (tolerated.isEmpty() && warnings.isEmpty()) {
      return this;
    }
    return new Reply(
        status, headers, body, delayMillis, reset, operationId, version, violations, tolerated);
  }

  /** The reply as answered by an operation of a contract version. */
  public Reply answeredBy(String operation, String versionLabel) {
    return new Reply(
        status, headers, body, delayMillis, reset, operation, versionLabel, violations, warnings);
  }
}
