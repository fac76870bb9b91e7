package dev.interlock.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.mocks.EventChannel;
import dev.interlock.mocks.EventMessage;
import dev.interlock.mocks.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's channel, the live-traffic audit and the embedded broker, on one real broker. */
class KafkaChannelIT {

  private static EmbeddedKafka kafka;
  private static KafkaSettings settings;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
    settings = KafkaSettings.of(kafka.bootstrap());
  }

  @AfterAll
  static void stopBroker() {
    Path dir = kafka.logDir();
    kafka.close();
    assertThat(dir).as("the embedded broker deletes its log directory").doesNotExist();
  }

  @Test
  void embeddedBrokerListensOnLoopbackWithATemporaryLogDirectory() {
    assertThat(kafka.bootstrap()).matches("(localhost|127\\.0\\.0\\.1):\\d+(,.*)?");
    assertThat(kafka.logDir()).isDirectory();
    assertThat(kafka.logDir().getFileName().toString()).startsWith("interlock-kafka-");
  }

  @Test
  void sandboxPublishesContractEventsToTheirTopicsWithKeyHeadersAndPartitions() throws Exception {
    AsyncApiContract internal = KafkaContracts.internalEvents();
    try (KafkaSandbox sandbox =
        KafkaSandbox.start(
            settings,
            List.of(internal),
            DeliveryScenario.IN_ORDER,
            SandboxOptions.builder().seed(7).build())) {
      BlockingQueue<EventMessage> got = new LinkedBlockingQueue<>();
      try (EventChannel.Subscription s = sandbox.channel().subscribe("order.synced", got::add)) {
        List<EventMessage> sent = sandbox.publishEmitted(3);
        assertThat(sandbox.emits()).containsExactly("order.synced", "payment.captured");
        assertThat(sent).hasSize(6);
        for (int i = 0; i < 3; i++) {
          EventMessage m = got.poll(20, TimeUnit.SECONDS);
          assertThat(m).as("order.synced event %d arrives", i).isNotNull();
          assertThat(m.topic()).isEqualTo("order.synced");
          assertThat(m.headers())
              .containsEntry("eventType", "order.synced")
              .containsEntry("producer", "order-sync")
              .containsEntry("eventId", m.id());
          assertThat(sent).extracting(EventMessage::id).contains(m.id());
        }
      }
      try (Admin admin = Admin.create(settings.clientProperties())) {
        Map<String, TopicDescription> topics =
            admin.describeTopics(List.of("order.synced", "payment.captured")).allTopicNames().get();
        assertThat(topics.get("order.synced").partitions()).hasSize(6);
        assertThat(topics.get("payment.captured").partitions()).hasSize(6);
      }
    }
  }

  @Test
  void recordKeyIsTheCorrelationIdSoOneEntityStaysOnOnePartition() throws Exception {
    AsyncApiContract warehouse = KafkaContracts.warehouse();
    try (KafkaSandbox sandbox =
            KafkaSandbox.start(
                settings,
                List.of(warehouse),
                DeliveryScenario.IN_ORDER,
                SandboxOptions.builder().seed(3).build());
        LiveTrafficAudit audit = LiveTrafficAudit.start(settings, List.of(warehouse))) {
      assertThat(sandbox.emits()).containsExactly("stock.changed");
      assertThat(sandbox.receives()).containsExactly("warehouse.picks");
      sandbox.publishEmitted(5);
      TopicAudit stock =
          audit.audit().stream()
              .filter(t -> t.topic().topic().equals("warehouse.stock-changed"))
              .findFirst()
              .orElseThrow();
      assertThat(stock.records()).isEqualTo(5);
      assertThat(stock.findings()).isEmpty();
      assertThat(stock.topic().partitions()).contains(3);
    }
  }

  @Test
  void sandboxConsumesTheTopicsItsContractsReceiveAndValidatesWhatArrives() throws Exception {
    AsyncApiContract warehouse = KafkaContracts.warehouse();
    try (KafkaSandbox sandbox =
            KafkaSandbox.start(
                settings,
                List.of(warehouse),
                DeliveryScenario.IN_ORDER,
                SandboxOptions.builder().seed(3).build());
        KafkaProducer<byte[], byte[]> producer = producer()) {
      producer.send(record("warehouse.picks", null, "{\"sku\":\"SKU-0001\",\"quantity\":2}")).get();
      producer.send(record("warehouse.picks", null, "{\"sku\":\"SKU-0002\",\"quantity\":0}")).get();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (sandbox.received().size() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(sandbox.received()).extracting(EventMessage::name).containsOnly("pick.requested");
      assertThat(sandbox.received()).hasSize(2);
      assertThat(sandbox.invalidReceived()).isEqualTo(1);
    }
  }

  @Test
  void contractViolatingRecordIsReportedWithTopicPartitionOffsetAndContractLocation()
      throws Exception {
    AsyncApiContract internal = KafkaContracts.internalEvents();
    try (KafkaSandbox sandbox =
            KafkaSandbox.start(
                settings,
                List.of(internal),
                DeliveryScenario.IN_ORDER,
                SandboxOptions.builder().seed(11).build());
        LiveTrafficAudit audit = LiveTrafficAudit.start(settings, List.of(internal));
        KafkaProducer<byte[], byte[]> producer = producer()) {
      sandbox.publishEmitted(2);
      RecordMetadata bad =
          producer
              .send(
                  record(
                      "order.synced",
                      "not-an-order-id",
                      "{\"orderId\":\"ord_8XfK2mQ9pLw3\",\"chargeId\":\"ch_4RsT8uV2wX0yZ3aC\"}"))
              .get();
      List<TopicAudit> audits = audit.audit();
      TopicAudit synced =
          audits.stream()
              .filter(t -> t.topic().topic().equals("order.synced"))
              .findFirst()
              .orElseThrow();
      assertThat(synced.records()).isEqualTo(3);
      String where = "order.synced/" + bad.partition() + "@" + bad.offset();
      assertThat(synced.findings())
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d.message()).startsWith(where + ": "));
      assertThat(synced.findings())
          .extracting(Diagnostic::code)
          .contains("verify.kafka.payload", "verify.kafka.headers", "verify.kafka.key");
      Diagnostic payload =
          synced.findings().stream()
              .filter(d -> d.code().equals("verify.kafka.payload"))
              .findFirst()
              .orElseThrow();
      assertThat(payload.message()).contains("journalEntryId");
      assertThat(payload.location().file().getFileName().toString())
          .isEqualTo("internal-events.yaml");
      assertThat(payload.location().line()).isPositive();
      assertThat(payload.location().pointer().value()).isEqualTo("/components/schemas/OrderSynced");
      assertThat(audits)
          .filteredOn(t -> t.topic().topic().equals("payment.captured"))
          .singleElement()
          .satisfies(t -> assertThat(t.findings()).isEmpty());
      assertThat(audit.audit())
          .as("a second audit reads only what came after the first")
          .allSatisfy(t -> assertThat(t.records()).isZero());
      assertThat(Files.exists(kafka.logDir())).isTrue();
    }
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Properties p = settings.clientProperties();
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key, String value) {
    return new ProducerRecord<>(
        topic,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }
}
