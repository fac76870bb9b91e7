package dev.interlock.kafka;

import dev.interlock.adapters.ordersync.SyncedEventSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where order-sync emits {@code order.synced} on Kafka: the JSON payload keyed by order id, with
 * the stable event id in the {@value KafkaOrderFeed#EVENT_ID} header so a consumer can drop the
 * repeat a crash between publishing and journalling may cause. Each send waits for the broker's
 * acknowledgement ({@code acks=all}, idempotent producer), so an event is on the topic before
 * order-sync records the order as synced. Plug it in with {@link SyncedEventSink#asJson}.
 */
public final class KafkaOrderSyncedSink implements SyncedEventSink, AutoCloseable {

  /** The header naming the service that produced the record. */
  public static final String PRODUCER = "producer";

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  public KafkaOrderSyncedSink(KafkaSettings settings, String topic) {
    Properties p = settings.clientProperties();
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  @Override
  public void publish(String orderId, String eventId, byte[] json) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, utf8(orderId), json);
    record.headers().add(KafkaOrderFeed.EVENT_ID, utf8(eventId));
    record.headers().add(KafkaOrderFeed.EVENT_TYPE, utf8("order.synced"));
    // the internal-events contract requires every record to name its producer
    record.headers().add(PRODUCER, utf8("order-sync"));
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing order.synced", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "order.synced for " + orderId + " not accepted by topic " + topic, e.getCause());
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
