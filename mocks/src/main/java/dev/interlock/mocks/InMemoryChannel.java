package dev.interlock.mocks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An event channel inside the JVM: {@link #publish} calls every subscriber of the topic on the
 * publishing thread, in subscription order. Keeps the last {@code capacity} messages for tests to
 * read. Thread-safe.
 */
public final class InMemoryChannel implements EventChannel {

  private final Map<String, List<Consumer<EventMessage>>> subscribers = new ConcurrentHashMap<>();
  private final ArrayDeque<EventMessage> published = new ArrayDeque<>();
  private final int capacity;

  public InMemoryChannel() {
    this(1000);
  }

  public InMemoryChannel(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  @Override
  public Subscription subscribe(String topic, Consumer<EventMessage> consumer) {
    List<Consumer<EventMessage>> list =
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
    list.add(consumer);
    return () -> list.remove(consumer);
  }

  @Override
  public void publish(EventMessage message) {
    synchronized (published) {
      while (published.size() >= capacity) {
        published.pollFirst();
      }
      published.addLast(message);
    }
    for (Consumer<EventMessage> c : subscribers.getOrDefault(message.topic(), List.of())) {
      c.accept(message);
    }
    for (Consumer<EventMessage> c : subscribers.getOrDefault("*", List.of())) {
      c.accept(message);
    }
  }

  /** The messages published on a topic, oldest first ({@code "*"}: on every topic). */
  public List<EventMessage> published(String topic) {
    synchronized (published) {
      List<EventMessage> out = new ArrayList<>();
      for (EventMessage m : published) {
        if (topic.equals("*") || m.topic().equals(topic)) {
          out.add(m);
        }
      }
      return out;
    }
  }
}
