package dev.interlock.cli.scaffold;

import dev.interlock.core.contract.OpenApiContract;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The manifest's {@code auth} of a vendor, from the contract's security schemes: bearer, API key in
 * a header, HTTP basic, or OAuth 2 client credentials. Credentials are {@code env:} names derived
 * from the vendor id ({@code env:STRIPE_API_KEY}), never a value. Schemes are tried in the order
 * the document's {@code security} names them, then in declaration order; of those the manifest can
 * express, the first needing the fewest secrets wins.
 */
public final class AuthInference {

  /** The manifest fields of the auth chosen, in the order they are written. */
  public record Auth(Map<String, String> fields, Choice choice) {}

  private AuthInference() {}

  public static Optional<Auth> infer(OpenApiContract contract, String vendor) {
    Map<String, SecurityScheme> schemes =
        contract.model().getComponents() == null
                || contract.model().getComponents().getSecuritySchemes() == null
            ? Map.of()
            : contract.model().getComponents().getSecuritySchemes();
    // Among the schemes the manifest can express, the one needing the fewest secrets: a vendor
    // offering basic auth beside a token (Stripe: the key as user name) means the same key.
    String chosen = null;
    Map<String, String> chosenFields = null;
    for (String name : order(contract, schemes)) {
      Optional<Map<String, String>> fields = fields(schemes.get(name), Slugs.envName(vendor));
      if (fields.isPresent()
          && (chosenFields == null || secrets(fields.get()) < secrets(chosenFields))) {
        chosen = name;
        chosenFields = fields.get();
      }
    }
    if (chosen == null) {
      return Optional.empty();
    }
    List<String> skipped = new ArrayList<>();
    for (String name : order(contract, schemes)) {
      if (name.equals(chosen)) {
        continue;
      }
      SecurityScheme s = schemes.get(name);
      skipped.add(
          name
              + " ("
              + describe(s)
              + (fields(s, "X").isPresent()
                  ? ": needs more secrets)"
                  : ": not expressible in the manifest)"));
    }
    String reason =
        "securitySchemes."
            + chosen
            + " ("
            + describe(schemes.get(chosen))
            + ")"
            + (skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped))
            + " — set the env: variables before running against the real vendor";
    return Optional.of(
        new Auth(chosenFields, new Choice("auth", chosenFields.get("type"), reason)));
  }

  private static long secrets(Map<String, String> fields) {
    return fields.values().stream().filter(v -> v.startsWith("env:")).count();
  }

  private static Set<String> order(OpenApiContract contract, Map<String, SecurityScheme> schemes) {
    Set<String> names = new LinkedHashSet<>();
    if (contract.model().getSecurity() != null) {
      for (SecurityRequirement r : contract.model().getSecurity()) {
        r.keySet().stream().filter(schemes::containsKey).forEach(names::add);
      }
    }
    names.addAll(schemes.keySet());
    return names;
  }

  private static Optional<Map<String, String>> fields(SecurityScheme s, String env) {
    Map<String, String> f = new LinkedHashMap<>();
    if (s == null || s.getType() == null) {
      return Optional.empty();
    }
    switch (s.getType()) {
      case HTTP -> {
        if ("bearer".equalsIgnoreCase(s.getScheme())) {
          f.put("type", "bearer");
          f.put("credential", "env:" + env + "_API_KEY");
        } else if ("basic".equalsIgnoreCase(s.getScheme())) {
          f.put("type", "basic");
          f.put("username", "env:" + env + "_USERNAME");
          f.put("password", "env:" + env + "_PASSWORD");
        } else {
          return Optional.empty();
        }
      }
      case APIKEY -> {
        if (s.getIn() != SecurityScheme.In.HEADER || s.getName() == null) {
          return Optional.empty();
        }
        f.put("type", "api-key");
        f.put("header", s.getName());
        f.put("credential", "env:" + env + "_API_KEY");
      }
      case OAUTH2 -> {
        if (s.getFlows() == null || s.getFlows().getClientCredentials() == null) {
          return Optional.empty();
        }
        f.put("type", "oauth2-client-credentials");
        f.put("clientId", "env:" + env + "_CLIENT_ID");
        f.put("clientSecret", "env:" + env + "_CLIENT_SECRET");
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(f);
  }

  private static String describe(SecurityScheme s) {
    if (s == null || s.getType() == null) {
      return "undefined";
    }
    return switch (s.getType()) {
      case HTTP -> "http " + s.getScheme();
      case APIKEY -> "apiKey in " + s.getIn();
      case OAUTH2 -> "oauth2";
      case OPENIDCONNECT -> "openIdConnect";
      case MUTUALTLS -> "mutualTLS";
    };
  }
}
