package dev.interlock.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.mocks.EventChannel;
import dev.interlock.mocks.EventMessage;
import dev.interlock.mocks.EventSandbox;
import dev.interlock.mocks.SandboxOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event side of a sandbox on Kafka: it publishes the messages the contracts say their owner
 * sends ({@code send}; AsyncAPI 2.x {@code subscribe}) to their topics, seeded and misdelivered as
 * the {@link DeliveryScenario} says, and reads the topics of the messages the owner receives,
 * validating each event it gets against the contract.
 */
public final class KafkaSandbox implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventSandbox events;
  private final KafkaChannel kafka;
  private final ScenarioChannel scenario;
  private final List<String> emits = new ArrayList<>();
  private final Set<String> receives = new LinkedHashSet<>();
  private final List<EventChannel.Subscription> subscriptions = new ArrayList<>();
  private final List<EventMessage> received = new CopyOnWriteArrayList<>();
  private final AtomicLong invalid = new AtomicLong();

  private KafkaSandbox(
      List<AsyncApiContract> contracts,
      KafkaChannel kafka,
      DeliveryScenario delivery,
      SandboxOptions options) {
    this.kafka = kafka;
    this.scenario = new ScenarioChannel(kafka, delivery, options.seed());
    this.events = EventSandbox.start(contracts, options, scenario);
    for (AsyncApiContract c : contracts) {
      for (AsyncApiMessage m : c.messages()) {
        if ("send".equals(m.action()) && !emits.contains(m.name())) {
          emits.add(m.name());
        } else if ("receive".equals(m.action())) {
          receives.add(kafka.topics().topicOf(m.channel()));
        }
      }
    }
    for (String topic : receives) {
      subscriptions.add(kafka.subscribe(topic, this::receive));
    }
  }

  /**
   * Creates the contracts' missing topics and starts reading the received ones.
   *
   * @throws IllegalStateException when the cluster cannot be reached
   */
  public static KafkaSandbox start(
      KafkaSettings settings,
      List<AsyncApiContract> contracts,
      DeliveryScenario delivery,
      SandboxOptions options) {
    return new KafkaSandbox(contracts, KafkaChannel.open(settings, contracts), delivery, options);
  }

  /** Message names this sandbox publishes, in contract order. */
  public List<String> emits() {
    return List.copyOf(emits);
  }

  /** Topics this sandbox reads. */
  public Set<String> receives() {
    return Set.copyOf(receives);
  }

  public EventSandbox events() {
    return events;
  }

  public KafkaChannel channel() {
    return kafka;
  }

  /**
   * Publishes {@code perEvent} events of every message the contracts send, payloads synthesized
   * from the seed (valid against the schema), and waits until the broker has them all.
   *
   * @return the events published, duplicates not counted
   */
  public List<EventMessage> publishEmitted(int perEvent) {
    List<EventMessage> out = new ArrayList<>();
    for (int n = 0; n < perEvent; n++) {
      for (String event : emits) {
        JsonNode payload = n == 0 ? null : events.synthesizePayload(event, n);
        out.add(events.publish(event, payload));
      }
    }
    scenario.flush();
    kafka.flush();
    return out;
  }

  /** The extra copies the delivery scenario published. */
  public long duplicates() {
    return scenario.duplicates();
  }

  /** Events read from the received topics so far. */
  public List<EventMessage> received() {
    return List.copyOf(received);
  }

  /** Received events whose payload or headers did not match the contract. */
  public long invalidReceived() {
    return invalid.get();
  }

  @Override
  public void close() {
    subscriptions.forEach(EventChannel.Subscription::close);
    events.close();
  }

  // Judged before it is listed: whoever sees a message among the received sees its verdict counted.
  private void receive(EventMessage m) {
    try {
      boolean bad =
          !events.validatePayload(m.name(), JSON.readTree(m.payload())).isEmpty()
              || !events.validateHeaders(m.name(), m.headers()).isEmpty();
      if (bad) {
        invalid.incrementAndGet();
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      invalid.incrementAndGet();
    }
    received.add(m);
  }
}
