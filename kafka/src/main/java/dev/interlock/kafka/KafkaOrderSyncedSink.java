package dev.interlock.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.interlock.adapters.ordersync.OrderSync;
import dev.interlock.clients.events.internal_events.OrderSynced;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where order-sync emits {@code order.synced} on Kafka: JSON, keyed by order id, with the stable
 * {@link OrderSync#eventId event id} in the {@value KafkaOrderFeed#EVENT_ID} header so a consumer
 * can drop the repeat a crash between publishing and journalling may cause. Each send waits for the
 * broker's acknowledgement ({@code acks=all}, idempotent producer), so an event is on the topic
 * before order-sync records the order as synced.
 */
public final class KafkaOrderSyncedSink implements Consumer<OrderSynced>, AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

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
  public void accept(OrderSynced event) {
    ProducerRecord<byte[], byte[]> record;
    try {
      record =
          new ProducerRecord<>(
              topic,
              event.getOrderId().getBytes(StandardCharsets.UTF_8),
              JSON.writeValueAsBytes(event));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise order.synced " + event.getOrderId(), e);
    }
    record.headers().add(KafkaOrderFeed.EVENT_ID, utf8(OrderSync.eventId(event.getOrderId())));
    record.headers().add(KafkaOrderFeed.EVENT_TYPE, utf8("order.synced"));
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing order.synced", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "order.synced for " + event.getOrderId() + " not accepted by topic " + topic,
          e.getCause());
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
