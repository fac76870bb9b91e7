package dev.interlock.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.adapters.ordersync.FeedDrain;
import dev.interlock.adapters.ordersync.OrderSync;
import dev.interlock.adapters.ordersync.OrderSync.Ack;
import dev.interlock.adapters.ordersync.OrderSync.Delivery;
import dev.interlock.adapters.ordersync.OrderSync.SimulatedCrash;
import dev.interlock.adapters.ordersync.ProgressStore;
import dev.interlock.adapters.ordersync.ProgressStore.Step;
import dev.interlock.adapters.ordersync.SyncedEventSink;
import dev.interlock.clients.events.internal_events.OrderSynced;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * order-sync's feed on a real (embedded) broker: a consumer killed mid-batch without committing,
 * then two members sharing the group and one leaving (two rebalances); the journal and the offsets
 * agree at the end and every order's effect happened exactly once.
 */
class KafkaOrderFeedIT {

  private static final int ORDERS = 300;
  private static final String IN = "order.created";
  private static final String OUT = "order.synced";
  private static final String GROUP = "order-sync";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedKafka kafka;
  private static KafkaSettings settings;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = EmbeddedKafka.start();
    settings = KafkaSettings.of(kafka.bootstrap());
    try (Admin admin = Admin.create(settings.clientProperties())) {
      admin
          .createTopics(List.of(new NewTopic(IN, 3, (short) 1), new NewTopic(OUT, 1, (short) 1)))
          .all()
          .get();
    }
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            settings.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < ORDERS; i++) {
        String id = orderId(i);
        ProducerRecord<byte[], byte[]> r =
            new ProducerRecord<>(
                IN, utf8(id), utf8("{\"orderId\":\"" + id + "\",\"total\":" + (100 + i) + "}"));
        r.headers().add(KafkaOrderFeed.EVENT_ID, utf8("evt-" + i));
        r.headers().add(KafkaOrderFeed.EVENT_TYPE, utf8("order.created"));
        producer.send(r);
      }
      producer.flush();
    }
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void killedConsumerAndRebalanceLeaveEveryOrderSyncedExactlyOnce(@TempDir Path state)
      throws Exception {
    Map<String, Integer> effects = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    try (ProgressStore store = ProgressStore.open(state);
        KafkaOrderSyncedSink sink = new KafkaOrderSyncedSink(settings, OUT)) {
      Function<Delivery, Ack> sync =
          journalled(store, SyncedEventSink.asJson(sink), effects, duplicates);

      // 1. a consumer dies after 7 orders of its first batch: handled, journalled, not committed
      AtomicInteger handledByFirst = new AtomicInteger();
      Function<Delivery, Ack> crashing =
          d -> {
            if (handledByFirst.incrementAndGet() > 7) {
              throw new SimulatedCrash("killed mid-batch");
            }
            return sync.apply(d);
          };
      try (KafkaOrderFeed first = KafkaOrderFeed.subscribe(settings, IN, GROUP)) {
        FeedDrain drain = new FeedDrain(first, crashing);
        assertThatThrownBy(
                () -> {
                  long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                  while (System.nanoTime() < until) {
                    drain.drainBatch(Duration.ofMillis(500));
                  }
                })
            .isInstanceOf(SimulatedCrash.class);
      } // closed without a commit
      assertThat(store.count(Step.SYNCED)).isEqualTo(7);
      assertThat(committed()).as("the killed consumer committed nothing").isEmpty();

      // 2. two members share the group; once the second has committed a batch it leaves
      KafkaOrderFeed b = KafkaOrderFeed.subscribe(settings, IN, GROUP);
      KafkaOrderFeed c = KafkaOrderFeed.subscribe(settings, IN, GROUP);
      FeedDrain drainB = new FeedDrain(b, sync);
      FeedDrain drainC = new FeedDrain(c, sync);
      boolean cCommitted = false;
      boolean cLeft = false;
      int idle = 0;
      long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      try {
        while (System.nanoTime() < until && idle < 6) {
          FeedDrain.BatchResult rb = drainB.drainBatch(Duration.ofMillis(200));
          FeedDrain.BatchResult rc =
              cLeft ? FeedDrain.BatchResult.EMPTY : drainC.drainBatch(Duration.ofMillis(200));
          cCommitted |= rc.committed() && rc.handled() > 0;
          if (cCommitted && !cLeft) {
            c.close();
            cLeft = true;
          }
          boolean allDone = store.count(Step.SYNCED) == ORDERS;
          idle = allDone && rb.delivered() == 0 && rc.delivered() == 0 ? idle + 1 : 0;
        }
      } finally {
        b.close();
        if (!cLeft) {
          c.close();
        }
      }
      assertThat(cCommitted).as("the second member got partitions and committed").isTrue();
    }

    assertThat(effects).hasSize(ORDERS);
    assertThat(effects.values()).as("each order's effect exactly once").containsOnly(1);
    assertThat(duplicates.get())
        .as("the killed consumer's uncommitted orders were delivered again")
        .isGreaterThanOrEqualTo(7);
    assertThat(committed()).as("offsets and journal agree").isEqualTo(endOffsets(IN));
    assertThat(syncedEventIds())
        .as("the stable event id of every order")
        .hasSize(ORDERS)
        .contains(OrderSync.eventId(orderId(0)), OrderSync.eventId(orderId(ORDERS - 1)));
    assertThat(endOffsets(OUT).values().stream().mapToLong(Long::longValue).sum())
        .as("one order.synced per order on the topic")
        .isEqualTo(ORDERS);
  }

  /** A minimal order-sync: the effect, the event, then the journal — skipped once journalled. */
  private static Function<Delivery, Ack> journalled(
      ProgressStore store,
      Consumer<OrderSynced> events,
      Map<String, Integer> effects,
      AtomicInteger duplicates) {
    return d -> {
      String orderId;
      try {
        orderId = JSON.readTree(d.body()).path("orderId").asText();
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      if (store.get(orderId).has(Step.SYNCED)) {
        duplicates.incrementAndGet();
        return Ack.DUPLICATE;
      }
      effects.merge(orderId, 1, Integer::sum);
      OrderSynced synced = new OrderSynced();
      synced.setOrderId(orderId);
      events.accept(synced);
      store.record(orderId, Step.SYNCED, d.eventId(), Instant.EPOCH);
      return Ack.SYNCED;
    };
  }

  private static Map<TopicPartition, Long> committed() throws Exception {
    try (Admin admin = Admin.create(settings.clientProperties())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> out = new java.util.HashMap<>();
      offsets.forEach((tp, o) -> out.put(tp, o.offset()));
      return out;
    }
  }

  private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    try (Admin admin = Admin.create(settings.clientProperties())) {
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> ask = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        ask.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, Long> out = new java.util.HashMap<>();
      admin.listOffsets(ask).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    }
  }

  private static Set<String> syncedEventIds() {
    Set<String> ids = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            settings.clientProperties(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(OUT, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (ids.size() < ORDERS && System.nanoTime() < until) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          ids.add(
              new String(
                  r.headers().lastHeader(KafkaOrderFeed.EVENT_ID).value(), StandardCharsets.UTF_8));
        }
      }
    }
    return ids;
  }

  private static String orderId(int i) {
    return String.format("ord_%08d", i);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
