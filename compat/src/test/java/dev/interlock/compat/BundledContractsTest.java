package dev.interlock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order-sync pacts against the contract versions the manifest says order-sync uses. */
class BundledContractsTest {

  private static final Path ROOT = Contracts.bundled();
  private final CompatRenderer renderer = new CompatRenderer(Contracts.repoRoot());

  @ParameterizedTest(name = "{0} against {1}")
  @CsvSource({
    "pacts/order-sync-payments.json, openapi/payments/2025-01-15.yaml",
    "pacts/order-sync-accounting.json, openapi/accounting/v1.yaml",
    "pacts/order-sync-fulfilment.json, openapi/fulfilment/v2.yaml"
  })
  void httpPactsAreCompatibleWithTheVersionsInUse(String pactFile, String specFile) {
    PactContract pact = Contracts.load(ROOT, pactFile);
    OpenApiContract spec = Contracts.load(ROOT, specFile);

    CompatReport report = PactSpecCompatibility.check(pact, spec);

    assertThat(report.isCompatible()).as(renderer.text(report)).isTrue();
    List<CheckResult> results = report.toCheckResults();
    assertThat(results).hasSize(pact.httpInteractions().size() * 2);
    assertThat(results).allMatch(r -> r.outcome() == Outcome.PASSED);
    assertThat(results)
        .extracting(CheckResult::checkId)
        .containsOnly("pact.request-matches-spec", "pact.response-matches-spec");
  }

  @Test
  void theStorefrontMessagePactIsCompatibleWithTheWebhooksContract() {
    PactContract pact = Contracts.load(ROOT, "pacts/order-sync-storefront.json");
    AsyncApiContract asyncApi = Contracts.load(ROOT, "asyncapi/storefront-webhooks.yaml");

    CompatReport report = MessageCompatibility.check(pact, asyncApi);

    assertThat(report.isCompatible()).as(renderer.text(report)).isTrue();
    assertThat(report.toCheckResults())
        .hasSize(pact.messageInteractions().size())
        .allMatch(
            r -> r.checkId().equals("message.matches-asyncapi") && r.outcome() == Outcome.PASSED);
  }

  @Test
  void thePaymentsPactFailsAgainstTheOldPaymentsVersion() {
    PactContract pact = Contracts.load(ROOT, "pacts/order-sync-payments.json");
    OpenApiContract old = Contracts.load(ROOT, "openapi/payments/2024-06-01.yaml");

    CompatReport report = PactSpecCompatibility.check(pact, old);
    String text = renderer.text(report);
    System.out.println(text);

    assertThat(report.isCompatible()).isFalse();
    assertThat(text)
        .contains(
            "contracts/pacts/order-sync-payments.json:",
            "spec: contracts/openapi/payments/2024-06-01.yaml:");
  }

  @Test
  void theFulfilmentPactFailsAgainstFulfilmentV1() {
    PactContract pact = Contracts.load(ROOT, "pacts/order-sync-fulfilment.json");
    OpenApiContract old = Contracts.load(ROOT, "openapi/fulfilment/v1.yaml");

    CompatReport report = PactSpecCompatibility.check(pact, old);
    String text = renderer.text(report);
    System.out.println(text);

    assertThat(report.isCompatible()).isFalse();
    assertThat(text)
        .contains(
            "contracts/pacts/order-sync-fulfilment.json:",
            "spec: contracts/openapi/fulfilment/v1.yaml:");
  }
}
