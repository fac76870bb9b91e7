package dev.interlock.core;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every contract of a contracts folder (or of named files), its manifest and all diagnostics. */
public record ContractSet(
    Path root,
    Optional<Manifest> manifest,
    List<Contract> contracts,
    List<Diagnostic> diagnostics) {

  public ContractSet {
    contracts = List.copyOf(contracts);
    diagnostics = List.copyOf(diagnostics);
  }

  public List<OpenApiContract> openApi() {
    return contracts.stream()
        .filter(OpenApiContract.class::isInstance)
        .map(OpenApiContract.class::cast)
        .toList();
  }

  public List<AsyncApiContract> asyncApi() {
    return contracts.stream()
        .filter(AsyncApiContract.class::isInstance)
        .map(AsyncApiContract.class::cast)
        .toList();
  }

  public List<PactContract> pacts() {
    return contracts.stream()
        .filter(PactContract.class::isInstance)
        .map(PactContract.class::cast)
        .toList();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The contract loaded from a file, if any. */
  public Optional<Contract> contractAt(Path file) {
    Path wanted = file.toAbsolutePath().normalize();
    return contracts.stream()
        .filter(c -> c.file().toAbsolutePath().normalize().equals(wanted))
        .findFirst();
  }
}
