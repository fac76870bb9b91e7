package dev.interlock.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.Severity;
import dev.interlock.core.document.SourceDocument;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest {@code contracts/interlock.yaml}: what the contract files cannot say themselves. Its
 * JSON Schema is {@code interlock-manifest.schema.json} next to this class (documented in
 * docs/manifest.md). Open-ended settings (policies, scenario parameters) stay JSON trees for the
 * module that interprets them.
 */
public record Manifest(
    SourceDocument source,
    String name,
    Map<String, Vendor> vendors,
    Map<String, EventSystem> events,
    Map<String, Adapter> adapters,
    Map<String, JsonNode> scenarios,
    Map<String, Optional<Severity>> lintSeverity,
    Optional<Broker> broker) {

  /** A manifest without a {@code broker:} block. */
  public Manifest(
      SourceDocument source,
      String name,
      Map<String, Vendor> vendors,
      Map<String, EventSystem> events,
      Map<String, Adapter> adapters,
      Map<String, JsonNode> scenarios,
      Map<String, Optional<Severity>> lintSeverity) {
    this(source, name, vendors, events, adapters, scenarios, lintSeverity, Optional.empty());
  }

  /** The contracts folder the manifest describes. */
  public Path root() {
    return source.file().toAbsolutePath().getParent();
  }

  public record Vendor(
      String id, String title, Auth auth, Map<String, VendorVersion> versions, JsonNode policy) {}

  public record VendorVersion(
      String version, Path contract, String status, Optional<LocalDate> sunset) {
    public boolean isDeprecated() {
      return "deprecated".equals(status);
    }
  }

  /**
   * How a vendor authenticates callers. Credentials are references ({@code env:NAME}, {@code
   * file:PATH}), never secrets.
   */
  public record Auth(String type, Map<String, String> settings) {
    public static Auth none() {
      return new Auth("none", Map.of());
    }
  }

  /**
   * An event or webhook system.
   *
   * @param kafka where its topics live on Kafka ({@code bootstrap}, {@code securityProtocol},
   *     {@code sasl}, {@code tls}; secrets as references), a missing node when not given
   */
  public record EventSystem(
      String id, Path contract, String transport, JsonNode signing, JsonNode kafka) {}

  public record Adapter(
      String id,
      List<String> consumes,
      List<String> emits,
      Map<String, String> uses,
      List<Path> pacts) {}

  /**
   * The Pact Broker the team shares pacts through. Credentials are references ({@code env:NAME},
   * {@code file:PATH}); the provider version and branch are values or {@code env:NAME}.
   */
  public record Broker(
      String url,
      Optional<String> token,
      Optional<String> username,
      Optional<String> password,
      Optional<String> provider,
      Optional<String> providerVersion,
      Optional<String> branch) {}
}
