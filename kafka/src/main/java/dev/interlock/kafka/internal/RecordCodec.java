package dev.interlock.kafka.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.kafka.AsyncApiTopics;
import dev.interlock.kafka.TopicBinding;
import dev.interlock.mocks.EventMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sandbox events to Kafka records and back: the message headers become record headers (UTF-8), the
 * payload the value in the contract's content type, and the record key the value the message's
 * correlation id points at ({@code $message.payload#/orderId}), so that all events of one entity
 * share a partition, as Kafka bindings intend.
 */
public final class RecordCodec {

  /** Carries the event's id when the contract declares no header for it. */
  public static final String EVENT_ID_HEADER = "interlock-event-id";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AsyncApiTopics topics;

  public RecordCodec(AsyncApiTopics topics) {
    this.topics = topics;
  }

  public ProducerRecord<byte[], byte[]> toRecord(EventMessage m) {
    Optional<TopicBinding.Message> bound = topics.message(m.name());
    String contentType =
        bound.map(TopicBinding.Message::contentType).orElse(header(m.headers(), "content-type"));
    RecordHeaders headers = new RecordHeaders();
    boolean idCarried = false;
    for (Map.Entry<String, String> h : m.headers().entrySet()) {
      headers.add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
      idCarried |= h.getValue().equals(m.id());
    }
    if (!idCarried) {
      headers.add(EVENT_ID_HEADER, m.id().getBytes(StandardCharsets.UTF_8));
    }
    String key =
        bound.flatMap(TopicBinding.Message::keyLocation).map(l -> keyAt(l, m)).orElse(null);
    return new ProducerRecord<>(
        topics.topicOf(m.topic()),
        null,
        m.at().toEpochMilli(),
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        PayloadCodec.encode(contentType, m.payload()),
        headers);
  }

  /** The event a record carries, named after the first message its topic declares. */
  public EventMessage toMessage(ConsumerRecord<byte[], byte[]> r) {
    Map<String, String> headers = headers(r);
    List<TopicBinding.Message> declared =
        topics.topic(r.topic()).map(TopicBinding::messages).orElse(List.of());
    String contentType =
        declared.isEmpty() ? header(headers, "content-type") : declared.get(0).contentType();
    String payload;
    try {
      payload = PayloadCodec.decode(contentType, r.value()).toString();
    } catch (IllegalArgumentException e) {
      payload = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
    }
    String id = headers.remove(EVENT_ID_HEADER);
    if (id == null) {
      id = eventIdHeader(headers).orElse(r.topic() + "-" + r.partition() + "@" + r.offset());
    }
    String name = declared.isEmpty() ? r.topic() : declared.get(0).message().name();
    return new EventMessage(
        id, r.topic(), name, headers, payload, Instant.ofEpochMilli(r.timestamp()));
  }

  /** Record headers as strings (UTF-8), the last value of a repeated header winning. */
  public static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Header h : r.headers()) {
      out.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Optional<String> eventIdHeader(Map<String, String> headers) {
    return headers.entrySet().stream()
        .filter(
            e -> e.getKey().toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "").endsWith("eventid"))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static String keyAt(String location, EventMessage m) {
    int hash = location.indexOf('#');
    String source = hash < 0 ? location : location.substring(0, hash);
    String pointer = hash < 0 ? "" : location.substring(hash + 1);
    if (source.equals("$message.header")) {
      String name = pointer.startsWith("/") ? pointer.substring(1) : pointer;
      return header(m.headers(), name);
    }
    try {
      JsonNode value = JSON.readTree(m.payload()).at(pointer);
      return value.isValueNode() ? value.asText() : null;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }
}
