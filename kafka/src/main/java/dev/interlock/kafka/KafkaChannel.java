package dev.interlock.kafka;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.kafka.internal.RecordCodec;
import dev.interlock.kafka.internal.TopicAdmin;
import dev.interlock.mocks.EventChannel;
import dev.interlock.mocks.EventMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An {@link EventChannel} on a Kafka cluster: {@link #publish} produces a record to the topic the
 * contract binds the event's channel to (key, headers and content type per the contract; idempotent
 * producer, {@code acks=all}); {@link #subscribe} reads every record written to the topic after the
 * call, on a thread of its own. Topics are created with the contract's partitions when missing.
 */
public final class KafkaChannel implements EventChannel {

  private final KafkaSettings settings;
  private final AsyncApiTopics topics;
  private final RecordCodec codec;
  private final KafkaProducer<byte[], byte[]> producer;
  private final List<Reader> readers = new CopyOnWriteArrayList<>();
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();

  private KafkaChannel(KafkaSettings settings, AsyncApiTopics topics) {
    this.settings = settings;
    this.topics = topics;
    this.codec = new RecordCodec(topics);
    Properties p = settings.clientProperties();
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "5");
    p.put("client.id", "interlock-sandbox");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * A channel for the contracts' topics, created on the cluster when missing.
   *
   * @throws IllegalStateException when the cluster cannot be reached (the message names it)
   */
  public static KafkaChannel open(KafkaSettings settings, List<AsyncApiContract> contracts) {
    AsyncApiTopics topics = AsyncApiTopics.of(contracts);
    TopicAdmin.ensureTopics(settings, topics.all());
    return new KafkaChannel(settings, topics);
  }

  public AsyncApiTopics topics() {
    return topics;
  }

  public KafkaSettings settings() {
    return settings;
  }

  /**
   * Sends the event's record without waiting for the broker; a failed send is thrown by the next
   * {@link #publish} or by {@link #flush()}.
   */
  @Override
  public void publish(EventMessage message) {
    throwSendFailure();
    producer.send(
        codec.toRecord(message),
        (meta, error) -> {
          if (error != null) {
            sendFailure.compareAndSet(null, error);
          }
        });
  }

  /** Waits until every record sent so far is acknowledged by the broker. */
  public void flush() {
    producer.flush();
    throwSendFailure();
  }

  /**
   * Delivers every record written to the topic ({@code "*"}: to any of the contracts' topics) from
   * now on, as events, on a background thread; at least once, in partition order.
   */
  @Override
  public Subscription subscribe(String topic, Consumer<EventMessage> consumer) {
    List<String> names =
        topic.equals("*")
            ? topics.all().stream().map(TopicBinding::topic).toList()
            : List.of(topics.topicOf(topic));
    Reader reader = new Reader(names, consumer);
    readers.add(reader);
    reader.start();
    return () -> {
      reader.stop();
      readers.remove(reader);
    };
  }

  @Override
  public void close() {
    for (Reader r : readers) {
      r.stop();
    }
    readers.clear();
    producer.close(Duration.ofSeconds(5));
  }

  private void throwSendFailure() {
    Exception e = sendFailure.getAndSet(null);
    if (e != null) {
      throw new IllegalStateException(
          "Kafka at " + settings.bootstrap() + " refused a record: " + e.getMessage(), e);
    }
  }

  /** One subscription: a consumer assigned every partition of its topics, positioned at the end. */
  private final class Reader implements Runnable {
    private final KafkaConsumer<byte[], byte[]> kafka;
    private final Consumer<EventMessage> target;
    private final Thread thread;
    private volatile boolean running = true;

    Reader(List<String> names, Consumer<EventMessage> target) {
      this.target = target;
      Properties p = settings.clientProperties();
      p.put("enable.auto.commit", "false");
      p.put("client.id", "interlock-sandbox-reader");
      this.kafka = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> partitions = new ArrayList<>();
      for (String name : names) {
        for (PartitionInfo info : kafka.partitionsFor(name, Duration.ofSeconds(10))) {
          partitions.add(new TopicPartition(name, info.partition()));
        }
      }
      kafka.assign(partitions);
      kafka.seekToEnd(partitions);
      // resolve the end offsets now, so a record published right after subscribe() is delivered
      partitions.forEach(kafka::position);
      this.thread = new Thread(this, "interlock-kafka-reader-" + String.join(",", names));
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    @Override
    public void run() {
      try {
        while (running) {
          for (ConsumerRecord<byte[], byte[]> r : kafka.poll(Duration.ofMillis(200))) {
            target.accept(codec.toMessage(r));
          }
        }
      } catch (WakeupException e) {
        // stop() asked us to leave the poll
      } finally {
        kafka.close(Duration.ofSeconds(2));
      }
    }

    void stop() {
      running = false;
      kafka.wakeup();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
