package dev.interlock.junit5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Diagnostics;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.mocks.SandboxFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A contracts folder, loaded once and read-only, as the {@link SandboxFleet} that {@code interlock
 * sandbox} would start from it, so a test sees the sandboxes the CLI would start from the same
 * folder.
 */
public final class ContractsFolder {

  private final Path dir;
  private final SandboxFleet fleet;

  private ContractsFolder(Path dir, SandboxFleet fleet) {
    this.dir = dir;
    this.fleet = fleet;
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
    SandboxFleet fleet = SandboxFleet.of(set);
    if (fleet.vendors().isEmpty()) {
      throw new IllegalArgumentException(
          "contracts folder '" + dir + "' holds no OpenAPI contract (" + absolute + ")");
    }
    return new ContractsFolder(absolute, fleet);
  }

  public Path dir() {
    return dir;
  }

  /** Its vendors, their webhooks and scenarios, and how to start their sandboxes. */
  public SandboxFleet fleet() {
    return fleet;
  }

  /** The manifest's {@code policy} of a vendor (overrides of its contract's), or null. */
  public JsonNode policyOf(String vendor) {
    Manifest.Vendor v = fleet.manifest().map(m -> m.vendors().get(vendor)).orElse(null);
    return v == null ? null : v.policy();
  }
}
