package dev.interlock.reports;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Facts;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic runs: the engine that produces real ones is written elsewhere. */
final class RunFixtures {

  static final Path ROOT = Path.of("/repo");
  static final ReportOptions OPTIONS =
      ReportOptions.defaults()
          .withSourceRoot(ROOT)
          .withSourceLinkBase("https://github.com/acme/shop/blob/abc123/");
  static final long SEED = 4_815_162_342L;
  static final String COMMAND = "interlock verify --seed 4815162342 --contracts contracts";

  static final String TIMELINE =
      """
      {"scenario":"flaky","vendor":"payments","events":[
        {"t":0,"kind":"attempt","operation":"createCharge","status":503,"ms":40,"attempt":1},
        {"t":40,"kind":"wait","ms":400,"reason":"backoff"},
        {"t":440,"kind":"attempt","operation":"createCharge","status":429,"ms":25,"attempt":2},
        {"t":465,"kind":"wait","ms":1000,"reason":"retry-after"},
        {"t":1465,"kind":"attempt","operation":"createCharge","status":201,"ms":60,"attempt":3},
        {"t":1525,"kind":"attempt","operation":"createJournalEntry","status":201,"ms":80},
        {"t":1610,"kind":"note","text":"ledger holds exactly one charge"}]}
      """;

  static final String OUTAGE_TIMELINE =
      """
      {"scenario":"outage","vendor":"fulfilment","events":[
        {"t":0,"kind":"attempt","operation":"createShipment","status":0,"error":"timeout","ms":2000},
        {"t":2000,"kind":"wait","ms":800,"reason":"backoff"},
        {"t":2800,"kind":"attempt","operation":"createShipment","status":0,"error":"timeout","ms":2000},
        {"t":4800,"kind":"note","text":"circuit opened"},
        {"t":4800,"kind":"wait","ms":5000,"reason":"circuit-open"}]}
      """;

  private RunFixtures() {}

  static Path contract(String relative) {
    return ROOT.resolve("contracts").resolve(relative);
  }

  static CheckResult result(
      String checkId,
      String vendor,
      String operation,
      Outcome outcome,
      Severity severity,
      String subject,
      String message,
      List<Diagnostic> findings,
      List<Evidence> evidence,
      Map<String, String> labels) {
    return result(
        checkId,
        vendor,
        operation,
        outcome,
        severity,
        subject,
        message,
        findings,
        evidence,
        Facts.NONE,
        labels);
  }

  static CheckResult result(
      String checkId,
      String vendor,
      String operation,
      Outcome outcome,
      Severity severity,
      String subject,
      String message,
      List<Diagnostic> findings,
      List<Evidence> evidence,
      Facts facts,
      Map<String, String> labels) {
    return new CheckResult(
        checkId,
        subject,
        vendor,
        operation,
        outcome,
        severity,
        message,
        findings,
        evidence,
        Duration.ofMillis(120),
        facts,
        labels);
  }

  static CheckResult passed(String checkId, String vendor, String operation, String subject) {
    return result(
        checkId,
        vendor,
        operation,
        Outcome.PASSED,
        Severity.ERROR,
        subject,
        "Matches.",
        List.of(),
        List.of(),
        Map.of());
  }

  /** A run with every section populated: failures, warnings, skips, breaking changes, timelines. */
  static RunReport typical() {
    List<CheckResult> results = new ArrayList<>();
    Diagnostic typeMismatch =
        Diagnostic.error(
                "verify.pact.response.body.type",
                "'amount' is a string in the pact but an integer in the spec")
            .at(
                new SourceLocation(
                    contract("openapi/payments/2024-06.yaml"),
                    42,
                    17,
                    JsonPointer.parse(
                        "#/paths/~1v1~1charges/post/responses/201/content/application~1json/schema/properties/amount")))
            .expected("integer")
            .actual("\"12.50\"")
            .hint("send minor units as an integer")
            .build();
    results.add(
        result(
            "pact.request-matches-spec",
            "payments",
            "POST /v1/charges",
            Outcome.FAILED,
            Severity.ERROR,
            "order-sync → payments: create a charge",
            "The pact's response body does not match the spec.",
            List.of(typeMismatch),
            List.of(
                Evidence.json(
                    "expected vs actual",
                    "{\"expected\":{\"amount\":1250},\"actual\":{\"amount\":\"12.50\"}}"),
                new Evidence(
                    "request",
                    "message/http",
                    "POST /v1/charges HTTP/1.1\nContent-Type: application/json\n\n{\"amount\":1250}")),
            Facts.NONE.withConsumer("order-sync"),
            Map.of()));
    results.add(
        passed(
            "pact.request-matches-spec",
            "accounting",
            "POST /journal-entries",
            "order-sync → accounting: book an entry"));
    results.add(
        passed(
            "pact.response-matches-spec",
            "fulfilment",
            "POST /v2/shipments",
            "order-sync → fulfilment: create a shipment"));
    results.add(
        passed(
            "sandbox.answers-per-spec",
            "payments",
            "GET /v1/charges/{id}",
            "payments sandbox: read a charge"));
    results.add(
        result(
            "sandbox.answers-per-spec",
            "storefront",
            "",
            Outcome.SKIPPED,
            Severity.ERROR,
            "storefront sandbox: webhooks",
            "Skipped: the storefront has no webhook channel in this contract version.",
            List.of(),
            List.of(),
            Map.of()));
    results.add(
        result(
            "adapter.honours-retry-after",
            "payments",
            "POST /v1/charges",
            Outcome.PASSED,
            Severity.ERROR,
            "order-sync adapter under flaky payments",
            "Waited 1000 ms as Retry-After asked, then succeeded; exactly one charge.",
            List.of(),
            List.of(new Evidence("timeline", Evidence.TIMELINE, TIMELINE)),
            Map.of("scenario", "flaky")));
    results.add(
        result(
            "adapter.exactly-once",
            "fulfilment",
            "POST /v2/shipments",
            Outcome.FAILED,
            Severity.ERROR,
            "order-sync adapter under fulfilment outage",
            "The order was not shipped and no retry was scheduled after the circuit opened.",
            List.of(),
            List.of(new Evidence("timeline", Evidence.TIMELINE, OUTAGE_TIMELINE)),
            Map.of("scenario", "outage")));
    results.add(
        result(
            "version.no-breaking-change",
            "fulfilment",
            "POST /v2/shipments",
            Outcome.FAILED,
            Severity.ERROR,
            "fulfilment v1 → v2",
            "Required request property 'carrier' was added.",
            List.of(
                Diagnostic.error(
                        "version.request.property.required-added",
                        "request property 'carrier' became required")
                    .at(
                        new SourceLocation(
                            contract("openapi/fulfilment/v2.yaml"),
                            88,
                            9,
                            JsonPointer.parse("#/components/schemas/Shipment/required")))
                    .build()),
            List.of(),
            Facts.NONE.withChanges(
                List.of(
                    new ChangeImpact(
                        "openapi.request.property.required-added",
                        "breaking",
                        "POST /v2/shipments",
                        "order-sync",
                        "create a shipment for a paid order"))),
            Map.of()));
    results.add(
        result(
            "version.consumers-unaffected",
            "payments",
            "",
            Outcome.PASSED,
            Severity.ERROR,
            "payments 2024-06 → 2024-09",
            "No consumer uses the removed field 'legacy_id'.",
            List.of(),
            List.of(),
            Facts.NONE.withChanges(
                List.of(
                    ChangeImpact.unattributed(
                        "openapi.response.property.removed", "breaking", "POST /v1/charges"))),
            Map.of()));
    results.add(
        result(
            "contract.lint",
            "accounting",
            "",
            Outcome.FAILED,
            Severity.WARNING,
            "accounting contract lint",
            "An operation has no operationId.",
            List.of(
                Diagnostic.warning(
                        "contract.openapi.operation-id.missing", "GET /accounts has no operationId")
                    .at(
                        new SourceLocation(
                            contract("openapi/accounting/1.0.yaml"),
                            12,
                            5,
                            JsonPointer.parse("#/paths/~1accounts/get")))
                    .build()),
            List.of(),
            Map.of()));
    return new RunReport(
        "0.1.0-SNAPSHOT",
        SEED,
        COMMAND,
        Instant.parse("2025-03-14T09:26:53Z"),
        Duration.ofMillis(12_345),
        List.of(
            new ContractInfo("interlock.yaml", "manifest", "", "1", "a".repeat(64)),
            new ContractInfo(
                "openapi/payments/2024-06.yaml", "OpenAPI", "payments", "2024-06", "b".repeat(64)),
            new ContractInfo(
                "openapi/accounting/1.0.yaml", "OpenAPI", "accounting", "1.0", "c".repeat(64)),
            new ContractInfo(
                "openapi/fulfilment/v2.yaml", "OpenAPI", "fulfilment", "2.0.0", "d".repeat(64)),
            new ContractInfo(
                "pacts/order-sync-payments.json", "Pact", "payments", "4.0", "e".repeat(64))),
        results,
        List.of(
            new OperationCoverage(
                "payments",
                "2024-06",
                "POST /v1/charges",
                List.of("pact order-sync-payments", "scenario flaky")),
            new OperationCoverage(
                "payments", "2024-06", "GET /v1/charges/{id}", List.of("sandbox.answers-per-spec")),
            new OperationCoverage("payments", "2024-06", "POST /v1/refunds", List.of()),
            new OperationCoverage(
                "fulfilment", "v2", "POST /v2/shipments", List.of("scenario outage")),
            new OperationCoverage(
                "accounting",
                "1.0",
                "POST /journal-entries",
                List.of("pact order-sync-accounting")),
            new OperationCoverage("accounting", "1.0", "GET /accounts", List.of())));
  }

  /** A run whose only change from {@link #typical()} is its seed and shifted finding lines. */
  static RunReport typicalShifted() {
    RunReport t = typical();
    List<CheckResult> shifted =
        t.results().stream()
            .map(
                r ->
                    new CheckResult(
                        r.checkId(),
                        r.subject(),
                        r.vendor(),
                        r.operation(),
                        r.outcome(),
                        r.severity(),
                        r.message() + " (seed 2)",
                        r.findings().stream()
                            .map(
                                d ->
                                    new Diagnostic(
                                        d.severity(),
                                        d.code(),
                                        d.message() + " again",
                                        new SourceLocation(
                                            d.location().file(),
                                            d.location().line() + 7,
                                            d.location().column(),
                                            d.location().pointer()),
                                        d.expected(),
                                        d.actual(),
                                        d.hint()))
                            .toList(),
                        r.evidence(),
                        r.duration(),
                        r.labels()))
            .toList();
    return new RunReport(
        t.interlockVersion(),
        99L,
        t.command(),
        t.startedAt().plusSeconds(3600),
        t.duration(),
        t.contracts(),
        shifted,
        t.coverage());
  }

  /** One failing result with {@code n} findings. */
  static RunReport manyFindings(int n) {
    List<Diagnostic> findings = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      findings.add(
          Diagnostic.error(
                  "verify.sandbox.response.body.type",
                  "finding number " + i + " about property p" + i)
              .at(
                  new SourceLocation(
                      contract("openapi/payments/2024-06.yaml"),
                      i,
                      3,
                      JsonPointer.of("paths", "/p" + i)))
              .build());
    }
    CheckResult r =
        result(
            "sandbox.answers-per-spec",
            "payments",
            "GET /v1/things",
            Outcome.FAILED,
            Severity.ERROR,
            "payments sandbox: everything",
            "Ten thousand things are wrong.",
            findings,
            List.of(),
            Map.of());
    return run(List.of(r));
  }

  /** {@code n} failing results, each with a finding. */
  static RunReport manyFailures(int n) {
    List<CheckResult> results = new ArrayList<>(n + 1);
    for (int i = 1; i <= n; i++) {
      results.add(
          result(
              "pact.request-matches-spec",
              "vendor" + (i % 7),
              "POST /v1/op" + i,
              Outcome.FAILED,
              Severity.ERROR,
              "failure number " + i + " | with a pipe and <b>markup</b>",
              "Mismatch number "
                  + i
                  + ": a rather long message that explains what went wrong in some detail, as messages do.",
              List.of(
                  Diagnostic.error("verify.pact.request.body.type", "body mismatch " + i)
                      .at(
                          new SourceLocation(
                              contract("pacts/consumer-vendor.json"),
                              i,
                              1,
                              JsonPointer.of("interactions", String.valueOf(i))))
                      .build()),
              List.of(),
              Map.of()));
    }
    results.add(passed("pact.request-matches-spec", "vendor1", "GET /ok", "one that passed"));
    return run(results);
  }

  static RunReport run(List<CheckResult> results) {
    return new RunReport(
        "0.1.0-SNAPSHOT",
        SEED,
        COMMAND,
        Instant.parse("2025-03-14T09:26:53Z"),
        Duration.ofSeconds(5),
        List.of(),
        results,
        List.of());
  }
}
