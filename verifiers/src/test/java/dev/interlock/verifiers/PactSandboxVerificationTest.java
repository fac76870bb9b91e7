package dev.interlock.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.Fixtures;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pact.verified-against-sandbox}: passes on the bundled pacts, fails precisely on a drifted
 * one.
 */
class PactSandboxVerificationTest {

  private static List<CheckResult> run(Path contracts) {
    return Verification.run(
            VerificationOptions.of(contracts, 7)
                .withChecks(List.of("pact.verified-against-sandbox")),
            Verification.Listener.NONE)
        .results();
  }

  @Test
  void everyBundledHttpInteractionIsSatisfiedByItsProvidersSandbox() {
    List<CheckResult> results = run(Fixtures.bundledContracts());

    assertThat(results)
        .hasSize(8)
        .allSatisfy(
            r ->
                assertThat(r.outcome())
                    .as(r.subject() + ": " + r.message())
                    .isEqualTo(Outcome.PASSED));
  }

  @Test
  void aPactExpectingWhatTheProviderNeverAnswersFailsWithTheMismatchAndBothResponses(
      @TempDir Path dir) throws IOException {
    Path contracts = EngineTest.copy(Fixtures.bundledContracts(), dir.resolve("contracts"));
    Path pact = contracts.resolve("pacts/order-sync-payments.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(pact.toFile());
    ((ObjectNode) root.path("interactions").get(0).path("response")).put("status", 200);
    json.writerWithDefaultPrettyPrinter().writeValue(pact.toFile(), root);

    CheckResult charge =
        run(contracts).stream()
            .filter(r -> r.subject().contains("(#0)") && r.vendor().equals("payments"))
            .findFirst()
            .orElseThrow();

    assertThat(charge.failed()).isTrue();
    assertThat(charge.findings())
        .anySatisfy(
            d -> {
              assertThat(d.message()).contains("status: expected 200 but got 201");
              assertThat(d.location().file().toString()).endsWith("order-sync-payments.json");
              assertThat(d.location().line()).isPositive();
            });
    assertThat(charge.evidence())
        .extracting(e -> e.label())
        .contains("expected response (pact)", "actual response (sandbox)");
  }
}
