package dev.interlock.mocks.internal;

import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom rate limits, concurrency limits and idempotency keys are scoped to: the credential sent,
 * except that a token this sandbox issued stands for its OAuth 2 client, as a vendor scopes them to
 * the account rather than the token. So a refreshed token, or the new token of a restarted adapter,
 * still finds the client's idempotency keys and replays instead of repeating.
 */
final class Credentials {

  private final TokenStore tokens;

  /** The headers that carry an API key in any version's security schemes. */
  private final Set<String> apiKeyHeaders = new LinkedHashSet<>();

  Credentials(List<ContractVersion> versions, TokenStore tokens) {
    this.tokens = tokens;
    for (ContractVersion v : versions) {
      for (SecurityScheme s : schemes(v).values()) {
        if (s.getType() == SecurityScheme.Type.APIKEY && s.getIn() == SecurityScheme.In.HEADER) {
          apiKeyHeaders.add(s.getName());
        }
      }
    }
  }

  String of(HttpCall call) {
    String auth = call.header("Authorization");
    if (auth != null) {
      if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String client = tokens.clientOf(auth.substring(7).trim());
        if (client != null) {
          return "client:" + client;
        }
      }
      return auth;
    }
    for (String header : apiKeyHeaders) {
      String key = call.header(header);
      if (key != null) {
        return key;
      }
    }
    return "ip:" + call.clientIp();
  }

  /** The security schemes a version declares, by name. */
  static Map<String, SecurityScheme> schemes(ContractVersion v) {
    var components = v.contract().model().getComponents();
    if (components == null || components.getSecuritySchemes() == null) {
      return Map.of();
    }
    return components.getSecuritySchemes();
  }
}
