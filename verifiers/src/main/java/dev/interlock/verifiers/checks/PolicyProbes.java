package dev.interlock.verifiers.checks;

import dev.interlock.adapters.AdapterEvent;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.RetryClass;
import dev.interlock.adapters.VendorSpec;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.mocks.JournalEntry;
import dev.interlock.mocks.Scenario;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import dev.interlock.verifiers.conformance.SampleRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy half of the per-vendor {@code adapter.*} checks: the rate limit, stable idempotency
 * keys, the circuit breaker and the pinned API version, each judged from the sandbox journal and
 * the adapter's events.
 */
final class PolicyProbes {

  private PolicyProbes() {}

  static CheckResult respectsRateLimit(VerificationContext context, AdapterUse use, Results r) {
    Optional<VendorSpec.RateLimit> limit =
        use.overrides().rateLimit().or(() -> use.spec().rateLimit());
    Optional<String> op = use.operation(RetryClass.IDEMPOTENT);
    if (limit.isEmpty() || op.isEmpty()) {
      return r.skipped(
          limit.isEmpty()
              ? use.vendor() + " declares no x-rate-limit"
              : "no idempotent operation to call");
    }
    r.operation(use.signature(op.get()));
    int calls = limit.get().limit() * 3;
    try (AdapterHarness h = use.harness(context, Scenario.normal())) {
      for (int i = 0; i < calls; i++) {
        h.call(op.get(), null);
      }
      // The operation's own requests: an OAuth token request is not the API's traffic.
      List<Instant> sent =
          h.journal().stream()
              .filter(e -> op.get().equals(e.operationId()))
              .map(JournalEntry::at)
              .sorted()
              .toList();
      // x-rate-limit is a token bucket (burst = limit, refilled at limit per window), as the
      // sandbox enforces it: between any two requests, at most limit + the refill of that span.
      long window = limit.get().window().toMillis();
      long worst = 0;
      String worstSpan = "";
      for (int i = 0; i < sent.size(); i++) {
        for (int j = i; j < sent.size(); j++) {
          long span = Duration.between(sent.get(i), sent.get(j)).toMillis();
          long allowed = limit.get().limit() + (long) limit.get().limit() * span / window;
          long excess = (j - i + 1) - allowed;
          if (excess > worst) {
            worst = excess;
            worstSpan =
                (j - i + 1) + " requests in " + span + " ms (the bucket allows " + allowed + ")";
          }
        }
      }
      long refused = h.journal().stream().filter(e -> e.status() == 429).count();
      if (worst > 0) {
        r.finding(
            use.policyFinding(
                op.get(),
                worstSpan
                    + "; the contract allows "
                    + limit.get().limit()
                    + " per "
                    + window
                    + " ms"));
      }
      if (refused > 0) {
        r.finding(
            use.policyFinding(op.get(), "the sandbox refused " + refused + " request(s) with 429"));
      }
      Duration took =
          sent.isEmpty() ? Duration.ZERO : Duration.between(sent.get(0), sent.get(sent.size() - 1));
      return r.verdict(
          calls
              + " calls in "
              + took.toMillis()
              + " ms of virtual time, never over "
              + limit.get().limit()
              + " per "
              + window
              + " ms (token bucket), no 429",
          "the adapter went over the declared rate");
    }
  }

  static CheckResult idempotencyKeyStable(VerificationContext context, AdapterUse use, Results r) {
    Optional<String> op = use.operation(RetryClass.KEYED);
    if (op.isEmpty()) {
      return r.skipped(use.vendor() + " has no operation with an idempotency key");
    }
    r.operation(use.signature(op.get()));
    String header = use.policyOf(op.get()).idempotencyHeader();
    try (AdapterHarness h =
        use.harness(context, Scenario.scripted(Map.of(op.get(), List.of("503", "reset"))))) {
      String businessKey = "ord_idem_check_01";
      h.call(op.get(), businessKey);
      List<String> keys =
          h.journal().stream()
              .filter(e -> op.get().equals(e.operationId()))
              .map(e -> AdapterUse.header(e.requestHeaders(), header))
              .toList();
      r.evidence(
          Evidence.text(
              "keys sent", String.join("\n", keys.stream().map(String::valueOf).toList())));
      if (keys.size() < 2) {
        r.finding(
            use.policyFinding(
                op.get(),
                "expected retries of "
                    + op.get()
                    + " after a 503 and a reset; saw "
                    + keys.size()
                    + " request(s)"));
      } else if (keys.stream().distinct().count() != 1 || keys.get(0) == null) {
        r.finding(
            use.policyFinding(
                op.get(), op.get() + " sent different idempotency keys across attempts: " + keys));
      } else if (!keys.get(0).contains(businessKey)) {
        r.finding(
            use.policyFinding(
                op.get(),
                "the key '"
                    + keys.get(0)
                    + "' is not derived from the business key '"
                    + businessKey
                    + "'"));
      }
      return r.verdict(
          keys.size() + " attempts, one key: " + (keys.isEmpty() ? "" : keys.get(0)),
          "the idempotency key changed between attempts");
    }
  }

  static CheckResult circuitBreaker(VerificationContext context, AdapterUse use, Results r) {
    Optional<String> op = use.operation(RetryClass.IDEMPOTENT);
    if (op.isEmpty()) {
      return r.skipped("no idempotent operation to call");
    }
    r.operation(use.signature(op.get()));
    List<String> script = List.of("503", "503", "503", "503", "503", "503");
    AdapterRuntime.CircuitSettings circuit =
        new AdapterRuntime.CircuitSettings(50f, 4, 4, Duration.ofSeconds(5), 1);
    try (AdapterHarness h =
        new AdapterHarness(
            use.vendor(),
            use.contract(),
            use.spec(),
            context.seed(),
            Scenario.scripted(Map.of(op.get(), script)),
            use.overrides().withMaxAttempts(12),
            circuit)) {
      h.call(op.get(), null);
      h.call(op.get(), null);
      r.evidence(Evidence.json("timeline", h.timeline("scripted 6 × 503")));
      int opened = h.events(AdapterEvent.CircuitOpened.class).size();
      int closed = h.events(AdapterEvent.CircuitClosed.class).size();
      if (opened == 0) {
        r.finding(
            use.policyFinding(
                op.get(), "the circuit never opened after " + script.size() + " consecutive 503s"));
      }
      if (closed == 0) {
        r.finding(
            use.policyFinding(
                op.get(), "the circuit never closed again after the vendor recovered"));
      }
      return r.verdict(
          "opened "
              + opened
              + "×, closed "
              + closed
              + "× ("
              + h.session.circuitState()
              + " at the end)",
          "the circuit breaker did not open and close");
    }
  }

  static CheckResult pinsApiVersion(VerificationContext context, AdapterUse use, Results r) {
    VendorSpec spec = use.spec();
    Optional<String> op = use.anyOperation();
    if (op.isEmpty()) {
      return r.skipped("no operation to call");
    }
    r.operation(use.signature(op.get()));
    try (AdapterHarness h = use.harness(context, Scenario.normal())) {
      for (String id : h.session.policies().keySet()) {
        if (SampleRequests.forOperation(use.contract(), id).isPresent()
            && !spec.operation(id).path().contains("token")) {
          h.call(id, "ord_version_check");
        }
      }
      List<JournalEntry> journal = h.journal();
      for (JournalEntry e : journal) {
        if (spec.versionHeader() != null) {
          String sent = AdapterUse.header(e.requestHeaders(), spec.versionHeader());
          if (!use.version().equals(sent)
              && !String.valueOf(use.contract().apiVersion()).equals(sent)) {
            r.finding(
                use.policyFinding(
                    op.get(),
                    e.method()
                        + " "
                        + e.url()
                        + " carried "
                        + spec.versionHeader()
                        + ": "
                        + sent
                        + " instead of "
                        + spec.apiVersion()));
          }
        }
        if (e.version() != null && !e.version().equals(use.contract().apiVersion())) {
          r.finding(
              use.policyFinding(
                  op.get(),
                  e.method()
                      + " "
                      + e.url()
                      + " reached version "
                      + e.version()
                      + " of the sandbox, not "
                      + use.contract().apiVersion()));
        }
      }
      String how =
          spec.versionHeader() != null
              ? spec.versionHeader() + ": " + spec.apiVersion()
              : "the path of version " + use.contract().apiVersion();
      return r.verdict(
          journal.size() + " request(s), every one pinned with " + how,
          "a request did not carry the pinned version");
    }
  }
}
