package com.example.shop.ordertocash;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every wait the service asks for. {@link #instant()} returns at once (the sandbox's faults
 * do not depend on time); {@link #then} also hands the wait on, e.g. to a virtual clock's {@code
 * advance} for a sandbox whose rate-limit window runs on it.
 */
final class RecordingSleeper implements Sleeper {

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Sleeper next;

  private RecordingSleeper(Sleeper next) {
    this.next = next;
  }

  static RecordingSleeper instant() {
    return new RecordingSleeper(duration -> {});
  }

  static RecordingSleeper then(Sleeper next) {
    return new RecordingSleeper(next);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    waits.add(duration);
    next.sleep(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
