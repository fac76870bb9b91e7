package dev.interlock.cli;

import dev.interlock.broker.BrokerAuth;
import dev.interlock.broker.BrokerConnection;
import dev.interlock.broker.BrokerException;
import dev.interlock.broker.PactBroker;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.core.manifest.ManifestReader;
import dev.interlock.core.secrets.SecretReference;
import dev.interlock.core.secrets.SecretSources;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Where the Pact Broker is and how to authenticate: flags first, then the manifest's {@code
 * broker:} block, then the Pact ecosystem's variables {@code PACT_BROKER_BASE_URL} and {@code
 * PACT_BROKER_TOKEN}. Credentials are references only ({@code env:NAME}, {@code file:PATH}).
 */
public class BrokerConnectionOptions {

  @Option(
      names = "--broker",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "URL",
      description =
          "The Pact Broker's base URL; alone, the manifest's broker.url (or PACT_BROKER_BASE_URL).")
  String brokerUrl;

  @Option(
      names = "--broker-token",
      paramLabel = "REF",
      description =
          "Bearer token reference: env:NAME or file:PATH (default: env:PACT_BROKER_TOKEN when set).")
  String token;

  @Option(names = "--broker-username", paramLabel = "NAME", description = "Basic-auth user.")
  String username;

  @Option(
      names = "--broker-password",
      paramLabel = "REF",
      description = "Basic-auth password reference: env:NAME or file:PATH.")
  String password;

  @Option(
      names = "--broker-header",
      paramLabel = "NAME:VALUE",
      description = "An extra header for every broker request (a proxy's); repeatable.")
  List<String> extraHeaders = new ArrayList<>();

  /** Whether the command line asked for the broker at all. */
  boolean requested() {
    return brokerUrl != null;
  }

  /** The manifest's broker block, when the contracts folder has a manifest with one. */
  static Optional<Manifest.Broker> manifestBroker(Path contracts) {
    Path file = contracts.resolve("interlock.yaml");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<Diagnostic> problems = new ArrayList<>();
    Optional<Manifest> manifest =
        new DocumentReader()
            .read(file)
            .document()
            .flatMap(doc -> new ManifestReader().read(doc, problems));
    if (manifest.isEmpty()) {
      throw new UsageException(
          "the manifest cannot be used:\n"
              + DiagnosticRenderer.relativeToWorkingDirectory().render(problems).stripTrailing());
    }
    return manifest.get().broker();
  }

  /** Connects to the broker; {@code say} gets the broker's notices, redacted. */
  PactBroker connect(Path contracts, Map<String, String> env, Consumer<String> say) {
    Optional<Manifest.Broker> fromManifest = manifestBroker(contracts);
    String url =
        firstOf(
                brokerUrl == null || brokerUrl.isBlank() ? null : brokerUrl,
                fromManifest.map(Manifest.Broker::url).orElse(null),
                env.get("PACT_BROKER_BASE_URL"))
            .orElseThrow(
                () ->
                    new UsageException(
                        "no broker URL: pass --broker URL, or set broker.url in "
                            + contracts.resolve("interlock.yaml")
                            + " or PACT_BROKER_BASE_URL"));
    SecretSources secrets = SecretSources.environment(env, contracts.toAbsolutePath().normalize());
    BrokerAuth auth;
    try {
      auth = auth(fromManifest, env, secrets);
      return PactBroker.connect(
          BrokerConnection.of(URI.create(url.strip())).withAuth(auth).withHeaders(headers()), say);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private BrokerAuth auth(
      Optional<Manifest.Broker> manifest, Map<String, String> env, SecretSources secrets) {
    String tokenRef =
        firstOf(token, manifest.flatMap(Manifest.Broker::token).orElse(null)).orElse(null);
    String user =
        firstOf(username, manifest.flatMap(Manifest.Broker::username).orElse(null)).orElse(null);
    String passwordRef =
        firstOf(password, manifest.flatMap(Manifest.Broker::password).orElse(null)).orElse(null);
    if (tokenRef != null && (user != null || passwordRef != null)) {
      throw new UsageException("give a broker token or a username and password, not both");
    }
    if (tokenRef != null) {
      return BrokerAuth.bearer(SecretReference.parse(tokenRef, "--broker-token").resolve(secrets));
    }
    if (user != null || passwordRef != null) {
      if (user == null || passwordRef == null) {
        throw new UsageException("basic auth needs both --broker-username and --broker-password");
      }
      return BrokerAuth.basic(
          user, SecretReference.parse(passwordRef, "--broker-password").resolve(secrets));
    }
    String fromEnv = env.get("PACT_BROKER_TOKEN");
    return fromEnv == null || fromEnv.isBlank()
        ? BrokerAuth.none()
        : BrokerAuth.bearer(fromEnv.strip());
  }

  private BrokerConnection.HeaderSource headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : extraHeaders) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new UsageException("--broker-header: write NAME:VALUE, not '" + h + "'");
      }
      headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
    }
    Map<String, String> fixed = Map.copyOf(headers);
    return (method, uri) -> fixed;
  }

  /**
   * The broker's answer to a call; a broker that cannot be reached or refuses is a usage error
   * (exit 2) with {@code asking} in front of its reason.
   */
  static <T> T answer(String asking, Supplier<T> call) {
    try {
      return call.get();
    } catch (BrokerException e) {
      throw new UsageException(asking + ": " + e.getMessage());
    }
  }

  /** The first value given, in order of precedence. */
  static Optional<String> firstOf(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
