package dev.interlock.mocks.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many requests each credential has in flight, against a limit: a semaphore per credential.
 * Unlike the token bucket of {@link RateLimiter}, which counts requests per window, this counts
 * requests that have started and not yet finished, so it only bites when a client overlaps its
 * calls (Stripe's "concurrency limiter"). A request over the limit is refused at once, never
 * queued: the client is told to come back, as the vendor would.
 */
public final class ConcurrencyLimiter {

  /** A place among the requests in flight; {@link #close()} gives it back (once, idempotently). */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private final int limit;
  private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

  /** At most {@code limit} requests per credential at once. */
  public ConcurrencyLimiter(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a concurrency limit is at least 1: " + limit);
    }
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }

  /**
   * A permit when fewer than {@link #limit()} requests with this credential are in flight, else
   * null. The caller must close the permit when the request is done, exceptions included.
   */
  public Permit tryAcquire(String credential) {
    Semaphore semaphore = inFlight.computeIfAbsent(credential, k -> new Semaphore(limit));
    if (!semaphore.tryAcquire()) {
      return null;
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        semaphore.release();
      }
    };
  }
}
