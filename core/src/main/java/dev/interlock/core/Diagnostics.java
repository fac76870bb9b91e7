package dev.interlock.core;

import java.util.Collection;
import java.util.List;

/** Questions asked of a list of diagnostics. */
public final class Diagnostics {

  /**
   * Codes that mean a file could not be used at all (as opposed to a usable contract with
   * findings): unreadable, malformed, over a limit, of an unknown kind or version, or with
   * references that cannot be followed. They make the CLI exit with 2.
   */
  private static final List<String> UNUSABLE =
      List.of(
          "contract.file.",
          "contract.syntax.",
          "contract.ref.",
          "contract.version.",
          "contract.kind.",
          "contract.manifest.");

  private Diagnostics() {}

  public static boolean isUnusableInput(Diagnostic d) {
    return d.isError() && UNUSABLE.stream().anyMatch(d.code()::startsWith);
  }

  public static boolean anyUnusableInput(Collection<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(Diagnostics::isUnusableInput);
  }

  public static long count(Collection<Diagnostic> diagnostics, Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
