package dev.interlock.kafka;

import dev.interlock.adapters.SecretResolver;
import dev.interlock.adapters.ordersync.OrderFeed;
import dev.interlock.adapters.ordersync.OrderFeedBroker;
import dev.interlock.adapters.ordersync.SyncedEventSink;
import dev.interlock.core.ContractSet;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.mocks.EventMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order-sync run's broker on Kafka. The storefront's {@code order.created} events go through the
 * sandbox's {@link KafkaChannel} to the topic the contracts bind that message to (key, headers and
 * content type as the contract says); order-sync's group reads them as {@link KafkaOrderFeed}s and
 * emits {@code order.synced} through a {@link KafkaOrderSyncedSink} to that message's topic.
 *
 * <p>Each run has a consumer group of its own, which starts where the topic ended when the run
 * began: on a shared cluster it reads this run's events only, not what earlier runs left.
 */
public final class KafkaOrderFeedBroker implements OrderFeedBroker {

  /** The message the storefront publishes and order-sync consumes. */
  public static final String ORDER_CREATED = "order.created";

  /** The message order-sync emits. */
  public static final String ORDER_SYNCED = "order.synced";

  private final KafkaChannel channel;
  private final GroupOffsets offsets;
  private final String inTopic;
  private final String outTopic;
  private final String group;
  private final KafkaOrderSyncedSink sink;
  private KafkaBroker started;

  private KafkaOrderFeedBroker(
      KafkaChannel channel, String inTopic, String outTopic, String group) {
    this.channel = channel;
    this.inTopic = inTopic;
    this.outTopic = outTopic;
    this.group = group;
    this.offsets = new GroupOffsets(channel.settings(), inTopic, group);
    this.sink = new KafkaOrderSyncedSink(channel.settings(), outTopic);
  }

  /**
   * A factory for {@code OrderSyncRun.runOnFeed}: the cluster is {@code bootstrap} (or {@value
   * KafkaBroker#EMBEDDED}), with the security settings of the manifest's event system that carries
   * {@value #ORDER_SYNCED} ({@code events.<system>.kafka}, {@code env:}/{@code file:} references);
   * null: that system's own bootstrap.
   */
  public static OrderFeedBroker.Factory feeds(String bootstrap) {
    return (contracts, manifest) ->
        start(settings(contracts, manifest, bootstrap), contracts.asyncApi());
  }

  private static KafkaSettings settings(ContractSet contracts, Manifest manifest, String override) {
    for (Manifest.EventSystem system : manifest.events().values()) {
      if (system.kafka().isObject() && declares(contracts, system.contract(), ORDER_SYNCED)) {
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
          "no Kafka cluster for order-sync: pass --kafka BOOTSTRAP (or 'embedded'), or set"
              + " events.<system>.kafka.bootstrap in the manifest");
    }
    return KafkaSettings.of(override);
  }

  private static boolean declares(ContractSet contracts, Path contract, String message) {
    Path file = contract.toAbsolutePath().normalize();
    return contracts.asyncApi().stream()
        .filter(a -> a.file().toAbsolutePath().normalize().equals(file))
        .anyMatch(a -> declares(a, message));
  }

  /**
   * Opens the broker on the cluster of {@code settings}, or, when they say {@value
   * KafkaBroker#EMBEDDED}, on one started in-process for as long as the broker is open.
   */
  public static KafkaOrderFeedBroker start(
      KafkaSettings settings, List<AsyncApiContract> asyncApi) {
    KafkaBroker cluster = KafkaBroker.of(settings);
    try {
      KafkaOrderFeedBroker broker = open(cluster.settings(), asyncApi);
      broker.started = cluster;
      return broker;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Opens the broker on a running cluster for the contracts that declare {@value #ORDER_CREATED}
   * and {@value #ORDER_SYNCED}, creating their topics when missing.
   *
   * @throws IllegalArgumentException when no contract declares one of the two messages
   * @throws IllegalStateException when the cluster cannot be reached
   */
  private static KafkaOrderFeedBroker open(
      KafkaSettings settings, List<AsyncApiContract> asyncApi) {
    List<AsyncApiContract> used =
        asyncApi.stream()
            .filter(c -> declares(c, ORDER_CREATED) || declares(c, ORDER_SYNCED))
            .toList();
    AsyncApiTopics topics = AsyncApiTopics.of(used);
    String in = topicOf(topics, ORDER_CREATED);
    String out = topicOf(topics, ORDER_SYNCED);
    KafkaChannel channel = KafkaChannel.open(settings, used);
    KafkaOrderFeedBroker broker =
        new KafkaOrderFeedBroker(channel, in, out, "interlock-order-sync-" + UUID.randomUUID());
    broker.offsets.startAtEnd();
    return broker;
  }

  @Override
  public void publish(List<Event> events) {
    Instant now = Instant.now();
    for (Event e : events) {
      channel.publish(
          new EventMessage(
              e.id(),
              ORDER_CREATED,
              ORDER_CREATED,
              e.headers(),
              new String(e.body(), StandardCharsets.UTF_8),
              now));
    }
    channel.flush();
  }

  @Override
  public OrderFeed join() {
    return KafkaOrderFeed.subscribe(channel.settings(), inTopic, group);
  }

  @Override
  public SyncedEventSink syncedEvents() {
    return sink;
  }

  @Override
  public long backlog() {
    return offsets.backlog();
  }

  /** Partition → offset the group has committed on the {@value #ORDER_CREATED} topic. */
  public Map<Integer, Long> committed() {
    return offsets.committed();
  }

  /** Partition → end offset of the {@value #ORDER_CREATED} topic. */
  public Map<Integer, Long> endOffsets() {
    return offsets.ends();
  }

  public String group() {
    return group;
  }

  public String ordersTopic() {
    return inTopic;
  }

  public String syncedTopic() {
    return outTopic;
  }

  @Override
  public String describe() {
    return "kafka "
        + channel.settings()
        + (started != null && started.isEmbedded() ? " (embedded)" : "")
        + ", "
        + ORDER_CREATED
        + " on topic "
        + inTopic
        + ", "
        + ORDER_SYNCED
        + " on topic "
        + outTopic
        + ", group "
        + group;
  }

  @Override
  public void close() {
    sink.close();
    offsets.close();
    channel.close();
    if (started != null) {
      started.close();
    }
  }

  private static boolean declares(AsyncApiContract c, String message) {
    return c.messages().stream().anyMatch(m -> message.equals(m.name()));
  }

  private static String topicOf(AsyncApiTopics topics, String message) {
    return topics
        .message(message)
        .map(m -> topics.topicOf(m.message().channel()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no AsyncAPI contract declares the message '"
                        + message
                        + "' (order-sync on Kafka reads "
                        + ORDER_CREATED
                        + " and emits "
                        + ORDER_SYNCED
                        + ")"));
  }
}
