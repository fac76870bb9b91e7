package dev.interlock.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code message.on-broker-matches-asyncapi} on the bundled contracts. */
class MessageOnBrokerIT {

  private static final String ID = "message.on-broker-matches-asyncapi";

  @Test
  void withoutABrokerTheKafkaSystemIsSkippedSayingHowToConfigureOne() {
    List<CheckResult> results =
        Verification.run(
                VerificationOptions.of(Fixtures.bundledContracts(), 7).withChecks(List.of(ID)),
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
                VerificationOptions.of(Fixtures.bundledContracts(), 7)
                    .withChecks(List.of(ID))
                    .withKafka("embedded"),
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
