package com.example.shop.ordertocash;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every wait the service asks for. {@link #instant()} returns at once (the sandbox's faults
 * do not depend on time); {@link #real()} also waits, for a sandbox whose rate-limit window runs on
 * the real clock.
 */
final class RecordingSleeper implements Sleeper {

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final boolean wait;

  private RecordingSleeper(boolean wait) {
    this.wait = wait;
  }

  static RecordingSleeper instant() {
    return new RecordingSleeper(false);
  }

  static RecordingSleeper real() {
    return new RecordingSleeper(true);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    waits.add(duration);
    if (wait) {
      Sleeper.REAL.sleep(duration);
    }
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
