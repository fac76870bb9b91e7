package dev.interlock.kafka;

/**
 * The broker a command talks to: a running cluster named by its settings, or, for {@value
 * #EMBEDDED}, an {@link EmbeddedKafka} started here and stopped by {@link #close()}.
 */
public final class KafkaBroker implements AutoCloseable {

  /** The bootstrap value that asks for an in-process broker. */
  public static final String EMBEDDED = "embedded";

  private final KafkaSettings settings;
  private final EmbeddedKafka embedded;

  private KafkaBroker(KafkaSettings settings, EmbeddedKafka embedded) {
    this.settings = settings;
    this.embedded = embedded;
  }

  /** Connects to the settings' cluster, starting one in-process when they say embedded. */
  public static KafkaBroker of(KafkaSettings settings) {
    if (!settings.isEmbedded()) {
      return new KafkaBroker(settings, null);
    }
    EmbeddedKafka kafka = EmbeddedKafka.start();
    return new KafkaBroker(KafkaSettings.of(kafka.bootstrap()), kafka);
  }

  /** Settings with the real bootstrap address (the embedded broker's port once started). */
  public KafkaSettings settings() {
    return settings;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
