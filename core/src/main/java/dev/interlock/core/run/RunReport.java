package dev.interlock.core.run;

import dev.interlock.core.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The immutable model of one {@code interlock verify} run: everything a report writer needs, so
 * that writers depend on nothing but core and the engine does not know who reads it.
 *
 * @param interlockVersion the version of Interlock that ran
 * @param seed the seed every random choice of the run came from
 * @param command the exact command line that reproduces the run
 * @param contracts the contracts used, with digests
 * @param results every check result, in execution order
 * @param coverage operation coverage of every OpenAPI contract
 */
public record RunReport(
    String interlockVersion,
    long seed,
    String command,
    Instant startedAt,
    Duration duration,
    List<ContractInfo> contracts,
    List<CheckResult> results,
    List<OperationCoverage> coverage) {

  public RunReport {
    contracts = List.copyOf(contracts);
    results = List.copyOf(results);
    coverage = List.copyOf(coverage);
  }

  public long count(Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  public boolean passed() {
    return results.stream().noneMatch(r -> r.failed() && r.severity() == Severity.ERROR);
  }
}
