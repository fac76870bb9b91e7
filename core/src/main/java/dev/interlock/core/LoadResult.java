package dev.interlock.core;

import dev.interlock.core.contract.Contract;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of loading one file: the contract when it could be read (possibly with warnings, or
 * even errors that did not stop parsing), every diagnostic, and the files its {@code $ref}s
 * reached.
 */
public record LoadResult(
    Path file,
    Optional<Contract> contract,
    List<Diagnostic> diagnostics,
    Set<Path> referencedFiles) {

  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
    referencedFiles = Set.copyOf(referencedFiles);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
