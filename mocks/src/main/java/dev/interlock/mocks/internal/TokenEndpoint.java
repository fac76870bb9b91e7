package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.mocks.SandboxOptions;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OAuth 2 token endpoint step: at the {@code tokenUrl} of a client-credentials flow, a POST
 * with {@code grant_type=client_credentials} and the client's id and secret (form or JSON body, or
 * HTTP Basic) gets an access token the operations accept, in the shape of the contract's token
 * operation when it declares one.
 */
final class TokenEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxOptions options;
  private final TokenStore tokens;
  private final Replies replies;
  private final Problems problems;
  private final String path;

  TokenEndpoint(
      List<ContractVersion> versions,
      SandboxOptions options,
      TokenStore tokens,
      Replies replies,
      Problems problems) {
    this.options = options;
    this.tokens = tokens;
    this.replies = replies;
    this.problems = problems;
    this.path = tokenPath(versions);
  }

  /** Whether the call asks this endpoint for a token. */
  boolean handles(HttpCall call) {
    return path != null && call.path().equals(path) && call.method().equals("POST");
  }

  /** The token or the OAuth 2 error; {@code op} is the contract's token operation, or null. */
  Reply issue(HttpCall call, OperationModel op) {
    Map<String, List<String>> form = form(call);
    String clientId = Security.first(form.get("client_id"));
    String secret = Security.first(form.get("client_secret"));
    String basic = call.header("Authorization");
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decoded.substring(0, colon);
        secret = decoded.substring(colon + 1);
      }
    }
    if (!"client_credentials".equals(Security.first(form.get("grant_type")))) {
      return error(
          op, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
    }
    boolean known =
        clientId != null
            && !clientId.isBlank()
            && secret != null
            && !secret.isBlank()
            && (options.clients().isEmpty() || secret.equals(options.clients().get(clientId)));
    if (!known) {
      return error(op, 401, "invalid_client", "Client authentication failed.")
          .withHeader("WWW-Authenticate", "Basic realm=\"token\"");
    }
    String token = tokens.issue(options.tokenLifetime(), clientId);
    ObjectNode body = JSON.createObjectNode();
    int status = 200;
    Map<String, String> headers = Map.of();
    String mediaType = Replies.DEFAULT_MEDIA_TYPE;
    if (op != null) {
      status = op.successStatus();
      Responder.Content c = replies.responder().content(op, status, null);
      if (c.body() instanceof ObjectNode o) {
        body = o;
      }
      headers = c.headers();
      mediaType = c.mediaType() == null ? mediaType : c.mediaType();
    }
    body.put("access_token", token);
    body.put(
        "token_type",
        body.path("token_type").isTextual() ? body.get("token_type").asText() : "Bearer");
    body.put("expires_in", options.tokenLifetime().toSeconds());
    String scope = Security.first(form.get("scope"));
    if (scope != null && body.has("scope")) {
      body.put("scope", scope);
    }
    Reply r =
        Reply.of(status)
            .withHeaders(headers)
            .withHeader("Content-Type", mediaType)
            .withHeader("Cache-Control", "no-store")
            .withBody(body.toString());
    return op == null ? r : r.answeredBy(op.id(), op.version().label());
  }

  /**
   * The token request's fields, read by the one body parser ({@link RequestBodies}): a form (RFC
   * 6749 4.4.2) unless the client says JSON or multipart.
   */
  private static Map<String, List<String>> form(HttpCall call) {
    String type = call.contentType();
    JsonNode body =
        RequestBodies.untyped(
            type.contains("json") || type.startsWith("multipart/")
                ? call.header("Content-Type")
                : "application/x-www-form-urlencoded",
            call.body());
    Map<String, List<String>> form = new LinkedHashMap<>();
    body.fields()
        .forEachRemaining(
            f -> {
              List<String> values = new ArrayList<>();
              if (f.getValue().isArray()) {
                f.getValue().forEach(v -> values.add(v.asText()));
              } else {
                values.add(f.getValue().asText());
              }
              form.put(f.getKey(), values);
            });
    return form;
  }

  private Reply error(OperationModel op, int status, String error, String description) {
    ObjectNode extra = JSON.createObjectNode();
    extra.put("error", error);
    extra.put("error_description", description);
    if (op == null) {
      return Reply.of(status)
          .withHeader("Content-Type", Replies.DEFAULT_MEDIA_TYPE)
          .withBody(extra.toString());
    }
    return problems.error(op, status, description, description, extra);
  }

  private static String tokenPath(List<ContractVersion> versions) {
    for (ContractVersion v : versions) {
      for (SecurityScheme s : Credentials.schemes(v).values()) {
        if (s.getType() == SecurityScheme.Type.OAUTH2
            && s.getFlows() != null
            && s.getFlows().getClientCredentials() != null
            && s.getFlows().getClientCredentials().getTokenUrl() != null) {
          String url = s.getFlows().getClientCredentials().getTokenUrl();
          String p = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
          return p.isEmpty() ? "/" : p;
        }
      }
    }
    return null;
  }
}
