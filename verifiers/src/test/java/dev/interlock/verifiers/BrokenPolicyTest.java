package dev.interlock.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter checks fail, precisely, when someone loosens the policy in the manifest — here the
 * classic "retry faster" change that ignores Retry-After.
 */
class BrokenPolicyTest {

  @Test
  void ignoringRetryAfterFailsHonoursRetryAfterNamingTheOperationWithATimeline(@TempDir Path dir)
      throws IOException {
    Path contracts = EngineTest.copy(Fixtures.bundledContracts(), dir.resolve("contracts"));
    Path manifest = contracts.resolve("interlock.yaml");
    String text = Files.readString(manifest);
    String broken =
        text.replaceFirst(
            "(?m)^(      timeout: 5s)$", "$1\n      retry: { honourRetryAfter: false }");
    assertThat(broken).isNotEqualTo(text);
    Files.writeString(manifest, broken);

    List<CheckResult> results;
    results =
        Verification.run(
                VerificationOptions.of(contracts, 7)
                    .withChecks(List.of("adapter.honours-retry-after")),
                Verification.Listener.NONE)
            .results();

    CheckResult payments =
        results.stream().filter(r -> r.vendor().equals("payments")).findFirst().orElseThrow();
    assertThat(payments.failed()).isTrue();
    assertThat(payments.operation()).isEqualTo("GET /v1/charges");
    assertThat(payments.findings())
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.message())
                  .contains("listCharges was retried")
                  .contains("after 'Retry-After: 2'");
              assertThat(d.location().pointer().toString()).isEqualTo("#/paths/~1v1~1charges/get");
            });
    assertThat(payments.evidence()).extracting(Evidence::label).contains("timeline");
    assertThat(results.stream().filter(r -> !r.vendor().equals("payments")))
        .allMatch(r -> !r.failed());
  }
}
