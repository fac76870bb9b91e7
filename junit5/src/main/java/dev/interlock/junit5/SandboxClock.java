package dev.interlock.junit5;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The virtual clock of a class annotated {@code @InterlockSandbox(time = Time.VIRTUAL)}: its
 * sandboxes measure rate-limit windows, outages, token expiry and idempotency keys on it, and their
 * journals are stamped with it. It stands at {@link #START} when each test begins and moves only
 * when told to, so a test waits out a {@code Retry-After} instantly and the same way every run.
 *
 * <p>Give the code under test {@code clock::advance} as its sleeper and {@link #asClock()} as its
 * clock, and its waits move the sandboxes' time instead of the test's.
 *
 * <p>Receive it as a test, lifecycle or constructor parameter, or from {@link Sandbox#clock()}.
 */
public interface SandboxClock {

  /** Where the clock stands at the start of every test: 2030-01-01T00:00:00Z. */
  Instant START = Instant.parse("2030-01-01T00:00:00Z");

  /** The sandboxes' now. */
  Instant now();

  /**
   * Moves the sandboxes' time forward at once; shaped as a sleeper ({@code clock::advance}).
   *
   * @throws IllegalArgumentException when {@code by} is negative: time does not go back
   */
  void advance(Duration by);

  /** The same time as a {@link Clock} (UTC), for code under test that reads one. */
  Clock asClock();
}
