package dev.interlock.kafka;

import dev.interlock.mocks.EventChannel;
import dev.interlock.mocks.EventMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * An {@link EventChannel} in front of another that delivers at least once, not exactly once: seeded
 * duplicates (the same event id again) and seeded reordering within a window, so consumers are
 * tested against what real brokers and producers do. The same seed gives the same deliveries.
 */
public final class ScenarioChannel implements EventChannel {

  private final EventChannel delegate;
  private final DeliveryScenario scenario;
  private final Random random;
  private final List<EventMessage> held = new ArrayList<>();
  private long duplicates;

  public ScenarioChannel(EventChannel delegate, DeliveryScenario scenario, long seed) {
    this.delegate = delegate;
    this.scenario = scenario;
    // java.util.Random, since Collections.shuffle takes one; seeded, so runs repeat
    this.random = new Random(seed ^ 0x5CE7A510L);
  }

  @Override
  public Subscription subscribe(String topic, Consumer<EventMessage> consumer) {
    return delegate.subscribe(topic, consumer);
  }

  @Override
  public synchronized void publish(EventMessage message) {
    held.add(message);
    if (random.nextDouble() < scenario.duplicateRate()) {
      held.add(message);
      duplicates++;
    }
    if (held.size() >= scenario.reorderWindow()) {
      release();
    }
  }

  /** Releases the events still held back by the reorder window. */
  public synchronized void flush() {
    release();
  }

  /** How many extra copies were published. */
  public synchronized long duplicates() {
    return duplicates;
  }

  public EventChannel delegate() {
    return delegate;
  }

  @Override
  public void close() {
    flush();
    delegate.close();
  }

  private void release() {
    if (scenario.reorderWindow() > 1) {
      Collections.shuffle(held, random);
    }
    for (EventMessage m : held) {
      delegate.publish(m);
    }
    held.clear();
  }
}
