package dev.interlock.cli;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.SandboxFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code interlock sandbox} serves: OpenAPI files named by {@code --spec} (each its own
 * vendor, named by the file's stem), else the vendors of a contracts folder, manifest and webhooks
 * included.
 */
final class ServedContracts {

  private ServedContracts() {}

  /**
   * Loads them; the loaders' diagnostics go to {@code problems}, for the caller to judge.
   *
   * @throws UsageException for a missing file or folder, or a spec that is not OpenAPI
   */
  static SandboxFleet load(
      Path contracts, List<Path> specs, LoadingOptions loading, List<Diagnostic> problems) {
    if (specs.isEmpty()) {
      Path dir = contracts != null ? contracts : Path.of("contracts");
      if (!Files.isDirectory(dir)) {
        throw new UsageException(
            dir + ": no contracts folder (pass --contracts DIR or --spec FILE)");
      }
      ContractSet set = new ContractLoader(loading.forRoot(dir)).loadAll(List.of(dir));
      problems.addAll(set.diagnostics());
      return SandboxFleet.of(set);
    }
    Map<String, List<OpenApiContract>> byVendor = new LinkedHashMap<>();
    for (Path file : specs) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException(file + ": no such file");
      }
      var result =
          new ContractLoader(loading.forRoot(file.toAbsolutePath().getParent())).load(file);
      problems.addAll(result.diagnostics());
      if (result.contract().orElse(null) instanceof OpenApiContract c) {
        byVendor.computeIfAbsent(stem(file), k -> new ArrayList<>()).add(c);
      } else if (result.contract().isPresent()) {
        throw new UsageException(file + ": not an OpenAPI contract (sandboxes serve HTTP APIs)");
      }
    }
    return SandboxFleet.ofVendors(byVendor);
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
