package com.example.shop.ordertocash;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a failed charge attempt is tried again, and after how long. Only answers that may turn
 * out differently later are retried: 429, the 5xx the payments contract calls transient, and a
 * connection that failed before any answer. Every other 4xx — a 400 above all — refuses the request
 * for what it is; sending it again would be refused again, so it never is.
 *
 * <p>Retrying a charge is safe only because every attempt of one order carries the same idempotency
 * key (see {@link ChargeRequests#idempotencyKey}).
 */
public final class RetryRule {

  /** Status 0 stands for "no answer": the connection failed or was reset. */
  public static final int NO_ANSWER = 0;

  private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);

  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final Duration longestRetryAfter;

  /**
   * @param maxAttempts attempts in all, the first included
   * @param firstBackoff the wait after the first failure without Retry-After; doubled each time
   * @param maxBackoff the longest wait without Retry-After
   * @param longestRetryAfter a Retry-After longer than this ends the attempts: the webhook must be
   *     answered within seconds, and the storefront redelivers it later anyway
   */
  public RetryRule(
      int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration longestRetryAfter) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.longestRetryAfter = longestRetryAfter;
  }

  /** Five attempts, 200 ms doubling to 2 s, Retry-After honoured up to 5 s. */
  public static RetryRule standard() {
    return new RetryRule(5, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  /** Whether an answer with this status may be different next time. */
  public boolean isTransient(int status) {
    return status == NO_ANSWER || TRANSIENT.contains(status);
  }

  /**
   * The wait before the next attempt after attempt number {@code attempt} (1 for the first) failed
   * with {@code status}, or empty when there is no next attempt.
   *
   * @param retryAfter what the answer's Retry-After asked for, if it had one
   */
  public Optional<Duration> delayAfter(int attempt, int status, Optional<Duration> retryAfter) {
    if (!isTransient(status) || attempt >= maxAttempts) {
      return Optional.empty();
    }
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(longestRetryAfter) > 0 ? Optional.empty() : retryAfter;
    }
    Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    return Optional.of(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
  }
}
