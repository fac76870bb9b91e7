package dev.interlock.cli;

import dev.interlock.adapters.SecretResolver;
import dev.interlock.adapters.ordersync.OrderFeedBroker;
import dev.interlock.core.ContractSet;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.kafka.KafkaOrderFeedBroker;
import dev.interlock.kafka.KafkaSettings;
import java.nio.file.Path;

/**
 * The Kafka side of {@code interlock run order-sync --kafka BOOTSTRAP}: the cluster is {@code
 * --kafka} (or {@code embedded}), with the security settings of the manifest's event system that
 * carries {@code order.synced} on Kafka ({@code events.<system>.kafka}, {@code env:}/{@code file:}
 * references).
 */
final class RunKafka {

  private RunKafka() {}

  static OrderFeedBroker.Factory feeds(String bootstrap) {
    return (contracts, manifest) ->
        KafkaOrderFeedBroker.start(settings(contracts, manifest, bootstrap), contracts.asyncApi());
  }

  private static KafkaSettings settings(ContractSet contracts, Manifest manifest, String override) {
    for (Manifest.EventSystem system : manifest.events().values()) {
      if (system.kafka().isObject() && carriesOrderSynced(contracts, system.contract())) {
        KafkaSettings s =
            KafkaSettings.fromManifest(
                system.kafka(),
                SecretResolver.fromEnvironment(null, manifest.root()),
                "events." + system.id() + ".kafka");
        return override == null ? s : s.withBootstrap(override);
      }
    }
    if (override == null) {
      throw new IllegalArgumentException(
          "no Kafka cluster: pass --kafka BOOTSTRAP (or 'embedded'), or name one in the"
              + " manifest's events.<system>.kafka.bootstrap");
    }
    return KafkaSettings.of(override);
  }

  private static boolean carriesOrderSynced(ContractSet contracts, Path contract) {
    Path file = contract.toAbsolutePath().normalize();
    return contracts.asyncApi().stream()
        .filter(a -> a.file().toAbsolutePath().normalize().equals(file))
        .flatMap(a -> a.messages().stream())
        .anyMatch(m -> KafkaOrderFeedBroker.ORDER_SYNCED.equals(m.name()));
  }
}
