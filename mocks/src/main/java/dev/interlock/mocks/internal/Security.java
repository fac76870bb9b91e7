package dev.interlock.mocks.internal;

import dev.interlock.mocks.SandboxOptions;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The security step: the operation's security requirements (else the document's), any one of which
 * satisfied lets the call through. API keys and bearer tokens are checked against the options' keys
 * when there are any; OAuth 2 client-credentials tokens must have been issued here. A refusal is
 * 401 with a {@code WWW-Authenticate} challenge per scheme.
 */
final class Security {

  private final SandboxOptions options;
  private final TokenStore tokens;
  private final Problems problems;

  Security(SandboxOptions options, TokenStore tokens, Problems problems) {
    this.options = options;
    this.tokens = tokens;
    this.problems = problems;
  }

  /** The 401 refusing the call, or empty when it may proceed. */
  Optional<Reply> check(OperationModel op, HttpCall call) {
    List<SecurityRequirement> requirements = op.operation().operation().getSecurity();
    if (requirements == null) {
      requirements = op.version().contract().model().getSecurity();
    }
    if (requirements == null || requirements.isEmpty()) {
      return Optional.empty();
    }
    Map<String, SecurityScheme> schemes = Credentials.schemes(op.version());
    Set<String> challenges = new LinkedHashSet<>();
    String failure = "No credentials were sent.";
    for (SecurityRequirement requirement : requirements) {
      if (requirement.isEmpty()) {
        return Optional.empty();
      }
      boolean all = true;
      for (String name : requirement.keySet()) {
        SecurityScheme scheme = schemes.get(name);
        if (scheme == null) {
          continue;
        }
        String problem = unsatisfied(scheme, call);
        if (problem != null) {
          all = false;
          challenges.add(challenge(scheme, op, problem));
          if (!problem.startsWith("missing")) {
            failure = problem;
          }
        }
      }
      if (all) {
        return Optional.empty();
      }
    }
    return Optional.of(
        problems
            .error(op, 401, "Unauthorized", failure, null)
            .withHeader("WWW-Authenticate", String.join(", ", challenges)));
  }

  /** Null when the scheme is satisfied, else why not ("missing ..." when nothing was sent). */
  private String unsatisfied(SecurityScheme scheme, HttpCall call) {
    switch (scheme.getType()) {
      case APIKEY -> {
        String value =
            switch (scheme.getIn() == null ? SecurityScheme.In.HEADER : scheme.getIn()) {
              case HEADER -> call.header(scheme.getName());
              case QUERY -> first(call.query().get(scheme.getName()));
              case COOKIE -> cookie(call, scheme.getName());
            };
        if (value == null || value.isBlank()) {
          return "missing API key " + scheme.getName();
        }
        return options.apiKeys().isEmpty() || options.apiKeys().contains(value)
            ? null
            : "The API key is not valid.";
      }
      case HTTP -> {
        String auth = call.header("Authorization");
        String wanted =
            scheme.getScheme() == null ? "bearer" : scheme.getScheme().toLowerCase(Locale.ROOT);
        if (auth == null || !auth.toLowerCase(Locale.ROOT).startsWith(wanted + " ")) {
          return "missing " + wanted + " credentials";
        }
        String value = auth.substring(wanted.length() + 1).trim();
        if (value.isEmpty()) {
          return "missing " + wanted + " credentials";
        }
        return wanted.equals("bearer") ? bearerProblem(value, false) : null;
      }
      case OAUTH2, OPENIDCONNECT -> {
        String auth = call.header("Authorization");
        if (auth == null
            || !auth.regionMatches(true, 0, "Bearer ", 0, 7)
            || auth.substring(7).isBlank()) {
          return "missing bearer token";
        }
        boolean issuedHere =
            scheme.getFlows() != null && scheme.getFlows().getClientCredentials() != null;
        return bearerProblem(auth.substring(7).trim(), issuedHere);
      }
      default -> {
        return null;
      }
    }
  }

  private String bearerProblem(String token, boolean mustBeIssuedHere) {
    TokenStore.State state = tokens.state(token);
    if (state == TokenStore.State.VALID) {
      return null;
    }
    if (state == TokenStore.State.EXPIRED) {
      return "The access token expired.";
    }
    if (options.apiKeys().contains(token)) {
      return null;
    }
    if (mustBeIssuedHere || !options.apiKeys().isEmpty()) {
      return "The access token is not valid.";
    }
    return null;
  }

  private static String challenge(SecurityScheme scheme, OperationModel op, String problem) {
    String realm = "realm=\"" + op.version().contract().title().replace("\"", "'") + "\"";
    String error =
        problem.startsWith("missing")
            ? ""
            : ", error=\"invalid_token\", error_description=\"" + problem + "\"";
    return switch (scheme.getType()) {
      case APIKEY ->
          "ApiKey "
              + realm
              + ", name=\""
              + scheme.getName()
              + "\", in=\""
              + (scheme.getIn() == null ? "header" : scheme.getIn().toString())
              + "\"";
      case HTTP -> {
        String s = scheme.getScheme() == null ? "Bearer" : scheme.getScheme();
        s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        yield s + " " + realm + (s.equals("Bearer") ? error : "");
      }
      default -> "Bearer " + realm + error;
    };
  }

  private static String cookie(HttpCall call, String name) {
    String header = call.header("Cookie");
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals(name)) {
        return kv[1];
      }
    }
    return null;
  }

  static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
