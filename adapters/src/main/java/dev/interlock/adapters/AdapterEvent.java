package dev.interlock.adapters;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything an adapter does on the way to an answer: every attempt, wait and decision. Delivered
 * to {@link AdapterRuntime.Builder#listener listeners}; verifiers and reports read them. Nothing in
 * an event is secret: error texts are redacted before an event is built.
 */
public sealed interface AdapterEvent {

  Instant at();

  String vendor();

  /** The operation, or null for vendor-wide events (circuit breaker). */
  String operationId();

  /** Why a wait was scheduled. */
  enum WaitReason {
    /** Exponential backoff with full jitter. */
    BACKOFF,
    /** The server said so: {@code Retry-After} or {@code RateLimit-Reset}. */
    RETRY_AFTER,
    /** The client-side rate limiter ({@code x-rate-limit}) had no permit. */
    RATE_LIMIT,
    /** The circuit breaker is open. */
    CIRCUIT_OPEN
  }

  /**
   * @param idempotencyKey the key sent, or null
   */
  record AttemptStarted(
      Instant at, String vendor, String operationId, int attempt, String idempotencyKey)
      implements AdapterEvent {}

  /**
   * @param status the HTTP status, or 0 when there was no response (connection error, timeout)
   * @param error what went wrong, redacted
   * @param retryable whether the policy allows another attempt for this failure
   */
  record AttemptFailed(
      Instant at,
      String vendor,
      String operationId,
      int attempt,
      int status,
      String error,
      boolean retryable)
      implements AdapterEvent {}

  /**
   * @param duration how long the adapter waits
   * @param backoffCeiling the upper bound of the jittered backoff for this attempt (zero for
   *     rate-limit and circuit waits)
   * @param serverDelay what the server asked for (Retry-After / RateLimit-Reset), or zero
   */
  record WaitScheduled(
      Instant at,
      String vendor,
      String operationId,
      int attempt,
      Duration duration,
      Duration backoffCeiling,
      Duration serverDelay,
      WaitReason reason)
      implements AdapterEvent {}

  record Succeeded(
      Instant at,
      String vendor,
      String operationId,
      int attempt,
      int status,
      boolean replayed,
      Duration elapsed)
      implements AdapterEvent {}

  /**
   * @param reason why: {@code not-retryable}, {@code attempts-exhausted}, {@code budget-exhausted}
   */
  record GaveUp(
      Instant at, String vendor, String operationId, int attempts, int lastStatus, String reason)
      implements AdapterEvent {}

  record CircuitOpened(Instant at, String vendor, String operationId, float failureRate)
      implements AdapterEvent {}

  record CircuitClosed(Instant at, String vendor, String operationId) implements AdapterEvent {}
}
