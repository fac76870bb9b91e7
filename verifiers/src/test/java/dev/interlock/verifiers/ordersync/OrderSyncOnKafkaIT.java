package dev.interlock.verifiers.ordersync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.adapters.ordersync.OrderFeedBroker;
import dev.interlock.adapters.ordersync.OrderSync;
import dev.interlock.adapters.ordersync.OrderSyncOptions;
import dev.interlock.adapters.ordersync.OrderSyncOutcome;
import dev.interlock.adapters.ordersync.OrderSyncRun;
import dev.interlock.adapters.ordersync.ProgressStore;
import dev.interlock.adapters.ordersync.ProgressStore.Step;
import dev.interlock.kafka.EmbeddedKafka;
import dev.interlock.kafka.KafkaOrderFeedBroker;
import dev.interlock.kafka.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real order-sync, fed from a real (embedded) Kafka broker, against the real sandboxes under
 * {@code flaky}: the storefront publishes its orders (some twice) to {@code order.created}; a
 * consumer is killed mid-batch without committing and replaced; a second member joins the group (a
 * rebalance). Every order ends with one charge, one journal entry, one shipment and one {@code
 * order.synced}; the group's committed offsets reach the topic's end, and every record below them
 * is an order the journal holds as synced.
 */
class OrderSyncOnKafkaIT {

  static final Path CONTRACTS =
      Path.of(System.getProperty("interlock.root", "..")).resolve("contracts");
  static final int ORDERS = 120;

  private static EmbeddedKafka kafka;
  private static KafkaSettings settings;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = EmbeddedKafka.start();
    settings = KafkaSettings.of(kafka.bootstrap());
    // the storefront's contract binds no partition count; three let two members share the topic
    try (Admin admin = Admin.create(settings.clientProperties())) {
      admin.createTopics(List.of(new NewTopic("order.created", 3, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void aKilledConsumerAndARebalanceLeaveEveryOrderChargedBookedAndShippedExactlyOnce(
      @TempDir Path state) throws Exception {
    AtomicReference<KafkaOrderFeedBroker> opened = new AtomicReference<>();
    OrderFeedBroker.Factory feeds =
        (contracts, manifest) -> {
          KafkaOrderFeedBroker b = KafkaOrderFeedBroker.start(settings, contracts.asyncApi());
          opened.set(b);
          return b;
        };
    List<String> log = Collections.synchronizedList(new ArrayList<>());

    OrderSyncOutcome o =
        OrderSyncRun.runOnFeed(
            OrderSyncOptions.of(CONTRACTS, ORDERS, "flaky", 7, state)
                .withDuplicates(0.2)
                .withKillAfter(100),
            new MocksSandboxLauncher(),
            feeds,
            2,
            log::add);
    System.out.println(o.render());

    assertThat(o.ordersSynced()).as(o.render()).isEqualTo(ORDERS);
    assertThat(o.deadLetters()).isEmpty();
    assertThat(o.ledger().get("payments")).containsEntry("charges", ORDERS);
    assertThat(o.ledger().get("accounting")).containsEntry("journal-entries", ORDERS);
    assertThat(o.ledger().get("fulfilment")).containsEntry("shipments", ORDERS);
    assertThat(o.retries()).as("the flaky sandboxes failed some calls").isPositive();
    assertThat(o.restarts()).as("one consumer killed mid-batch").isOne();
    assertThat(log).anyMatch(l -> l.contains("killed after side effect 100"));
    assertThat(log).as("a second member joined").anyMatch(l -> l.contains("member 2 joins"));

    KafkaOrderFeedBroker broker = opened.get();
    Map<TopicPartition, Long> ends = endOffsets(broker.ordersTopic());
    assertThat(committed(broker.group())).as("committed offsets == end offsets").isEqualTo(ends);

    Set<String> journalled = new HashSet<>();
    Set<String> charges = new HashSet<>();
    try (ProgressStore store = ProgressStore.open(state)) {
      for (String orderId : ordersBelow(broker.ordersTopic(), ends)) {
        ProgressStore.Progress p = store.get(orderId);
        assertThat(p.has(Step.SYNCED)).as("%s is committed, so journalled", orderId).isTrue();
        journalled.add(orderId);
        charges.add(p.ref(Step.CHARGED));
      }
    }
    assertThat(journalled).as("the committed records hold every order").hasSize(ORDERS);
    assertThat(charges).as("one charge of its own per order").hasSize(ORDERS);
    assertThat(syncedEventIds(broker.syncedTopic()))
        .as("one order.synced event id per order")
        .hasSize(ORDERS)
        .containsAll(journalled.stream().map(OrderSync::eventId).toList());
  }

  private static Map<TopicPartition, Long> committed(String group) throws Exception {
    try (Admin admin = Admin.create(settings.clientProperties())) {
      Map<TopicPartition, Long> out = new HashMap<>();
      admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .forEach((tp, o) -> out.put(tp, o.offset()));
      return out;
    }
  }

  private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    try (Admin admin = Admin.create(settings.clientProperties())) {
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        ask.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, Long> out = new HashMap<>();
      admin.listOffsets(ask).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    }
  }

  /** The order ids of every record of the topic below the given offsets. */
  private static List<String> ordersBelow(String topic, Map<TopicPartition, Long> until)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : read(until)) {
      ids.add(json.readTree(r.value()).path("orderId").asText());
    }
    assertThat(ids).as("records of " + topic).isNotEmpty();
    return ids;
  }

  private static Set<String> syncedEventIds(String topic) throws Exception {
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : read(endOffsets(topic))) {
      Header h = r.headers().lastHeader("eventId");
      ids.add(new String(h.value(), StandardCharsets.UTF_8));
    }
    return ids;
  }

  /** Every record of the partitions from their beginning up to the given offsets. */
  private static List<ConsumerRecord<byte[], byte[]>> read(Map<TopicPartition, Long> until) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            settings.clientProperties(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.assign(until.keySet());
      consumer.seekToBeginning(until.keySet());
      long total = until.values().stream().mapToLong(Long::longValue).sum();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < total && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() < until.get(tp)) {
            records.add(r);
          }
        }
      }
      assertThat(records).as("records read").hasSize((int) total);
    }
    return records;
  }
}
