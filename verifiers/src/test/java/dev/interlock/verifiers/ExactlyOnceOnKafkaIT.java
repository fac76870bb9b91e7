package dev.interlock.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import dev.interlock.kafka.EmbeddedKafka;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code verify --kafka BOOTSTRAP}: {@code adapter.exactly-once} runs its chaos case on Kafka as
 * well, and the {@code order.synced} events order-sync emitted there are judged against the
 * internal-events contract by {@code message.on-broker-matches-asyncapi} in the same run.
 */
class ExactlyOnceOnKafkaIT {

  private static EmbeddedKafka cluster;

  @BeforeAll
  static void startBroker() {
    cluster = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    cluster.close();
  }

  @Test
  void theChaosCaseRunsOnKafkaTooAndItsEventsMatchTheContract() {
    List<CheckResult> results =
        Verification.run(
                VerificationOptions.of(Fixtures.bundledContracts(), 7)
                    .withChecks(
                        List.of("adapter.exactly-once", "message.on-broker-matches-asyncapi"))
                    .withKafka(cluster.bootstrap()),
                Verification.Listener.NONE)
            .results();

    List<CheckResult> exactlyOnce =
        results.stream().filter(r -> r.checkId().equals("adapter.exactly-once")).toList();
    assertThat(exactlyOnce)
        .extracting(CheckResult::subject)
        .containsExactly(
            "order-sync: 60 orders, flaky, 20% duplicates, crash after 70 side effects",
            "order-sync: 60 orders, flaky, 20% duplicates, a consumer killed after 70 side"
                + " effects, a second one joining, on Kafka");
    assertThat(exactlyOnce)
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
              assertThat(r.message()).startsWith("60 of 60 orders synced exactly once");
            });
    assertThat(results)
        .filteredOn(r -> r.subject().equals("internal → order.synced"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED);
              assertThat(r.message()).startsWith("60 record(s) on order.synced");
            });
  }
}
