package dev.interlock.verifiers.conformance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the contract calls valid for one operation, built by {@link SampleRequests}. Values of
 * path, query, header and cookie parameters and the body are synthesized from their schemas
 * (deterministic per seed); credentials are placeholders ({@link #API_KEY}, {@link #ACCESS_TOKEN})
 * that {@link SampleRequests#send} replaces with ones the sandbox accepts.
 *
 * @param operationId the operation's id (or {@code METHOD path} when the contract names none)
 * @param method upper-case HTTP method
 * @param path the path to request, the first server's base path included, parameters filled in and
 *     percent-encoded
 * @param query query parameters, not encoded, in order
 * @param headers request headers (credentials, header parameters, {@code Cookie})
 * @param body the body, or null when the operation takes none
 * @param contentType the body's media type, or null when there is no body
 */
public record SampleRequest(
    String operationId,
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    String body,
    String contentType) {

  /** Placeholder for an API key; any non-empty key is accepted unless the sandbox lists keys. */
  public static final String API_KEY = "interlock-sample-api-key";

  /** Placeholder for a bearer or OAuth 2 access token; replaced by a token the sandbox issued. */
  public static final String ACCESS_TOKEN = "interlock-sample-access-token";

  public SampleRequest {
    Map<String, List<String>> q = new LinkedHashMap<>();
    query.forEach((k, v) -> q.put(k, List.copyOf(v)));
    query = Collections.unmodifiableMap(q);
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Path and encoded query: {@code /v1/orders?limit=10}. */
  public String pathAndQuery() {
    if (query.isEmpty()) {
      return path;
    }
    List<String> pairs = new ArrayList<>();
    query.forEach((k, values) -> values.forEach(v -> pairs.add(encode(k) + "=" + encode(v))));
    return path + "?" + String.join("&", pairs);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
