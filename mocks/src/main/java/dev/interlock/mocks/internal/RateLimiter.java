package dev.interlock.mocks.internal;

import dev.interlock.core.contract.ContractExtensions.RateLimit;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets per credential, refilled continuously on the injected clock. */
public final class RateLimiter {

  /** The outcome of taking one token: allowed or not, and the header values to send. */
  public record Decision(
      boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {}

  private static final class Bucket {
    double tokens;
    long lastNanos;
  }

  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  public Decision take(String credential, RateLimit limit) {
    long windowNanos = Math.max(1, limit.window().toNanos());
    double perNano = (double) limit.limit() / windowNanos;
    long now = nanos();
    Bucket bucket =
        buckets.computeIfAbsent(
            credential + "|" + limit.limit() + "/" + windowNanos,
            k -> {
              Bucket b = new Bucket();
              b.tokens = limit.limit();
              b.lastNanos = now;
              return b;
            });
    synchronized (bucket) {
      long elapsed = Math.max(0, now - bucket.lastNanos);
      bucket.tokens = Math.min(limit.limit(), bucket.tokens + elapsed * perNano);
      bucket.lastNanos = now;
      boolean allowed = bucket.tokens >= 1;
      if (allowed) {
        bucket.tokens -= 1;
      }
      int remaining = (int) Math.floor(bucket.tokens);
      long resetSeconds = seconds((limit.limit() - bucket.tokens) / perNano);
      long retryAfter = allowed ? 0 : Math.max(1, seconds((1 - bucket.tokens) / perNano));
      return new Decision(allowed, limit.limit(), remaining, resetSeconds, retryAfter);
    }
  }

  public void clear() {
    buckets.clear();
  }

  private long nanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  private static long seconds(double nanos) {
    return (long) Math.ceil(nanos / 1_000_000_000d);
  }
}
