package dev.interlock.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code message.on-broker-matches-asyncapi} on the bundled internal events, in a contracts folder
 * of their own (loading every bundled contract would cost more than the broker).
 */
class MessageOnBrokerIT {

  private static final String ID = "message.on-broker-matches-asyncapi";

  @TempDir static Path contracts;

  @BeforeAll
  static void internalEventsOnly() throws IOException {
    Files.createDirectories(contracts.resolve("asyncapi"));
    Files.copy(
        Fixtures.bundledContracts().resolve("asyncapi/internal-events.yaml"),
        contracts.resolve("asyncapi/internal-events.yaml"));
    Files.writeString(
        contracts.resolve("interlock.yaml"),
        """
        interlock: 1
        events:
          internal: {contract: asyncapi/internal-events.yaml, transport: kafka}
        """);
  }

  @Test
  void withoutABrokerTheKafkaSystemIsSkippedSayingHowToConfigureOne() {
    List<CheckResult> results =
        Verification.run(
                VerificationOptions.of(contracts, 7).withChecks(List.of(ID)),
                Verification.Listener.NONE)
            .results();
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.subject()).isEqualTo("internal");
              assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
              assertThat(r.message()).contains("--kafka", "events.internal.kafka.bootstrap");
            });
  }

  @Test
  void onAnEmbeddedBrokerEveryTopicOfTheSandboxsEventsIsJudgedAndPasses() {
    List<CheckResult> results =
        Verification.run(
                VerificationOptions.of(contracts, 7).withChecks(List.of(ID)).withKafka("embedded"),
                Verification.Listener.NONE)
            .results();
    assertThat(results)
        .extracting(CheckResult::subject)
        .containsExactly("internal → order.synced", "internal → payment.captured");
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
              assertThat(r.message()).startsWith("10 record(s) on ");
            });
  }
}
