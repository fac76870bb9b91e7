package dev.interlock.cli;

import dev.interlock.mocks.SandboxFleet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Kafka flags of {@code interlock sandbox}: the cluster, how many events to publish and how to
 * deliver them. Checked before any sandbox starts, so a bad flag costs nothing.
 */
final class SandboxKafkaOptions {

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--kafka-events",
      paramLabel = "N",
      description =
          "Events of each message the Kafka-bound contracts send, published at start"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int kafkaEvents;

  @Option(
      names = "--kafka-delivery",
      paramLabel = "MODE",
      description =
          "How Kafka events are delivered: in-order, duplicates, reordered or flaky (both)"
              + " (default: flaky with --scenario flaky, else in-order).")
  String kafkaDelivery;

  /**
   * The flags, checked.
   *
   * @throws UsageException for a blank bootstrap or an unknown delivery mode
   */
  Checked check(String scenario) {
    String delivery = SandboxKafka.delivery(kafkaDelivery, scenario);
    return new Checked(kafka.bootstrap(), delivery, kafkaEvents);
  }

  /** Checked flags, ready to start the fleet's Kafka side. */
  record Checked(String bootstrap, String delivery, int events) {

    /**
     * Starts the Kafka sandboxes of the fleet's manifest (none without one).
     *
     * @throws UsageException when a system's settings cannot be used
     */
    SandboxKafka start(SandboxFleet fleet, long seed, Console console) {
      return SandboxKafka.start(
          fleet.manifest().orElse(null),
          fleet.asyncApi(),
          bootstrap,
          events,
          delivery,
          seed,
          console);
    }
  }
}
