package dev.interlock.verifiers;

import dev.interlock.verifiers.checks.ContractLintCheck;
import dev.interlock.verifiers.checks.VersionChecks;
import java.util.List;

/** Every check Interlock runs, in the order a run executes them. */
public final class Checks {

  private Checks() {}

  public static List<Check> all() {
    return List.of(
        new ContractLintCheck(),
        new VersionChecks.NoBreakingChange(),
        new VersionChecks.ConsumersUnaffected(),
        new VersionChecks.SunsetPolicy());
  }
}
