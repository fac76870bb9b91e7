package dev.interlock.mocks.internal.pact;

import dev.interlock.mocks.internal.HttpCall;
import dev.interlock.mocks.internal.Reply;

/**
 * CORS for a stub a browser calls (pact-stub-server's {@code --cors}): a preflight that no
 * interaction answers is allowed, and every answer says which origin may read it.
 */
final class Cors {

  private static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

  private Cors() {}

  static boolean isPreflight(HttpCall call) {
    return call.method().equals("OPTIONS")
        && call.header("Origin") != null
        && call.header("Access-Control-Request-Method") != null;
  }

  static Reply preflight(HttpCall call) {
    String headers = call.header("Access-Control-Request-Headers");
    Reply r =
        Reply.of(204)
            .withHeader("Access-Control-Allow-Methods", METHODS)
            .withHeader("Access-Control-Max-Age", "3600");
    if (headers != null) {
      r = r.withHeader("Access-Control-Allow-Headers", headers);
    }
    return decorate(call, r);
  }

  /** The answer with the origin allowed, unless the interaction set CORS headers itself. */
  static Reply decorate(HttpCall call, Reply reply) {
    boolean own =
        reply.headers().keySet().stream()
            .anyMatch(k -> k.equalsIgnoreCase("Access-Control-Allow-Origin"));
    if (own) {
      return reply;
    }
    String origin = call.header("Origin");
    Reply r = reply.withHeader("Access-Control-Allow-Origin", origin == null ? "*" : origin);
    return origin == null
        ? r
        : r.withHeader("Access-Control-Allow-Credentials", "true")
            .withHeaderIfAbsent("Vary", "Origin");
  }
}
