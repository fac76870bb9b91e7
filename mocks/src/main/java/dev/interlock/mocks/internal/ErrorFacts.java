package dev.interlock.mocks.internal;

import java.util.List;

/**
 * What an error reply says, before it takes the contract's shape.
 *
 * @param status the HTTP status
 * @param title a short summary ("The request does not match the contract")
 * @param detail what is wrong, in sentences a developer can act on
 * @param code our stable code for the error ({@code idempotency-key-reused}), or null
 * @param violations where the request is wrong, each with its pointer; empty for other errors
 * @param formRequest whether the request was a form, so a location is spelled {@code a[b][0]}
 *     rather than {@code a.b.0}
 */
record ErrorFacts(
    int status,
    String title,
    String detail,
    String code,
    List<Violation> violations,
    boolean formRequest) {

  ErrorFacts {
    violations = List.copyOf(violations);
  }

  static ErrorFacts of(int status, String title, String detail, String code) {
    return new ErrorFacts(status, title, detail, code, List.of(), false);
  }

  /**
   * The location of a violation as the client named it: the parameter or header name, or the body
   * path in the request's own notation; empty for the body as a whole.
   */
  String param(Violation v) {
    return param(v, formRequest);
  }

  /** As {@link #param(Violation)}, for a request that was a form or not. */
  static String param(Violation v, boolean formRequest) {
    String p = v.pointer();
    String[] parts = p.startsWith("/") ? p.substring(1).split("/", -1) : new String[] {p};
    if (parts.length < 2) {
      return "";
    }
    if (!parts[0].equals("body")) {
      return unescape(parts[1]);
    }
    StringBuilder b = new StringBuilder(unescape(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      String s = unescape(parts[i]);
      b.append(formRequest ? "[" + s + "]" : "." + s);
    }
    return b.toString();
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
