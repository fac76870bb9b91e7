package dev.interlock.adapters;

import java.time.Duration;

/** Waits. Injected so that tests and scenario runs use virtual time ({@link VirtualTime}). */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /** Really waits ({@link Thread#sleep}). */
  static Sleeper real() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
      }
    };
  }
}
