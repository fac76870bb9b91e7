package dev.interlock.adapters.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * A client-side rate limiter on an injected clock: {@code limit} permits per {@code window},
 * refilled continuously. {@link #reserve()} takes a permit and says how long to wait for it, so the
 * caller waits on its own (possibly virtual) sleeper. (resilience4j's RateLimiter measures on
 * System.nanoTime and parks the thread itself, which virtual time cannot drive.)
 */
public final class TokenBucket {

  private final Clock clock;
  private final double capacity;
  private final double perNano;
  private double tokens;
  private long lastNanos;

  public TokenBucket(int limit, Duration window, Clock clock) {
    this.clock = clock;
    this.capacity = limit;
    this.perNano = limit / (double) window.toNanos();
    this.tokens = limit;
    this.lastNanos = nanos();
  }

  private long nanos() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  /** Takes one permit; returns how long the caller must wait before using it (zero: at once). */
  public synchronized Duration reserve() {
    long now = nanos();
    tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
    lastNanos = now;
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-tokens / perNano));
  }
}
