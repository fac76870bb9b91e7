package dev.interlock.verifiers.checks;

import dev.interlock.adapters.AdapterEvent;
import dev.interlock.adapters.AdapterEvent.AttemptStarted;
import dev.interlock.adapters.AdapterEvent.WaitScheduled;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.GeneratedAdapters;
import dev.interlock.adapters.PolicyOverrides;
import dev.interlock.adapters.ResiliencePolicy;
import dev.interlock.adapters.RetryClass;
import dev.interlock.adapters.VendorSpec;
import dev.interlock.adapters.ordersync.OrderSyncOptions;
import dev.interlock.adapters.ordersync.OrderSyncOutcome;
import dev.interlock.adapters.ordersync.OrderSyncRun;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.mocks.JournalEntry;
import dev.interlock.mocks.Scenario;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import dev.interlock.verifiers.runs.MocksSandboxLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code adapter.*} checks: each adapter's generated-adapter policy, per vendor it uses, run
 * through scenarios against that vendor's sandbox on virtual time and asserted from the sandbox
 * journal and the adapter's events; and {@code adapter.exactly-once}, the reference adapter end to
 * end under chaos. The manifest's policy overrides apply, so a policy someone loosened fails here,
 * naming the check, the operation and the evidence.
 */
public final class AdapterChecks {

  private AdapterChecks() {}

  public static List<Check> all() {
    return List.of(
        new PerVendor(
            "adapter.no-retry-on-client-error",
            "a 400, 401, 404 or 422 is never retried",
            AdapterChecks::noRetryOnClientError),
        new PerVendor(
            "adapter.retries-transient-failures",
            "429, 5xx and connection resets are retried until the call succeeds",
            AdapterChecks::retriesTransientFailures),
        new PerVendor(
            "adapter.backs-off",
            "waits between retries grow (exponential ceilings) and are jittered below them",
            AdapterChecks::backsOff),
        new PerVendor(
            "adapter.honours-retry-after",
            "after a Retry-After, the next attempt never comes sooner than the server asked",
            AdapterChecks::honoursRetryAfter),
        new PerVendor(
            "adapter.respects-rate-limit",
            "calls never exceed the contract's x-rate-limit in any window",
            AdapterChecks::respectsRateLimit),
        new PerVendor(
            "adapter.idempotency-key-stable",
            "every attempt of one keyed operation carries the same idempotency key, derived from the business key",
            AdapterChecks::idempotencyKeyStable),
        new PerVendor(
            "adapter.circuit-breaker",
            "the circuit opens under sustained failure and closes after recovery",
            AdapterChecks::circuitBreaker),
        new PerVendor(
            "adapter.pins-api-version",
            "every request carries the API version the adapter is pinned to",
            AdapterChecks::pinsApiVersion),
        new ExactlyOnce());
  }

  /** One adapter's use of one vendor version. */
  record Use(
      String adapter,
      String vendor,
      String version,
      OpenApiContract contract,
      VendorSpec spec,
      PolicyOverrides overrides) {
    String name() {
      return adapter + " → " + vendor + " " + version;
    }
  }

  @FunctionalInterface
  interface Body {
    CheckResult run(VerificationContext context, Use use, Results r);
  }

  /** A check run once per vendor version an adapter uses. */
  static final class PerVendor implements Check {
    private final String id;
    private final String description;
    private final Body body;

    PerVendor(String id, String description, Body body) {
      this.id = id;
      this.description = description;
      this.body = body;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public List<CheckCase> plan(VerificationContext context) {
      List<CheckCase> cases = new ArrayList<>();
      Manifest manifest = context.manifest().orElse(null);
      if (manifest == null) {
        return cases;
      }
      for (Manifest.Adapter adapter : manifest.adapters().values()) {
        for (Map.Entry<String, String> use : adapter.uses().entrySet()) {
          String name = adapter.id() + " → " + use.getKey() + " " + use.getValue();
          cases.add(
              new CheckCase(
                  id, name, () -> run(context, adapter, use.getKey(), use.getValue(), name)));
        }
      }
      return cases;
    }

    private CheckResult run(
        VerificationContext context,
        Manifest.Adapter adapter,
        String vendor,
        String version,
        String name) {
      Results r =
          Results.of(id, name).vendor(vendor).label("adapter", adapter.id()).version(version);
      Manifest.Vendor v = context.manifest().orElseThrow().vendors().get(vendor);
      Manifest.VendorVersion vv = v == null ? null : v.versions().get(version);
      Optional<OpenApiContract> contract =
          vv == null
              ? Optional.empty()
              : context.contracts().openApi().stream()
                  .filter(c -> Pairing.same(c.file(), vv.contract()))
                  .findFirst();
      Optional<VendorSpec> spec = GeneratedAdapters.spec(vendor, version);
      if (contract.isEmpty() || spec.isEmpty()) {
        return r.skipped(
            "no generated adapter for "
                + vendor
                + " "
                + version
                + " in this build ("
                + GeneratedAdapters.className(vendor, version)
                + ")");
      }
      return body.run(
          context,
          new Use(
              adapter.id(),
              vendor,
              version,
              contract.get(),
              spec.get(),
              PolicyOverrides.fromManifest(v.policy())),
          r);
    }
  }

  private static AdapterHarness harness(VerificationContext context, Use use, Scenario scenario) {
    return new AdapterHarness(
        use.vendor(),
        use.contract(),
        use.spec(),
        context.seed(),
        scenario,
        use.overrides(),
        AdapterRuntime.CircuitSettings.defaults());
  }

  private static CheckResult noRetryOnClientError(VerificationContext context, Use use, Results r) {
    List<String> verdicts = new ArrayList<>();
    for (String status : List.of("400", "401", "404", "422")) {
      Optional<String> op = anyOperation(use);
      if (op.isEmpty()) {
        return r.skipped(
            "no operation of " + use.vendor() + " can be called with a sample request");
      }
      r.operation(signature(use, op.get()));
      try (AdapterHarness h =
          harness(
              context, use, Scenario.scripted(Map.of(op.get(), List.of(status, status, status))))) {
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
              policyFinding(
                  use,
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

  private static CheckResult retriesTransientFailures(
      VerificationContext context, Use use, Results r) {
    Optional<String> op = retryable(use);
    if (op.isEmpty()) {
      return r.skipped("no operation of " + use.vendor() + " may be retried");
    }
    r.operation(signature(use, op.get()));
    ResiliencePolicy policy = policyOf(use, op.get());
    List<String> script = new ArrayList<>();
    for (int s : List.of(503, 429, 502)) {
      if (policy.retryStatuses().contains(s) && script.size() < policy.maxAttempts() - 2) {
        script.add(String.valueOf(s));
      }
    }
    script.add("reset");
    try (AdapterHarness h = harness(context, use, Scenario.scripted(Map.of(op.get(), script)))) {
      int status = h.call(op.get(), "check-transient-1");
      r.evidence(Evidence.json("timeline", h.timeline("scripted " + script)));
      int attempts = h.events(AttemptStarted.class).size();
      if (status < 200 || status >= 300) {
        r.finding(
            policyFinding(
                use,
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

  private static CheckResult backsOff(VerificationContext context, Use use, Results r) {
    Optional<String> op = retryable(use);
    if (op.isEmpty()) {
      return r.skipped("no operation of " + use.vendor() + " may be retried");
    }
    r.operation(signature(use, op.get()));
    ResiliencePolicy policy = policyOf(use, op.get());
    int failures = Math.max(1, Math.min(3, policy.maxAttempts() - 1));
    // 502 carries no Retry-After, so every wait is the policy's own backoff.
    String failure = policy.retryStatuses().contains(502) ? "502" : "reset";
    List<String> script = new ArrayList<>();
    for (int i = 0; i < failures; i++) {
      script.add(failure);
    }
    try (AdapterHarness h = harness(context, use, Scenario.scripted(Map.of(op.get(), script)))) {
      h.call(op.get(), "check-backoff-1");
      List<WaitScheduled> waits =
          h.events(WaitScheduled.class).stream()
              .filter(w -> w.reason() == AdapterEvent.WaitReason.BACKOFF)
              .toList();
      r.evidence(Evidence.json("timeline", h.timeline("scripted " + script)));
      if (waits.size() < failures) {
        r.finding(
            policyFinding(
                use,
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
              policyFinding(
                  use,
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
              policyFinding(
                  use,
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
            policyFinding(
                use,
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

  private static CheckResult honoursRetryAfter(VerificationContext context, Use use, Results r) {
    Optional<String> op = retryable(use);
    if (op.isEmpty()) {
      return r.skipped("no operation of " + use.vendor() + " may be retried");
    }
    r.operation(signature(use, op.get()));
    Duration outage = Duration.ofSeconds(2);
    try (AdapterHarness h = harness(context, use, Scenario.outage(outage))) {
      h.call(op.get(), "check-retry-after-1");
      r.evidence(Evidence.json("timeline", h.timeline("outage 2s")));
      List<JournalEntry> journal = h.journal();
      for (int i = 0; i + 1 < journal.size(); i++) {
        String header = header(journal.get(i).responseHeaders(), "Retry-After");
        if (header == null) {
          continue;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(header.trim()));
        Duration gap = Duration.between(journal.get(i).at(), journal.get(i + 1).at());
        if (gap.compareTo(asked) < 0) {
          r.evidence(Evidence.text("journal", journal.subList(i, i + 2).toString()));
          r.finding(
              policyFinding(
                  use,
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

  private static CheckResult respectsRateLimit(VerificationContext context, Use use, Results r) {
    Optional<VendorSpec.RateLimit> limit =
        use.overrides().rateLimit().or(() -> use.spec().rateLimit());
    Optional<String> op = operation(use, RetryClass.IDEMPOTENT);
    if (limit.isEmpty() || op.isEmpty()) {
      return r.skipped(
          limit.isEmpty()
              ? use.vendor() + " declares no x-rate-limit"
              : "no idempotent operation to call");
    }
    r.operation(signature(use, op.get()));
    int calls = limit.get().limit() * 3;
    try (AdapterHarness h = harness(context, use, Scenario.normal())) {
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
            policyFinding(
                use,
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
            policyFinding(
                use, op.get(), "the sandbox refused " + refused + " request(s) with 429"));
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

  private static CheckResult idempotencyKeyStable(VerificationContext context, Use use, Results r) {
    Optional<String> op = operation(use, RetryClass.KEYED);
    if (op.isEmpty()) {
      return r.skipped(use.vendor() + " has no operation with an idempotency key");
    }
    r.operation(signature(use, op.get()));
    String header = policyOf(use, op.get()).idempotencyHeader();
    try (AdapterHarness h =
        harness(context, use, Scenario.scripted(Map.of(op.get(), List.of("503", "reset"))))) {
      String businessKey = "ord_idem_check_01";
      h.call(op.get(), businessKey);
      List<String> keys =
          h.journal().stream()
              .filter(e -> op.get().equals(e.operationId()))
              .map(e -> header(e.requestHeaders(), header))
              .toList();
      r.evidence(
          Evidence.text(
              "keys sent", String.join("\n", keys.stream().map(String::valueOf).toList())));
      if (keys.size() < 2) {
        r.finding(
            policyFinding(
                use,
                op.get(),
                "expected retries of "
                    + op.get()
                    + " after a 503 and a reset; saw "
                    + keys.size()
                    + " request(s)"));
      } else if (keys.stream().distinct().count() != 1 || keys.get(0) == null) {
        r.finding(
            policyFinding(
                use,
                op.get(),
                op.get() + " sent different idempotency keys across attempts: " + keys));
      } else if (!keys.get(0).contains(businessKey)) {
        r.finding(
            policyFinding(
                use,
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

  private static CheckResult circuitBreaker(VerificationContext context, Use use, Results r) {
    Optional<String> op = operation(use, RetryClass.IDEMPOTENT);
    if (op.isEmpty()) {
      return r.skipped("no idempotent operation to call");
    }
    r.operation(signature(use, op.get()));
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
            policyFinding(
                use,
                op.get(),
                "the circuit never opened after " + script.size() + " consecutive 503s"));
      }
      if (closed == 0) {
        r.finding(
            policyFinding(
                use, op.get(), "the circuit never closed again after the vendor recovered"));
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

  private static CheckResult pinsApiVersion(VerificationContext context, Use use, Results r) {
    VendorSpec spec = use.spec();
    Optional<String> op = anyOperation(use);
    if (op.isEmpty()) {
      return r.skipped("no operation to call");
    }
    r.operation(signature(use, op.get()));
    try (AdapterHarness h = harness(context, use, Scenario.normal())) {
      for (String id : h.session.policies().keySet()) {
        if (dev.interlock.mocks.SampleRequests.forOperation(use.contract(), id).isPresent()
            && !spec.operation(id).path().contains("token")) {
          h.call(id, "ord_version_check");
        }
      }
      List<JournalEntry> journal = h.journal();
      for (JournalEntry e : journal) {
        if (spec.versionHeader() != null) {
          String sent = header(e.requestHeaders(), spec.versionHeader());
          if (!use.version().equals(sent)
              && !String.valueOf(use.contract().apiVersion()).equals(sent)) {
            r.finding(
                policyFinding(
                    use,
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
              policyFinding(
                  use,
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

  /** {@code adapter.exactly-once}: the reference adapter under chaos leaves every effect once. */
  static final class ExactlyOnce implements Check {
    static final String ID = "adapter.exactly-once";

    @Override
    public String id() {
      return ID;
    }

    @Override
    public String description() {
      return "after a chaos run (flaky sandboxes, duplicate and out-of-order deliveries, a crash and restart), every order's charge, journal entry and shipment exists exactly once; nothing lost, dead letters accounted for";
    }

    @Override
    public List<CheckCase> plan(VerificationContext context) {
      boolean hasOrderSync =
          context.manifest().map(m -> m.adapters().containsKey("order-sync")).orElse(false);
      if (!hasOrderSync) {
        return List.of();
      }
      String name = "order-sync: 60 orders, flaky, 20% duplicates, crash after 70 side effects";
      return List.of(new CheckCase(ID, name, () -> run(context, name)));
    }

    private CheckResult run(VerificationContext context, String name) {
      Results r = Results.of(ID, name).label("adapter", "order-sync").label("scenario", "flaky");
      int orders = 60;
      OrderSyncOutcome o;
      try {
        o =
            OrderSyncRun.run(
                OrderSyncOptions.of(
                        context.options().contracts(),
                        orders,
                        "flaky",
                        context.seed(),
                        Files.createTempDirectory("interlock-exactly-once-"))
                    .withDuplicates(0.2)
                    .withKillAfter(70),
                new MocksSandboxLauncher());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      r.evidence(Evidence.json("outcome", o.toJson()));
      Map<String, Map<String, Integer>> ledger = o.ledger();
      check(r, ledger, "payments", "charges", orders - o.deadLetters().size());
      check(r, ledger, "accounting", "journal-entries", orders - o.deadLetters().size());
      check(r, ledger, "fulfilment", "shipments", orders - o.deadLetters().size());
      if (o.ordersSynced() + o.deadLetters().size() != orders) {
        r.finding(
            Diagnostic.error(
                    ID,
                    (orders - o.ordersSynced() - o.deadLetters().size())
                        + " order(s) neither synced nor dead-lettered: lost")
                .at(
                    dev.interlock.core.SourceLocation.of(
                        context.options().contracts().resolve("interlock.yaml")))
                .build());
      }
      return r.verdict(
          o.ordersSynced()
              + " of "
              + orders
              + " orders synced exactly once ("
              + o.retries()
              + " retries, "
              + o.restarts()
              + " restart(s), "
              + o.duplicatesIgnored()
              + " duplicates ignored, "
              + o.deadLetters().size()
              + " dead letters)",
          "the ledger does not hold every order's effects exactly once");
    }

    private static void check(
        Results r,
        Map<String, Map<String, Integer>> ledger,
        String vendor,
        String collection,
        int expected) {
      int actual = ledger.getOrDefault(vendor, Map.of()).getOrDefault(collection, 0);
      if (actual != expected) {
        r.finding(
            Diagnostic.error(
                    ID,
                    vendor + " holds " + actual + " " + collection + " for " + expected + " orders")
                .at(dev.interlock.core.SourceLocation.of(java.nio.file.Path.of("interlock.yaml")))
                .expected(expected + " " + collection)
                .actual(String.valueOf(actual))
                .build());
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static Optional<String> anyOperation(Use use) {
    return operation(use, RetryClass.IDEMPOTENT)
        .or(() -> operation(use, RetryClass.KEYED))
        .or(() -> operation(use, RetryClass.NEVER));
  }

  private static Optional<String> retryable(Use use) {
    Optional<String> idempotent = operation(use, RetryClass.IDEMPOTENT);
    Optional<String> keyed = operation(use, RetryClass.KEYED);
    if (idempotent.isPresent()
        && keyed.isPresent()
        && use.spec().operation(idempotent.get()).path().contains("{")) {
      return keyed;
    }
    return idempotent.or(() -> keyed);
  }

  /**
   * An operation of the retry class that the sandbox answers with success to a sample request: one
   * without path parameters first (a sample id names no stored resource, so a read would be 404).
   */
  private static Optional<String> operation(Use use, RetryClass retryClass) {
    return use.spec().operations().values().stream()
        .filter(
            op ->
                ResiliencePolicy.derive(use.spec(), op, use.overrides()).retryClass() == retryClass)
        .filter(op -> !op.path().contains("token"))
        .filter(
            op ->
                dev.interlock.mocks.SampleRequests.forOperation(use.contract(), op.operationId())
                    .isPresent())
        .sorted(java.util.Comparator.comparing(op -> op.path().contains("{")))
        .map(op -> op.operationId())
        .findFirst();
  }

  private static ResiliencePolicy policyOf(Use use, String operationId) {
    return ResiliencePolicy.derive(use.spec(), use.spec().operation(operationId), use.overrides());
  }

  private static String signature(Use use, String operationId) {
    var op = use.spec().operation(operationId);
    return op.method() + " " + op.path();
  }

  /**
   * A finding located at the operation under test in the contract the policy came from (the
   * contract's {@code paths} when the contract has no operation of that id).
   */
  private static Diagnostic policyFinding(Use use, String operationId, String message) {
    JsonPointer at =
        use.contract().operations().stream()
            .filter(o -> o.id().equals(operationId))
            .map(o -> o.pointer())
            .findFirst()
            .orElse(JsonPointer.of("paths"));
    return Diagnostic.error("adapter.policy", message)
        .at(use.contract().source().locate(at))
        .hint(
            "the policy is derived from "
                + use.contract().file().getFileName()
                + " and the manifest's vendors."
                + use.vendor()
                + ".policy")
        .build();
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
