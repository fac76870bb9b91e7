package dev.interlock.adapters.internal;

import java.util.List;
import java.util.Map;

/** The OAuth 2 token endpoint did not give a token; status 0 when it did not answer. */
public final class TokenFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, List<String>> headers;
  private final String body;

  public TokenFailure(int status, Map<String, List<String>> headers, String body, Throwable cause) {
    super("token request failed" + (status > 0 ? " with " + status : ""), cause);
    this.status = status;
    this.headers = headers == null ? Map.of() : headers;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public String body() {
    return body;
  }
}
