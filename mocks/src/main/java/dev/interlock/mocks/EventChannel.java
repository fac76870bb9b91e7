package dev.interlock.mocks;

import java.util.function.Consumer;

/**
 * Where events flow between a sandbox and the code under test: topics by the channel address of the
 * AsyncAPI contract. {@link InMemoryChannel} is the embedded default; a Kafka-backed channel plugs
 * in here.
 */
public interface EventChannel extends AutoCloseable {

  /** A consumer's registration; closing it stops deliveries to the consumer. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Subscribe to a topic, or to every topic with {@code "*"}. */
  Subscription subscribe(String topic, Consumer<EventMessage> consumer);

  /** Hands the message to every subscriber of its topic (at least once). */
  void publish(EventMessage message);

  @Override
  default void close() {}
}
