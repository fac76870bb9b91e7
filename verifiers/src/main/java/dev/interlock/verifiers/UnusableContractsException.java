package dev.interlock.verifiers;

import dev.interlock.core.Diagnostic;
import java.util.List;

/**
 * The contracts folder could not be used (a contract that does not parse, a {@code $ref} outside
 * the folder…): nothing was verified. Carries the diagnostics that say what and where.
 */
public final class UnusableContractsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public UnusableContractsException(List<Diagnostic> diagnostics) {
    super("the contracts could not be used: " + diagnostics.size() + " problem(s)");
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
