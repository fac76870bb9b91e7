package dev.interlock.junit5;

import dev.interlock.mocks.JournalEntry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which journal entries a test looks for, in the spirit of WireMock's {@code
 * postRequestedFor(...)}: a method (or any), a path pattern, and optionally headers, the status
 * answered and the operation.
 *
 * <p>The path pattern is the request's path without its query: literal segments match themselves; a
 * {@code {name}} or {@code *} segment matches any one segment ({@code /v1/charges/{chargeId}}); a
 * final {@code /**} matches whatever follows. A pattern with a {@code ?} is matched against the
 * path and query together. Header values are compared as journalled: secrets are already redacted
 * there, so match {@code Authorization} by presence ({@link #withHeader(String)}).
 *
 * <pre>{@code
 * postRequestedFor("/v1/charges").withHeader("Idempotency-Key", "order-sync:createCharge:ord_1").withStatus(201)
 * }</pre>
 */
public final class RequestPattern {

  private final String method;
  private final String path;
  private final Pattern regex;
  private final Map<String, String> headers;
  private final Integer status;
  private final String operationId;

  private RequestPattern(
      String method, String path, Map<String, String> headers, Integer status, String operationId) {
    this.method = method;
    this.path = Objects.requireNonNull(path, "path");
    this.regex = compile(path);
    this.headers = headers;
    this.status = status;
    this.operationId = operationId;
  }

  /** Requests with this method ({@code POST}, any case) to the path pattern. */
  public static RequestPattern requestedFor(String method, String path) {
    return new RequestPattern(method.toUpperCase(Locale.ROOT), path, Map.of(), null, null);
  }

  /** Requests with any method to the path pattern. */
  public static RequestPattern anyRequestedFor(String path) {
    return new RequestPattern(null, path, Map.of(), null, null);
  }

  /** Every request. */
  public static RequestPattern anyRequest() {
    return anyRequestedFor("/**");
  }

  public static RequestPattern getRequestedFor(String path) {
    return requestedFor("GET", path);
  }

  public static RequestPattern postRequestedFor(String path) {
    return requestedFor("POST", path);
  }

  public static RequestPattern putRequestedFor(String path) {
    return requestedFor("PUT", path);
  }

  public static RequestPattern patchRequestedFor(String path) {
    return requestedFor("PATCH", path);
  }

  public static RequestPattern deleteRequestedFor(String path) {
    return requestedFor("DELETE", path);
  }

  /** Only requests that carried the header with exactly this value (name in any case). */
  public RequestPattern withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, Objects.requireNonNull(value, "value"));
    return new RequestPattern(method, path, more, status, operationId);
  }

  /** Only requests that carried the header, whatever its value. */
  public RequestPattern withHeader(String name) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, null);
    return new RequestPattern(method, path, more, status, operationId);
  }

  /** Only requests the sandbox answered with this status. */
  public RequestPattern withStatus(int answered) {
    return new RequestPattern(method, path, headers, answered, operationId);
  }

  /** Only requests routed to this operation of the contract ({@code createCharge}). */
  public RequestPattern withOperationId(String id) {
    return new RequestPattern(method, path, headers, status, id);
  }

  public boolean matches(JournalEntry entry) {
    if (method != null && !method.equalsIgnoreCase(entry.method())) {
      return false;
    }
    String url = entry.url();
    String target = path.contains("?") ? url : withoutQuery(url);
    if (!regex.matcher(target).matches()) {
      return false;
    }
    if (status != null && status != entry.status()) {
      return false;
    }
    if (operationId != null && !operationId.equals(entry.operationId())) {
      return false;
    }
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String actual = header(entry, h.getKey());
      if (actual == null || (h.getValue() != null && !h.getValue().equals(actual))) {
        return false;
      }
    }
    return true;
  }

  /** {@code POST /v1/charges with Idempotency-Key: k answered 201}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(method == null ? "any request to" : method);
    b.append(' ').append(path);
    if (operationId != null) {
      b.append(" (").append(operationId).append(')');
    }
    String with = " with ";
    for (Map.Entry<String, String> h : headers.entrySet()) {
      b.append(with).append(h.getKey());
      if (h.getValue() != null) {
        b.append(": ").append(h.getValue());
      }
      with = ", ";
    }
    if (status != null) {
      b.append(" answered ").append(status);
    }
    return b.toString();
  }

  private static String header(JournalEntry entry, String name) {
    for (Map.Entry<String, String> e : entry.requestHeaders().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /** Segments to a regex: {@code {x}} and {@code *} one segment, a final {@code /**} the rest. */
  private static Pattern compile(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException(
          "a request path pattern starts with '/': '" + path + "' (e.g. /v1/charges/{id})");
    }
    String rest = path;
    String tail = "";
    if (rest.equals("/**")) {
      return Pattern.compile("/.*");
    }
    if (rest.endsWith("/**")) {
      rest = rest.substring(0, rest.length() - 3);
      tail = "(/.*)?";
    }
    StringBuilder regex = new StringBuilder();
    for (String segment : rest.substring(1).split("/", -1)) {
      regex.append('/');
      if (segment.equals("*") || (segment.startsWith("{") && segment.endsWith("}"))) {
        regex.append("[^/?]+");
      } else {
        regex.append(Pattern.quote(segment));
      }
    }
    return Pattern.compile(regex + tail);
  }
}
