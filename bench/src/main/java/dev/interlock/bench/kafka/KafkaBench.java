package dev.interlock.bench.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.kafka.DeliveryScenario;
import dev.interlock.kafka.EmbeddedKafka;
import dev.interlock.kafka.KafkaSandbox;
import dev.interlock.kafka.KafkaSettings;
import dev.interlock.kafka.LiveTrafficAudit;
import dev.interlock.kafka.TopicAudit;
import dev.interlock.mocks.EventMessage;
import dev.interlock.mocks.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Messages per second through the sandbox's Kafka channel with validation on (the sandbox validates
 * each payload before it sends it, {@link LiveTrafficAudit} validates each record it reads:
 * payload, headers, key) against a plain producer/consumer pair moving the same bytes, on the same
 * embedded broker, in the same run: three interleaved rounds, the ratio of the median round
 * reported.
 *
 * <p>Run it with {@code bench/run kafka [MESSAGES-PER-ROUND]} (default 20000).
 */
public final class KafkaBench {

  private static final int ROUNDS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the last sandbox round spent its time: publishing, or reading and validating. */
  private static String lastSplit = "";

  private static final String PLAIN_TOPIC = "bench.plain";

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    AsyncApiContract internal = load(Path.of("contracts/asyncapi/internal-events.yaml"));
    long started = System.nanoTime();
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      System.out.printf(
          Locale.ROOT,
          "kafka bench: embedded broker %s up in %.1f s, %d messages per round, %d cores%n",
          kafka.bootstrap(),
          (System.nanoTime() - started) / 1e9,
          messages,
          Runtime.getRuntime().availableProcessors());
      KafkaSettings settings = KafkaSettings.of(kafka.bootstrap());
      try (Admin admin = Admin.create(settings.clientProperties())) {
        admin
            .createTopics(List.of(new NewTopic(PLAIN_TOPIC, Optional.of(6), Optional.empty())))
            .all()
            .get();
      }
      try (KafkaSandbox sandbox =
          KafkaSandbox.start(
              settings,
              List.of(internal),
              DeliveryScenario.IN_ORDER,
              SandboxOptions.builder().seed(1).build())) {
        byte[] value =
            sandbox
                .events()
                .samplePayload("order.synced")
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        // warm-up: class loading and JIT on both paths
        sandboxRound(settings, internal, sandbox, messages / 10);
        plainRound(settings, value, messages / 10);
        double[] ratios = new double[ROUNDS];
        for (int round = 1; round <= ROUNDS; round++) {
          double s = sandboxRound(settings, internal, sandbox, messages);
          double p = plainRound(settings, value, messages);
          ratios[round - 1] = s / p;
          System.out.printf(
              Locale.ROOT,
              "round %d: sandbox channel + validation %,.0f msg/s (%s) · plain producer/consumer"
                  + " %,.0f msg/s · ratio %.2f%n",
              round,
              s,
              lastSplit,
              p,
              s / p);
        }
        Arrays.sort(ratios);
        System.out.printf(
            Locale.ROOT, "median ratio (sandbox with validation / plain): %.2f%n", ratios[1]);
      }
    }
  }

  /** Publishes through the sandbox, then reads and validates every record; end-to-end msg/s. */
  private static double sandboxRound(
      KafkaSettings settings, AsyncApiContract contract, KafkaSandbox sandbox, int messages) {
    try (LiveTrafficAudit audit = LiveTrafficAudit.start(settings, List.of(contract))) {
      long t0 = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        // a different order per event, so records spread over partitions by key as the plain ones
        EventMessage m =
            sandbox
                .events()
                .publish("order.synced", JSON.createObjectNode().put("orderId", orderId(i)));
        if (m == null) {
          throw new IllegalStateException("nothing published");
        }
      }
      sandbox.channel().flush();
      long published = System.nanoTime();
      long records = 0;
      long findings = 0;
      for (TopicAudit t : audit.audit()) {
        records += t.records();
        findings += t.findings().size();
      }
      long t1 = System.nanoTime();
      if (records != messages || findings != 0) {
        throw new IllegalStateException(
            "the audit read " + records + " record(s) with " + findings + " finding(s)");
      }
      lastSplit =
          String.format(
              Locale.ROOT,
              "publish %.0f ms, audit %.0f ms",
              (published - t0) / 1e6,
              (t1 - published) / 1e6);
      return messages / ((t1 - t0) / 1e9);
    }
  }

  /** The same bytes through a plain producer, read back by a plain consumer; end-to-end msg/s. */
  private static double plainRound(KafkaSettings settings, byte[] value, int messages) {
    Properties p = settings.clientProperties();
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "5");
    try (KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                settings.clientProperties(),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(PLAIN_TOPIC)) {
        partitions.add(new TopicPartition(PLAIN_TOPIC, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      long t0 = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        byte[] key = orderId(i).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(PLAIN_TOPIC, key, value));
      }
      producer.flush();
      long read = 0;
      while (read < messages) {
        read += consumer.poll(Duration.ofMillis(200)).count();
      }
      long t1 = System.nanoTime();
      return messages / ((t1 - t0) / 1e9);
    }
  }

  private static String orderId(int i) {
    return "ord_" + (10_000_000 + i);
  }

  private static AsyncApiContract load(Path file) {
    LoadResult result =
        new ContractLoader(LoadOptions.forRoot(file.toAbsolutePath().getParent())).load(file);
    return (AsyncApiContract)
        result
            .contract()
            .orElseThrow(() -> new IllegalStateException(file + ": " + result.diagnostics()));
  }
}
