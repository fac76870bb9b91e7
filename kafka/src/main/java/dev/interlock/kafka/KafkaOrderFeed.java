package dev.interlock.kafka;

import dev.interlock.adapters.ordersync.OrderFeed;
import dev.interlock.adapters.ordersync.OrderSync.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * order-sync's {@link OrderFeed} on a Kafka topic: a consumer in a group, auto-commit off, so an
 * offset is committed only when order-sync says the batch is journalled. Each record becomes a
 * {@link Delivery}: event id from the {@value #EVENT_ID} header (else topic-partition-offset),
 * event type from {@value #EVENT_TYPE} (else the topic name), signature from {@value #SIGNATURE}. A
 * contract that names its headers otherwise is read by the same rule, on the names' endings (case,
 * '-' and '_' aside): {@code ...EventId}, {@code ...EventType} or {@code ...Topic}, {@code
 * ...Signature} — so the storefront's {@code X-Storefront-Event-Id}, {@code X-Storefront-Topic} and
 * {@code X-Storefront-Signature} on a topic mean what they mean on its webhook.
 */
public final class KafkaOrderFeed implements OrderFeed {

  public static final String EVENT_ID = "eventId";
  public static final String EVENT_TYPE = "eventType";
  public static final String SIGNATURE = "signature";

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<ConsumerRecord<byte[], byte[]>> lastPoll = new ArrayList<>();

  private KafkaOrderFeed(KafkaConsumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /** Joins {@code group} on {@code topic}; a group new to the topic starts at its beginning. */
  public static KafkaOrderFeed subscribe(KafkaSettings settings, String topic, String group) {
    Properties p = settings.clientProperties();
    p.put("group.id", group);
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    p.put("max.poll.records", "50");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return new KafkaOrderFeed(consumer);
  }

  @Override
  public List<Delivery> poll(Duration wait) {
    List<Delivery> out = new ArrayList<>();
    lastPoll.clear();
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
      lastPoll.add(r);
      String id = header(r, EVENT_ID, "eventid");
      String type = header(r, EVENT_TYPE, "eventtype", "topic");
      out.add(
          new Delivery(
              id != null ? id : r.topic() + "-" + r.partition() + "@" + r.offset(),
              type != null ? type : r.topic(),
              r.value() == null ? new byte[0] : r.value(),
              header(r, SIGNATURE, "signature")));
    }
    return out;
  }

  @Override
  public boolean commit() {
    try {
      consumer.commitSync();
      return true;
    } catch (RebalanceInProgressException e) {
      // the partitions moved while the batch was handled: its records go to their new reader
      rewind();
      return false;
    } catch (CommitFailedException e) {
      // the group rebalanced and gave the partitions to another member meanwhile
      rewind();
      return false;
    }
  }

  /** Commits, per partition, the offset after the last of the first {@code deliveries} records. */
  @Override
  public boolean commitFirst(int deliveries) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : lastPoll.subList(0, deliveries)) {
      // records of a partition come in offset order, so the last one seen wins
      offsets.put(
          new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
    }
    try {
      consumer.commitSync(offsets);
      return true;
    } catch (RebalanceInProgressException | CommitFailedException e) {
      return false;
    }
  }

  @Override
  public void rewind() {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
    for (TopicPartition tp : assigned) {
      OffsetAndMetadata at = committed.get(tp);
      if (at != null) {
        consumer.seek(tp, at);
      } else {
        consumer.seekToBeginning(List.of(tp));
      }
    }
  }

  /** Leaves the group without committing: the uncommitted records go to the other members. */
  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }

  /** The header {@code name}, else the last one whose normalised name ends with an ending. */
  private static String header(ConsumerRecord<byte[], byte[]> r, String name, String... endings) {
    Header h = r.headers().lastHeader(name);
    if (h == null) {
      for (Header each : r.headers()) {
        String normalised = each.key().toLowerCase(Locale.ROOT).replaceAll("[-_]", "");
        for (String ending : endings) {
          if (normalised.endsWith(ending)) {
            h = each;
          }
        }
      }
    }
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
