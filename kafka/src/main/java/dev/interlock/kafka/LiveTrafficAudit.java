package dev.interlock.kafka;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.kafka.internal.RecordValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Validates the records written to the contracts' topics while something runs: {@link #start} notes
 * where every partition ends, {@link #audit} reads from there up to where the partitions end then
 * and judges each record against its AsyncAPI message. It joins no consumer group and commits
 * nothing, so it never takes records away from the applications under test.
 *
 * <pre>{@code
 * try (LiveTrafficAudit audit = LiveTrafficAudit.start(settings, contracts)) {
 *   runTheSystem();
 *   for (TopicAudit t : audit.audit()) { t.findings().forEach(System.out::println); }
 * }
 * }</pre>
 */
public final class LiveTrafficAudit implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration REACH = Duration.ofSeconds(10);

  private final AsyncApiTopics topics;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<TopicPartition, Long> from = new HashMap<>();
  private final RecordValidator validator = new RecordValidator();
  private final Duration timeout;

  private LiveTrafficAudit(KafkaSettings settings, AsyncApiTopics topics, Duration timeout) {
    this.topics = topics;
    this.timeout = timeout;
    Properties p = settings.clientProperties();
    p.put("enable.auto.commit", "false");
    p.put("client.id", "interlock-verify-audit");
    p.put("max.poll.records", "2000");
    this.consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Notes the end of every partition of the contracts' topics; records written from now on are
   * audited. Topics that do not exist yet are audited from their first record.
   *
   * @throws org.apache.kafka.common.KafkaException when the cluster cannot be reached in time
   */
  public static LiveTrafficAudit start(KafkaSettings settings, List<AsyncApiContract> contracts) {
    LiveTrafficAudit audit =
        new LiveTrafficAudit(settings, AsyncApiTopics.of(contracts), Duration.ofSeconds(30));
    try {
      // a cluster that does not answer in 10 s is reported rather than waited for
      audit.consumer.endOffsets(audit.partitions(REACH), REACH).forEach(audit.from::put);
      return audit;
    } catch (RuntimeException e) {
      audit.close();
      throw e;
    }
  }

  public AsyncApiTopics topics() {
    return topics;
  }

  /** Reads and judges every record written since {@link #start}, topic by topic. */
  public List<TopicAudit> audit() {
    List<TopicPartition> partitions = partitions(timeout);
    Map<TopicPartition, Long> until = consumer.endOffsets(partitions, timeout);
    consumer.assign(partitions);
    Map<String, long[]> counts = new HashMap<>();
    Map<String, List<Diagnostic>> findings = new HashMap<>();
    List<TopicPartition> pending = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      long start = from.getOrDefault(tp, 0L);
      if (until.getOrDefault(tp, 0L) > start) {
        consumer.seek(tp, start);
        pending.add(tp);
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.offset() >= until.getOrDefault(tp, 0L)) {
          continue; // written after the audit began reading: the next audit judges it
        }
        counts.computeIfAbsent(r.topic(), t -> new long[1])[0]++;
        TopicBinding binding = topics.topic(r.topic()).orElseThrow();
        findings
            .computeIfAbsent(r.topic(), t -> new ArrayList<>())
            .addAll(validator.validate(binding, r));
      }
      pending.removeIf(tp -> consumer.position(tp) >= until.get(tp));
    }
    // the next audit starts where this one stopped
    from.putAll(until);
    List<TopicAudit> out = new ArrayList<>();
    for (TopicBinding t : topics.all()) {
      out.add(
          new TopicAudit(
              t,
              counts.getOrDefault(t.topic(), new long[1])[0],
              findings.getOrDefault(t.topic(), List.of())));
    }
    return out;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }

  private List<TopicPartition> partitions(Duration wait) {
    List<TopicPartition> out = new ArrayList<>();
    Map<String, List<PartitionInfo>> existing = consumer.listTopics(wait);
    for (TopicBinding t : topics.all()) {
      for (PartitionInfo p : existing.getOrDefault(t.topic(), List.of())) {
        out.add(new TopicPartition(t.topic(), p.partition()));
      }
    }
    return out;
  }
}
