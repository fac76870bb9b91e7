package dev.interlock.cli;

import dev.interlock.adapters.SecretResolver;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.kafka.DeliveryScenario;
import dev.interlock.kafka.KafkaBroker;
import dev.interlock.kafka.KafkaSandbox;
import dev.interlock.kafka.KafkaSettings;
import dev.interlock.mocks.EventMessage;
import dev.interlock.mocks.SandboxOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka side of {@code interlock sandbox}: for each event system bound to Kafka (manifest
 * {@code transport: kafka} or a {@code kafka:} block) it publishes the events the contracts send to
 * their topics and reads the topics they receive, on the cluster {@code --kafka} or the manifest
 * names ({@code embedded}: one started in-process, shared by the systems).
 */
final class SandboxKafka implements AutoCloseable {

  private final List<AutoCloseable> open = new ArrayList<>();

  /**
   * Starts the systems' Kafka sandboxes and publishes {@code perEvent} events of each sent message,
   * delivered as {@code delivery} names ({@link DeliveryScenario#named}).
   *
   * @throws UsageException when a system has no broker, or its settings cannot be resolved
   */
  static SandboxKafka start(
      Manifest manifest,
      List<AsyncApiContract> asyncApi,
      String override,
      int perEvent,
      String delivery,
      long seed,
      Console console) {
    SandboxKafka started = new SandboxKafka();
    if (manifest == null) {
      return started;
    }
    DeliveryScenario scenario;
    try {
      scenario = DeliveryScenario.named(delivery);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--kafka-delivery: " + e.getMessage());
    }
    KafkaBroker embedded = null;
    try {
      for (Manifest.EventSystem system : manifest.events().values()) {
        if (!"kafka".equals(system.transport()) && !system.kafka().isObject()) {
          continue;
        }
        List<AsyncApiContract> contracts =
            asyncApi.stream()
                .filter(
                    a ->
                        a.file()
                            .toAbsolutePath()
                            .normalize()
                            .equals(system.contract().toAbsolutePath().normalize()))
                .toList();
        KafkaSettings settings = settings(system, manifest, override);
        if (settings == null || contracts.isEmpty()) {
          continue;
        }
        KafkaBroker broker;
        if (settings.isEmbedded()) {
          if (embedded == null) {
            embedded = KafkaBroker.of(settings);
            started.open.add(embedded);
          }
          broker = embedded;
        } else {
          broker = KafkaBroker.of(settings);
        }
        KafkaSandbox sandbox =
            KafkaSandbox.start(
                broker.settings(),
                contracts,
                scenario,
                SandboxOptions.builder().seed(seed).build());
        started.open.add(0, sandbox);
        List<EventMessage> sent = sandbox.publishEmitted(perEvent);
        console
            .out()
            .printf(
                "%-12s %-26s kafka %s · published %d event(s) (+%d duplicate(s)) of %s%s%n",
                system.id(),
                "events",
                broker.isEmbedded() ? broker.settings().bootstrap() + " (embedded)" : settings,
                sent.size(),
                sandbox.duplicates(),
                String.join(", ", sandbox.emits()),
                sandbox.receives().isEmpty()
                    ? ""
                    : " · reading " + String.join(", ", sandbox.receives()));
      }
      return started;
    } catch (IllegalArgumentException | IllegalStateException e) {
      started.close();
      throw new UsageException("kafka: " + e.getMessage());
    }
  }

  /**
   * The delivery mode of {@code --kafka-delivery}, else the one {@code --scenario} implies.
   *
   * @throws UsageException for an unknown mode
   */
  static String delivery(String option, String scenario) {
    String name = option != null ? option : "flaky".equals(scenario) ? "flaky" : "in-order";
    try {
      DeliveryScenario.named(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--kafka-delivery: " + e.getMessage());
    }
    return name;
  }

  private static KafkaSettings settings(
      Manifest.EventSystem system, Manifest manifest, String override) {
    if (system.kafka().isObject()) {
      KafkaSettings s =
          KafkaSettings.fromManifest(
              system.kafka(),
              SecretResolver.fromEnvironment(null, manifest.root()),
              "events." + system.id() + ".kafka");
      return override == null ? s : s.withBootstrap(override);
    }
    return override == null ? null : KafkaSettings.of(override);
  }

  @Override
  public void close() {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception e) {
        // stopping is best effort at shutdown
      }
    }
    open.clear();
  }
}
