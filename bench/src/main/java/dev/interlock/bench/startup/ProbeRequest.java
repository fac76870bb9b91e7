package dev.interlock.bench.startup;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request whose answer ends the start-up measurement: the first GET of the contract that needs
 * no parameter, with a credential for its first security requirement. It goes through the whole
 * request path (routing, security, validation), so its 2xx is a validated answer; it is chosen by
 * that rule alone, never by vendor.
 *
 * @param path the path, the first server's base path included
 * @param headers credentials as the contract's security scheme wants them
 */
public record ProbeRequest(String path, Map<String, String> headers) {

  /** A placeholder credential: the sandbox accepts any well-formed one unless it lists keys. */
  private static final String SECRET = "interlock-startup-probe";

  public static ProbeRequest of(OpenApiContract contract) {
    OpenApiOperation op =
        contract.operations().stream()
            .filter(o -> o.method().equalsIgnoreCase("GET"))
            .filter(o -> !o.path().contains("{"))
            .filter(o -> requiredParameters(o) == 0)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        contract.file() + ": no GET operation without required parameters"));
    return new ProbeRequest(basePath(contract) + op.path(), credentials(contract, op));
  }

  private static long requiredParameters(OpenApiOperation op) {
    List<Parameter> params = op.operation().getParameters();
    return params == null
        ? 0
        : params.stream().filter(p -> Boolean.TRUE.equals(p.getRequired())).count();
  }

  private static String basePath(OpenApiContract contract) {
    if (contract.model().getServers() == null || contract.model().getServers().isEmpty()) {
      return "";
    }
    String url = contract.model().getServers().get(0).getUrl();
    String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Map<String, String> credentials(OpenApiContract contract, OpenApiOperation op) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<SecurityRequirement> requirements =
        Optional.ofNullable(op.operation().getSecurity()).orElse(contract.model().getSecurity());
    if (requirements == null
        || requirements.isEmpty()
        || contract.model().getComponents() == null) {
      return headers;
    }
    Map<String, SecurityScheme> schemes = contract.model().getComponents().getSecuritySchemes();
    for (String name : requirements.get(0).keySet()) {
      SecurityScheme scheme = schemes == null ? null : schemes.get(name);
      if (scheme == null || scheme.getType() == null) {
        continue;
      }
      switch (scheme.getType()) {
        case APIKEY -> headers.put(scheme.getName(), SECRET);
        case HTTP ->
            headers.put(
                "Authorization",
                "basic".equalsIgnoreCase(scheme.getScheme())
                    ? "Basic "
                        + Base64.getEncoder()
                            .encodeToString((SECRET + ":").getBytes(StandardCharsets.UTF_8))
                    : "Bearer " + SECRET);
        default -> headers.put("Authorization", "Bearer " + SECRET);
      }
    }
    return headers;
  }
}
