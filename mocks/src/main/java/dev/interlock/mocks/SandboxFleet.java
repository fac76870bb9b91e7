package dev.interlock.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.ContractSet;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.ContractOwner;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandboxes a set of contracts makes: one per vendor (the manifest's owner of each OpenAPI
 * file, else the folder it sits in) serving all its versions side by side, delivering as webhooks
 * the event contracts of the manifest's webhook systems named after it, in the scenarios the
 * manifest configures. {@code interlock sandbox} and the JUnit 5 extension both start theirs here,
 * so a test sees the sandboxes the CLI would start from the same folder.
 */
public final class SandboxFleet {

  private final Path root;
  private final Manifest manifest;
  private final Map<String, List<OpenApiContract>> vendors;
  private final List<AsyncApiContract> asyncApi;

  private SandboxFleet(
      Path root,
      Manifest manifest,
      Map<String, List<OpenApiContract>> vendors,
      List<AsyncApiContract> asyncApi) {
    this.root = root;
    this.manifest = manifest;
    this.vendors = Collections.unmodifiableMap(vendors);
    this.asyncApi = List.copyOf(asyncApi);
  }

  /** The vendors of a loaded contracts folder, with its manifest and event contracts. */
  public static SandboxFleet of(ContractSet set) {
    Manifest manifest = set.manifest().orElse(null);
    Map<String, List<OpenApiContract>> vendors = new LinkedHashMap<>();
    for (OpenApiContract c : set.openApi()) {
      vendors
          .computeIfAbsent(ContractOwner.idOf(manifest, c.file()), k -> new ArrayList<>())
          .add(c);
    }
    return new SandboxFleet(set.root(), manifest, vendors, set.asyncApi());
  }

  /** Vendors named by the caller (loose files), with no manifest: no webhooks, plain scenarios. */
  public static SandboxFleet ofVendors(Map<String, List<OpenApiContract>> vendors) {
    return new SandboxFleet(null, null, new LinkedHashMap<>(vendors), List.of());
  }

  /** Vendor id to the versions of its contract, in the contracts' order. */
  public Map<String, List<OpenApiContract>> vendors() {
    return vendors;
  }

  public Optional<Manifest> manifest() {
    return Optional.ofNullable(manifest);
  }

  /** Every AsyncAPI contract of the set, whatever carries its events (webhooks, Kafka). */
  public List<AsyncApiContract> asyncApi() {
    return asyncApi;
  }

  /**
   * The event contracts a vendor's sandbox delivers as webhooks: those of the manifest's webhook
   * event systems named after it ({@code storefront-webhooks} for {@code storefront}).
   */
  public List<AsyncApiContract> webhooksOf(String vendor) {
    if (manifest == null) {
      return List.of();
    }
    List<AsyncApiContract> out = new ArrayList<>();
    for (Manifest.EventSystem events : manifest.events().values()) {
      if (!"webhook".equals(events.transport())
          || !(events.id().equals(vendor) || events.id().startsWith(vendor + "-"))) {
        continue;
      }
      Path contract = events.contract().toAbsolutePath().normalize();
      for (AsyncApiContract a : asyncApi) {
        if (a.file().toAbsolutePath().normalize().equals(contract)) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /**
   * A scenario by name, with the settings the manifest's {@code scenarios} section gives it.
   *
   * @throws IllegalArgumentException when no scenario has that name
   */
  public Scenario scenario(String name) {
    JsonNode settings = manifest == null ? null : manifest.scenarios().get(name);
    if (settings instanceof ObjectNode object) {
      ObjectNode withName = object.deepCopy();
      withName.put("name", name);
      return Scenario.fromJson(withName);
    }
    return Scenario.named(name);
  }

  /**
   * Starts a sandbox per named vendor, in order, each with {@code options} but its own webhooks
   * ({@link #webhooksOf}) and port: a free one when {@code options.port()} is 0, else counting up
   * from it. When one cannot start, those already started are closed.
   *
   * @return vendor id to its running sandbox, in the order named
   * @throws IllegalArgumentException when a vendor has no contract here, naming the folder and the
   *     vendors it has
   */
  public Map<String, Sandbox> start(Collection<String> names, SandboxOptions options) {
    for (String vendor : names) {
      if (!vendors.containsKey(vendor)) {
        throw new IllegalArgumentException(
            "vendor '"
                + vendor
                + "' has no contract"
                + (root == null ? "" : " in " + root)
                + " (vendors there: "
                + String.join(", ", vendors.keySet())
                + ")");
      }
    }
    Map<String, Sandbox> started = new LinkedHashMap<>();
    int port = options.port();
    try {
      for (String vendor : names) {
        SandboxOptions own = options.toBuilder().events(webhooksOf(vendor)).port(port).build();
        started.put(vendor, Sandbox.start(vendors.get(vendor), own));
        port = port == 0 ? 0 : port + 1;
      }
    } catch (RuntimeException e) {
      started.values().forEach(Sandbox::close);
      throw e;
    }
    return Collections.unmodifiableMap(started);
  }

  /** As {@link #start(Collection, SandboxOptions)}, for every vendor. */
  public Map<String, Sandbox> startAll(SandboxOptions options) {
    return start(vendors.keySet(), options);
  }
}
