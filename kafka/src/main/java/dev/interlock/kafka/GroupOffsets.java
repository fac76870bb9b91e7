package dev.interlock.kafka;

import dev.interlock.kafka.internal.TopicAdmin;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's position on one topic, through the admin client: where it has committed, where
 * the topic ends, and what lies between.
 */
final class GroupOffsets implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaSettings settings;
  private final String topic;
  private final String group;
  private final Admin admin;

  GroupOffsets(KafkaSettings settings, String topic, String group) {
    this.settings = settings;
    this.topic = topic;
    this.group = group;
    this.admin = Admin.create(settings.clientProperties());
  }

  /** Commits the topic's current end offsets for the (still empty) group: it starts there. */
  void startAtEnd() {
    Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
    ends().forEach((p, end) -> start.put(new TopicPartition(topic, p), new OffsetAndMetadata(end)));
    call(admin -> admin.alterConsumerGroupOffsets(group, start).all().get(timeout(), UNIT));
  }

  /** Records on the topic the group has not committed yet. */
  long backlog() {
    Map<Integer, Long> committed = committed();
    long behind = 0;
    for (Map.Entry<Integer, Long> end : ends().entrySet()) {
      behind += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
    }
    return behind;
  }

  Map<Integer, Long> committed() {
    return call(
        admin -> {
          Map<Integer, Long> out = new HashMap<>();
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(timeout(), UNIT)
              .forEach(
                  (tp, o) -> {
                    if (tp.topic().equals(topic) && o != null) {
                      out.put(tp.partition(), o.offset());
                    }
                  });
          return out;
        });
  }

  Map<Integer, Long> ends() {
    return call(
        admin -> {
          int partitions =
              admin
                  .describeTopics(List.of(topic))
                  .allTopicNames()
                  .get(timeout(), UNIT)
                  .get(topic)
                  .partitions()
                  .size();
          Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
          for (int p = 0; p < partitions; p++) {
            ask.put(new TopicPartition(topic, p), OffsetSpec.latest());
          }
          Map<Integer, Long> out = new HashMap<>();
          admin
              .listOffsets(ask)
              .all()
              .get(timeout(), UNIT)
              .forEach((tp, info) -> out.put(tp.partition(), info.offset()));
          return out;
        });
  }

  private static final TimeUnit UNIT = TimeUnit.MILLISECONDS;

  private static long timeout() {
    return TIMEOUT.toMillis();
  }

  @FunctionalInterface
  private interface AdminCall<T> {
    T apply(Admin admin) throws ExecutionException, TimeoutException, InterruptedException;
  }

  private <T> T call(AdminCall<T> call) {
    try {
      return call.apply(admin);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at "
              + settings
              + ": cannot read the offsets of group "
              + group
              + " on "
              + topic
              + ": "
              + TopicAdmin.reason(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading offsets", e);
    }
  }

  @Override
  public void close() {
    admin.close(TIMEOUT);
  }
}
