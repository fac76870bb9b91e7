package dev.interlock.mocks;

import java.time.Duration;
import java.util.List;

/**
 * How a sandbox delivers webhooks.
 *
 * @param secret the HMAC-SHA256 key of the signature header
 * @param maxAttempts attempts per delivery, the first included; then the delivery is given up
 * @param backoff the wait before the 2nd, 3rd, ... attempt on the sandbox's clock (the last one
 *     repeats), multiplied by the sandbox's time scale
 * @param timeout how long a receiver may take to answer an attempt (real time)
 * @param duplicateRate the share of events delivered twice (seeded)
 * @param outOfOrder whether deliveries due together go out in a seeded random order, each held back
 *     by up to {@code reorderWindow}
 * @param reorderWindow the longest a delivery is held back when {@code outOfOrder}
 * @param autoDeliver whether a background thread delivers what is due; off, the caller drives
 *     deliveries with {@link EventSandbox#deliverDue()} (tests on a {@link ManualClock})
 */
public record WebhookOptions(
    String secret,
    int maxAttempts,
    List<Duration> backoff,
    Duration timeout,
    double duplicateRate,
    boolean outOfOrder,
    Duration reorderWindow,
    boolean autoDeliver) {

  public static final String DEFAULT_SECRET = "interlock-sandbox-webhook-secret";

  public WebhookOptions {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret must not be empty");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (duplicateRate < 0 || duplicateRate > 1) {
      throw new IllegalArgumentException("duplicateRate must be between 0 and 1");
    }
    backoff = backoff.isEmpty() ? List.of(Duration.ZERO) : List.copyOf(backoff);
  }

  /**
   * The secret above, 5 attempts after 1 s, 5 s, 30 s, 2 min (the storefront's schedule in
   * seconds), 10 s timeout, no duplicates, in order, delivered in the background.
   */
  public static WebhookOptions defaults() {
    return new WebhookOptions(
        DEFAULT_SECRET,
        5,
        List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2)),
        Duration.ofSeconds(10),
        0,
        false,
        Duration.ofSeconds(2),
        true);
  }

  public WebhookOptions withSecret(String v) {
    return new WebhookOptions(
        v, maxAttempts, backoff, timeout, duplicateRate, outOfOrder, reorderWindow, autoDeliver);
  }

  public WebhookOptions withRetries(int attempts, List<Duration> waits) {
    return new WebhookOptions(
        secret, attempts, waits, timeout, duplicateRate, outOfOrder, reorderWindow, autoDeliver);
  }

  public WebhookOptions withTimeout(Duration v) {
    return new WebhookOptions(
        secret, maxAttempts, backoff, v, duplicateRate, outOfOrder, reorderWindow, autoDeliver);
  }

  /** The at-least-once scenario: duplicates and out-of-order delivery. */
  public WebhookOptions withDisorder(double duplicates, boolean reorder, Duration window) {
    return new WebhookOptions(
        secret, maxAttempts, backoff, timeout, duplicates, reorder, window, autoDeliver);
  }

  public WebhookOptions withAutoDeliver(boolean v) {
    return new WebhookOptions(
        secret, maxAttempts, backoff, timeout, duplicateRate, outOfOrder, reorderWindow, v);
  }

  /** The wait before attempt {@code next} (2 or more). */
  Duration backoffBefore(int next) {
    return backoff.get(Math.min(next - 2, backoff.size() - 1));
  }
}
