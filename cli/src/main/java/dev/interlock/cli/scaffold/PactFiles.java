package dev.interlock.cli.scaffold;

import dev.interlock.cli.scaffold.AdapterModel.VendorUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first pact of each vendor a scaffolded adapter uses, in the two forms it takes: the Pact JVM
 * DSL of the consumer test, and the V3 pact file that test writes ({@code
 * pacts/<adapter>-<vendor>.json}), written at once so the manifest can list it and {@code interlock
 * verify} passes from the start. Both come from the same headers: the credential's shape (never a
 * real one) and the pinned version.
 */
public final class PactFiles {

  /** A request header the pact expects: a regex, and the example the consumer test sends. */
  record Header(String name, String regex, String example) {}

  private static final String TEST_TOKEN = "test-credential";

  private PactFiles() {}

  public static String fileName(AdapterModel model, VendorUse use) {
    return "pacts/" + model.name() + "-" + use.vendor() + ".json";
  }

  static String description(AdapterModel model, VendorUse use, PactCall call) {
    return "a request of " + model.name() + " to " + call.operationId();
  }

  static List<Header> headers(VendorUse use) {
    List<Header> out = new ArrayList<>();
    switch (use.auth().type()) {
      case "bearer" -> out.add(new Header("Authorization", "^Bearer .+$", "Bearer " + TEST_TOKEN));
      case "api-key", "apikey" ->
          out.add(
              new Header(
                  use.auth().settings().getOrDefault("header", "X-Api-Key"), "^.+$", TEST_TOKEN));
      default -> {
        // no credential header: the contract's operation is public, or basic auth (not scaffolded)
      }
    }
    use.versionHeader()
        .ifPresent(
            h ->
                out.add(
                    new Header(
                        h,
                        "^"
                            + use.apiVersion().replaceAll("[.+*?()\\[\\]{}|^$\\\\]", "\\\\$0")
                            + "$",
                        use.apiVersion())));
    return out;
  }

  /** The Java expression of the made-up credential the consumer test hands the runtime. */
  static String credentialsExpression(VendorUse use) {
    String reference = use.auth().settings().getOrDefault("credential", "env:UNUSED");
    return switch (use.auth().type()) {
      case "bearer" ->
          "Credentials.bearer(Secret.of(\""
              + TEST_TOKEN
              + "\", \""
              + AdapterSkeleton.javaEscape(reference)
              + "\"))";
      case "api-key", "apikey" ->
          "Credentials.apiKey(\""
              + AdapterSkeleton.javaEscape(
                  use.auth().settings().getOrDefault("header", "X-Api-Key"))
              + "\", Secret.of(\""
              + TEST_TOKEN
              + "\", \""
              + AdapterSkeleton.javaEscape(reference)
              + "\"))";
      default -> "Credentials.none()";
    };
  }

  /** The pact file the consumer test writes, as JSON. */
  public static String json(AdapterModel model, VendorUse use, PactCall call) {
    List<String> headers = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (Header h : headers(use)) {
      headers.add(Yaml.quote(h.name()) + ": " + Yaml.quote(h.example()));
      rules.add(
          Yaml.quote(h.name())
              + ": { \"matchers\": [ { \"match\": \"regex\", \"regex\": "
              + Yaml.quote(h.regex())
              + " } ], \"combine\": \"AND\" }");
    }
    return AdapterSkeleton.render(
        "pact.json",
        Map.of(
            "consumer", Yaml.quote(model.name()),
            "provider", Yaml.quote(use.vendor()),
            "description", Yaml.quote(description(model, use, call)),
            "method", Yaml.quote("GET"),
            "path", Yaml.quote(call.path()),
            "headers", String.join(", ", headers),
            "headerRules", String.join(", ", rules),
            "status", "200"));
  }
}
