package dev.interlock.junit5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Diagnostics;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.ContractOwner;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.mocks.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contracts folder, loaded once and read-only: its vendors (by the manifest, else by the folder
 * each OpenAPI file sits in), the webhooks each vendor sends, and its scenarios. Vendors and events
 * are told apart as {@code interlock sandbox} tells them, so a test sees the sandboxes the CLI
 * would start from the same folder.
 */
public final class ContractsFolder {

  private final Path dir;
  private final Manifest manifest;
  private final Map<String, List<OpenApiContract>> vendors;
  private final List<AsyncApiContract> asyncApi;

  private ContractsFolder(
      Path dir,
      Manifest manifest,
      Map<String, List<OpenApiContract>> vendors,
      List<AsyncApiContract> asyncApi) {
    this.dir = dir;
    this.manifest = manifest;
    this.vendors = vendors;
    this.asyncApi = asyncApi;
  }

  /**
   * Loads the folder.
   *
   * @throws IllegalArgumentException saying what is wrong and where: no such folder, contracts that
   *     cannot be used (each error rendered compiler-style), or no OpenAPI contract to serve
   */
  public static ContractsFolder load(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new IllegalArgumentException(
          "contracts folder '" + dir + "' does not exist (looked for " + absolute + ")");
    }
    ContractSet set = new ContractLoader(LoadOptions.forRoot(absolute)).loadAll(List.of(absolute));
    List<Diagnostic> problems = set.diagnostics();
    if (Diagnostics.anyUnusableInput(problems)) {
      throw new IllegalArgumentException(
          "contracts folder '"
              + dir
              + "' holds contracts that cannot be used:\n"
              + DiagnosticRenderer.relativeToWorkingDirectory()
                  .render(problems.stream().filter(Diagnostic::isError).toList())
                  .stripTrailing());
    }
    Manifest manifest = set.manifest().orElse(null);
    Map<String, List<OpenApiContract>> vendors = new LinkedHashMap<>();
    for (OpenApiContract c : set.openApi()) {
      vendors
          .computeIfAbsent(ContractOwner.idOf(manifest, c.file()), k -> new ArrayList<>())
          .add(c);
    }
    if (vendors.isEmpty()) {
      throw new IllegalArgumentException(
          "contracts folder '" + dir + "' holds no OpenAPI contract (" + absolute + ")");
    }
    return new ContractsFolder(absolute, manifest, vendors, set.asyncApi());
  }

  public Path dir() {
    return dir;
  }

  /** Vendor id to the versions of its contract, in the folder's order. */
  public Map<String, List<OpenApiContract>> vendors() {
    return vendors;
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

  /** The manifest's {@code policy} of a vendor (overrides of its contract's), or null. */
  public JsonNode policyOf(String vendor) {
    Manifest.Vendor v = manifest == null ? null : manifest.vendors().get(vendor);
    return v == null ? null : v.policy();
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
}
