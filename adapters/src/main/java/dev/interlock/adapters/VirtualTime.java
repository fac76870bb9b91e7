package dev.interlock.adapters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time: a clock that moves only when something sleeps on {@link #sleeper()} (or {@link
 * #advance}). Give the same clock to the sandboxes, so their rate-limit windows, outages and token
 * expiry move with the adapter's waits: a run that "waits" minutes takes milliseconds.
 */
public final class VirtualTime {

  private final AtomicLong nanos;
  private final Instant origin;
  private final AtomicLong slept = new AtomicLong();

  private VirtualTime(Instant origin) {
    this.origin = origin;
    this.nanos = new AtomicLong();
  }

  public static VirtualTime startingAt(Instant origin) {
    return new VirtualTime(origin);
  }

  public Clock clock() {
    return new VirtualClock(ZoneOffset.UTC);
  }

  public Sleeper sleeper() {
    return d -> {
      if (!d.isNegative()) {
        slept.addAndGet(d.toNanos());
        advance(d);
      }
    };
  }

  public void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  public Instant now() {
    return origin.plusNanos(nanos.get());
  }

  /** How long everything slept in total on this virtual time. */
  public Duration totalSlept() {
    return Duration.ofNanos(slept.get());
  }

  /** Time passed since the origin. */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get());
  }

  private final class VirtualClock extends Clock {
    private final ZoneId zone;

    VirtualClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new VirtualClock(z);
    }

    @Override
    public Instant instant() {
      return now();
    }
  }
}
