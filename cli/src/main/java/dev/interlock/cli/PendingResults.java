package dev.interlock.cli;

import dev.interlock.broker.FetchedPact;
import dev.interlock.core.Severity;
import dev.interlock.core.run.CheckResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure of a pending or work-in-progress pact is reported and does not fail the run: its
 * severity becomes {@code info} (below every {@code --fail-on}), its message says why, and a label
 * marks it for report writers.
 */
final class PendingResults {

  private PendingResults() {}

  static CheckResult informational(FetchedPact pact, CheckResult r) {
    if (!pact.failuresAreInformational()) {
      return r;
    }
    Map<String, String> labels = new LinkedHashMap<>(r.labels());
    labels.put("broker.pact", pact.wip() ? "wip" : "pending");
    if (!r.failed()) {
      return new CheckResult(
          r.checkId(),
          r.subject(),
          r.vendor(),
          r.operation(),
          r.outcome(),
          r.severity(),
          r.message(),
          r.findings(),
          r.evidence(),
          r.duration(),
          r.facts(),
          labels);
    }
    String why =
        pact.wip()
            ? "work-in-progress pact, its failure does not fail the run: "
            : "pending pact, its failure does not fail the run: ";
    return new CheckResult(
        r.checkId(),
        r.subject(),
        r.vendor(),
        r.operation(),
        r.outcome(),
        Severity.INFO,
        why + r.message(),
        r.findings(),
        r.evidence(),
        r.duration(),
        r.facts(),
        labels);
  }
}
