package dev.interlock.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import dev.interlock.core.run.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandbox.conforms-to-spec} fails, naming the example, when a sandbox answer drifts. */
class SandboxConformanceTest {

  @Test
  void aNamedExampleThatViolatesItsSchemaFailsTheOperationWithItsLocation(@TempDir Path dir)
      throws IOException {
    Path contracts = EngineTest.copy(Fixtures.bundledContracts(), dir.resolve("contracts"));
    Path payments = contracts.resolve("openapi/payments/2025-01-15.yaml");
    String spec = Files.readString(payments);
    // the first card in the file belongs to a named example of listCharges' 200
    String broken = spec.replaceFirst("last4: '4242'", "last4: 4242");
    assertThat(broken).isNotEqualTo(spec);
    Files.writeString(payments, broken);

    List<CheckResult> results;
    results =
        Verification.run(
                VerificationOptions.of(contracts, 7)
                    .withChecks(List.of("sandbox.conforms-to-spec")),
                Verification.Listener.NONE)
            .results();

    CheckResult list =
        results.stream()
            .filter(r -> r.subject().equals("payments 2025-01-15: GET /v1/charges"))
            .findFirst()
            .orElseThrow();
    assertThat(list.failed()).as(list.message()).isTrue();
    assertThat(list.findings())
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.message()).startsWith("example '");
              assertThat(d.location().file().toString()).endsWith("2025-01-15.yaml");
              assertThat(d.location().line()).isPositive();
            });
    assertThat(results.stream().filter(r -> r.vendor().equals("fulfilment")))
        .noneMatch(CheckResult::failed);
  }
}
