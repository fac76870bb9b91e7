package dev.interlock.cli;

import picocli.CommandLine.Option;

/**
 * {@code --kafka BOOTSTRAP}: the Kafka cluster the event systems bound to Kafka use, over the
 * manifest's {@code events.<system>.kafka.bootstrap}; {@code embedded} starts a single-node broker
 * in-process. SASL/TLS settings stay in the manifest, as {@code env:}/{@code file:} references.
 */
final class KafkaOptions {

  @Option(
      names = "--kafka",
      paramLabel = "BOOTSTRAP",
      description = {
        "Kafka bootstrap servers (host:port[,host:port]) for the event systems bound to Kafka,",
        "or 'embedded' for an in-process KRaft broker (default: the manifest's",
        "events.<system>.kafka.bootstrap; SASL/TLS settings are read from there)."
      })
  String bootstrap;

  /** The option's value, checked: null when not given. */
  String bootstrap() {
    if (bootstrap != null && bootstrap.isBlank()) {
      throw new UsageException("--kafka: give host:port[,host:port...] or 'embedded'");
    }
    return bootstrap;
  }
}
