package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.Fixtures;
import dev.interlock.kafka.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock run order-sync --kafka embedded --orders 200 --scenario flaky} through picocli:
 * the storefront's 200 orders go through a real (in-process) broker and every one is charged,
 * booked, shipped and announced on {@code order.synced} exactly once. The vendor calls run on
 * virtual time; only the broker takes wall time.
 */
class RunOrderSyncOnKafkaIT {

  record Finished(int exit, String out, String err) {}

  private static Finished run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = InterlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Finished(exit, out.toString(), err.toString());
  }

  @Test
  void twoHundredOrdersOnAnEmbeddedBrokerGiveTwoHundredOfEachEffect(@TempDir Path state)
      throws Exception {
    Finished r =
        run(
            "run",
            "order-sync",
            "--kafka",
            "embedded",
            "--orders",
            "200",
            "--scenario",
            "flaky",
            "--duplicates",
            "0.1",
            "--kill-after",
            "250",
            "--contracts",
            Fixtures.bundledContracts().toString(),
            "--state",
            state.toString(),
            "--format",
            "json");

    assertThat(r.exit()).as(r.out() + "\n" + r.err()).isEqualTo(ExitCode.OK);
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertThat(o.path("transport").asText()).startsWith("kafka ").contains("(embedded)");
    assertThat(o.path("ordersSynced").asInt()).isEqualTo(200);
    assertThat(o.path("ledger").path("payments").path("charges").asInt()).isEqualTo(200);
    assertThat(o.path("ledger").path("accounting").path("journal-entries").asInt()).isEqualTo(200);
    assertThat(o.path("ledger").path("fulfilment").path("shipments").asInt()).isEqualTo(200);
    assertThat(o.path("eventsEmitted").asInt()).isEqualTo(200);
    assertThat(o.path("deadLetters").asInt()).isZero();
    assertThat(o.path("restarts").asInt()).as("the consumer killed after 250 effects").isOne();
    assertThat(o.path("retries").asInt()).as("the flaky sandboxes failed calls").isPositive();
    assertThat(o.path("clock").asText()).isEqualTo("virtual");
  }

  @Test
  void aClusterNamedByItsBootstrapAddressCarriesTheRunWithTwoConsumers(@TempDir Path state)
      throws Exception {
    try (EmbeddedKafka cluster = EmbeddedKafka.start()) {
      Finished r =
          run(
              "run",
              "order-sync",
              "--kafka",
              cluster.bootstrap(),
              "--consumers",
              "2",
              "--orders",
              "40",
              "--scenario",
              "flaky",
              "--contracts",
              Fixtures.bundledContracts().toString(),
              "--state",
              state.toString());

      assertThat(r.exit()).as(r.out() + "\n" + r.err()).isEqualTo(ExitCode.OK);
      assertThat(r.out())
          .contains("kafka " + cluster.bootstrap() + ", order.created on topic order.created")
          .doesNotContain("(embedded)")
          .contains("orders synced   40 of 40")
          .contains("events emitted  40 order.synced")
          .contains("ledger payments   {charges=40}");
    }
  }

  @Test
  void consumersWithoutKafkaIsAUsageError() {
    Finished r =
        run(
            "run",
            "order-sync",
            "--consumers",
            "2",
            "--contracts",
            Fixtures.bundledContracts().toString());

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("--consumers applies to a run on Kafka only (--kafka)");
  }
}
