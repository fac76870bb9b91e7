package dev.interlock.verifiers;

import dev.interlock.verifiers.checks.AdapterChecks;
import dev.interlock.verifiers.checks.CompatChecks;
import dev.interlock.verifiers.checks.ContractLintCheck;
import dev.interlock.verifiers.checks.MessageOnBrokerCheck;
import dev.interlock.verifiers.checks.PactSandboxCheck;
import dev.interlock.verifiers.checks.SandboxConformanceCheck;
import dev.interlock.verifiers.checks.VersionChecks;
import java.util.ArrayList;
import java.util.List;

/** Every check Interlock runs, in the order a run executes them. */
public final class Checks {

  private Checks() {}

  public static List<Check> all() {
    List<Check> all = new ArrayList<>();
    all.add(new ContractLintCheck());
    all.addAll(CompatChecks.all());
    all.add(new SandboxConformanceCheck());
    all.add(new PactSandboxCheck());
    all.addAll(AdapterChecks.all());
    all.addAll(
        List.of(
            new VersionChecks.NoBreakingChange(),
            new VersionChecks.ConsumersUnaffected(),
            new VersionChecks.SunsetPolicy()));
    // last, so its audit window spans the whole run's traffic on the broker
    all.add(new MessageOnBrokerCheck());
    return List.copyOf(all);
  }
}
