package dev.interlock.verifiers.checks;

import dev.interlock.adapters.AdapterEvent;
import dev.interlock.adapters.AdapterEvent.AttemptStarted;
import dev.interlock.adapters.AdapterEvent.WaitScheduled;
import dev.interlock.adapters.ResiliencePolicy;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.mocks.JournalEntry;
import dev.interlock.mocks.Scenario;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retry half of the per-vendor {@code adapter.*} checks: client errors end a call, transient
 * failures are retried, waits back off, {@code Retry-After} is honoured. Each probe drives the
 * generated adapter against the vendor's sandbox in a scripted scenario, on virtual time, and
 * judges from the sandbox journal and the adapter's events.
 */
final class RetryProbes {

  private RetryProbes() {}

  static CheckResult noRetryOnClientError(VerificationContext context, AdapterUse use, Results r) {
    List<String> verdicts = new ArrayList<>();
    for (String status : List.of("400", "401", "404", "422")) {
      Optional<String> op = use.anyOperation();
      if (op.isEmpty()) {
        return r.skipped(
            "no operation of " + use.vendor() + " can be called with a sample request");
      }
      r.operation(use.signature(op.get()));
      try (AdapterHarness h =
          use.harness(
              context, Scenario.scripted(Map.of(op.get(), List.of(status, status, status))))) {
        h.call(op.get(), "check-client-error-" + status);
        int attempts = h.events(AttemptStarted.class).size();
        verdicts.add(status + ": " + attempts + " attempt(s)");
        // A 401 under OAuth 2 earns one retry with a fresh token; nothing else earns any.
        int allowed =
            status.equals("401") && "oauth2-client-credentials".equals(use.spec().auth().type())
                ? 2
                : 1;
        if (attempts > allowed) {
          r.evidence(Evidence.json("timeline " + status, h.timeline("scripted " + status)));
          r.finding(
              use.policyFinding(
                  op.get(),
                  op.get()
                      + " was tried "
                      + attempts
                      + " times after a "
                      + status
                      + " (a client error is not transient)"));
        }
      }
    }
    return r.verdict(
        "client errors end the call at once (" + String.join(", ", verdicts) + ")",
        "a client error was retried");
  }

  static CheckResult retriesTransientFailures(
      VerificationContext context, AdapterUse use, Results r) {
    Optional<String> op = use.retryable();
    if (op.isEmpty()) {
      return r.skipped("no operation of " + use.vendor() + " may be retried");
    }
    r.operation(use.signature(op.get()));
    ResiliencePolicy policy = use.policyOf(op.get());
    List<String> script = new ArrayList<>();
    for (int s : List.of(503, 429, 502)) {
      if (policy.retryStatuses().contains(s) && script.size() < policy.maxAttempts() - 2) {
        script.add(String.valueOf(s));
      }
    }
    script.add("reset");
    try (AdapterHarness h = use.harness(context, Scenario.scripted(Map.of(op.get(), script)))) {
      int status = h.call(op.get(), "check-transient-1");
      r.evidence(Evidence.json("timeline", h.timeline("scripted " + script)));
      int attempts = h.events(AttemptStarted.class).size();
      if (status < 200 || status >= 300) {
        r.finding(
            use.policyFinding(
                op.get(),
                op.get()
                    + " failed after "
                    + attempts
                    + " attempt(s) against "
                    + script
                    + " then success; transient failures must be retried (maxAttempts "
                    + policy.maxAttempts()
                    + ")"));
      }
      return r.verdict(
          op.get() + " succeeded after " + script + " in " + attempts + " attempts",
          "a transient failure was not retried to success");
    }
  }

  static CheckResult backsOff(VerificationContext context, AdapterUse use, Results r) {
    Optional<String> op = use.retryable();
    if (op.isEmpty()) {
      return r.skipped("no operation of " + use.vendor() + " may be retried");
    }
    r.operation(use.signature(op.get()));
    ResiliencePolicy policy = use.policyOf(op.get());
    int failures = Math.max(1, Math.min(3, policy.maxAttempts() - 1));
    // 502 carries no Retry-After, so every wait is the policy's own backoff.
    String failure = policy.retryStatuses().contains(502) ? "502" : "reset";
    List<String> script = new ArrayList<>();
    for (int i = 0; i < failures; i++) {
      script.add(failure);
    }
    try (AdapterHarness h = use.harness(context, Scenario.scripted(Map.of(op.get(), script)))) {
      h.call(op.get(), "check-backoff-1");
      List<WaitScheduled> waits =
          h.events(WaitScheduled.class).stream()
              .filter(w -> w.reason() == AdapterEvent.WaitReason.BACKOFF)
              .toList();
      r.evidence(Evidence.json("timeline", h.timeline("scripted " + script)));
      if (waits.size() < failures) {
        r.finding(
            use.policyFinding(
                op.get(),
                "expected "
                    + failures
                    + " backoff waits after "
                    + failures
                    + " × "
                    + failure
                    + ", saw "
                    + waits.size()));
      }
      for (int i = 1; i < waits.size(); i++) {
        if (waits.get(i).backoffCeiling().compareTo(waits.get(i - 1).backoffCeiling()) <= 0) {
          r.finding(
              use.policyFinding(
                  op.get(),
                  "backoff ceilings do not grow: "
                      + waits.get(i - 1).backoffCeiling().toMillis()
                      + " ms then "
                      + waits.get(i).backoffCeiling().toMillis()
                      + " ms"));
        }
      }
      for (WaitScheduled w : waits) {
        if (w.duration().compareTo(w.backoffCeiling()) > 0) {
          r.finding(
              use.policyFinding(
                  op.get(),
                  "a wait of "
                      + w.duration().toMillis()
                      + " ms exceeds its ceiling of "
                      + w.backoffCeiling().toMillis()
                      + " ms"));
        }
      }
      boolean jittered = waits.stream().anyMatch(w -> !w.duration().equals(w.backoffCeiling()));
      if (waits.size() >= 2 && !jittered) {
        r.finding(
            use.policyFinding(
                op.get(),
                "every wait equals its ceiling: no jitter, so clients retry in lockstep"));
      }
      String shown =
          String.join(
              ", ",
              waits.stream()
                  .map(w -> w.duration().toMillis() + "/" + w.backoffCeiling().toMillis() + " ms")
                  .toList());
      return r.verdict(
          "waits (jittered/ceiling): " + shown, "backoff does not grow or is not jittered");
    }
  }

  static CheckResult honoursRetryAfter(VerificationContext context, AdapterUse use, Results r) {
    Optional<String> op = use.retryable();
    if (op.isEmpty()) {
      return r.skipped("no operation of " + use.vendor() + " may be retried");
    }
    r.operation(use.signature(op.get()));
    Duration outage = Duration.ofSeconds(2);
    try (AdapterHarness h = use.harness(context, Scenario.outage(outage))) {
      h.call(op.get(), "check-retry-after-1");
      r.evidence(Evidence.json("timeline", h.timeline("outage 2s")));
      List<JournalEntry> journal = h.journal();
      for (int i = 0; i + 1 < journal.size(); i++) {
        String header = AdapterUse.header(journal.get(i).responseHeaders(), "Retry-After");
        if (header == null) {
          continue;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(header.trim()));
        Duration gap = Duration.between(journal.get(i).at(), journal.get(i + 1).at());
        if (gap.compareTo(asked) < 0) {
          r.evidence(Evidence.text("journal", journal.subList(i, i + 2).toString()));
          r.finding(
              use.policyFinding(
                  op.get(),
                  op.get()
                      + " was retried "
                      + gap.toMillis()
                      + " ms after 'Retry-After: "
                      + header
                      + "' (at least "
                      + asked.toMillis()
                      + " ms asked)"));
        }
      }
      return r.verdict(
          "every retry waited at least as long as Retry-After asked ("
              + journal.size()
              + " requests)",
          "a retry came sooner than Retry-After allowed");
    }
  }
}
