package dev.interlock.junit5.internal;

import dev.interlock.junit5.SandboxClock;
import dev.interlock.mocks.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@link SandboxClock} of a class on virtual time: the sandbox's own {@link ManualClock},
 * rewound to {@link SandboxClock#START} before each test so no test sees where the last one left
 * time.
 */
final class VirtualClock implements SandboxClock {

  private final ManualClock clock = ManualClock.startingAt(START);

  /** Back to {@link SandboxClock#START}, before the sandboxes forget their state. */
  void rewind() {
    clock.set(START);
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public void advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.isNegative()) {
      throw new IllegalArgumentException(
          "the sandbox clock only moves forward; asked to advance by " + by);
    }
    clock.advance(by);
  }

  @Override
  public Clock asClock() {
    return clock;
  }

  @Override
  public String toString() {
    return "virtual sandbox clock at " + now();
  }
}
