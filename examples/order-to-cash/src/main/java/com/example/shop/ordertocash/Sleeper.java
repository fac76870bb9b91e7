package com.example.shop.ordertocash;

import java.time.Duration;

/** Waiting, as a dependency: tests pass one that records how long the service chose to wait. */
@FunctionalInterface
public interface Sleeper {

  /** The real one. */
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
