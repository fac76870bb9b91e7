package dev.interlock.adapters;

import dev.interlock.adapters.VendorSpec.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resilience policy of one operation, derived from its contract ({@link #derive}) and the
 * manifest's overrides.
 *
 * @param retryClass whether and why the operation may be repeated
 * @param retryStatuses statuses worth another attempt ({@code x-retry}, else 429, 502, 503, 504);
 *     connection errors and timeouts are retried too, unless the class is NEVER
 * @param maxAttempts attempts in total, the first included
 * @param budget total time an operation may take, waits included; no wait starts that would end
 *     beyond it
 * @param baseBackoff the backoff ceiling of the first retry; it doubles per retry up to {@code
 *     maxBackoff}; the wait is uniformly random below it (full jitter)
 * @param timeout per attempt (request sent to response received)
 * @param rateLimit the vendor's client-side limit ({@code x-rate-limit}), shared by its operations
 * @param idempotencyHeader where the idempotency key goes (KEYED), or null
 * @param honoursRetryAfter whether waits respect {@code Retry-After} and {@code RateLimit-Reset}
 *     (always, unless the manifest says otherwise)
 */
public record ResiliencePolicy(
    String vendor,
    String operationId,
    RetryClass retryClass,
    Set<Integer> retryStatuses,
    int maxAttempts,
    Duration budget,
    Duration baseBackoff,
    Duration maxBackoff,
    Duration timeout,
    Optional<RateLimit> rateLimit,
    String idempotencyHeader,
    boolean honoursRetryAfter) {

  public static final List<Integer> DEFAULT_RETRY_STATUSES = List.of(429, 502, 503, 504);
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration BASE_BACKOFF = Duration.ofMillis(200);
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  public ResiliencePolicy {
    retryStatuses = Set.copyOf(retryStatuses);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /**
   * The contract → policy mapping:
   *
   * <ul>
   *   <li>retry class: IDEMPOTENT for RFC 9110 idempotent methods and {@code x-idempotent: true};
   *       KEYED for an operation with an idempotency header; NEVER otherwise;
   *   <li>retryable statuses and attempts: the operation's {@code x-retry}, else the document's,
   *       else 429/502/503/504 and {@value #DEFAULT_MAX_ATTEMPTS} attempts; a manifest override
   *       wins;
   *   <li>rate limit: {@code x-rate-limit}, or the manifest's; timeout and budget: defaults or the
   *       manifest's.
   * </ul>
   */
  public static ResiliencePolicy derive(
      VendorSpec vendor, OperationSpec op, PolicyOverrides overrides) {
    RetryClass retryClass;
    if (op.idempotentMethod() || op.declaredIdempotent()) {
      retryClass = RetryClass.IDEMPOTENT;
    } else if (op.idempotencyHeader() != null) {
      retryClass = RetryClass.KEYED;
    } else {
      retryClass = RetryClass.NEVER;
    }
    List<Integer> statuses =
        !op.retryStatuses().isEmpty()
            ? op.retryStatuses()
            : !vendor.retryStatuses().isEmpty() ? vendor.retryStatuses() : DEFAULT_RETRY_STATUSES;
    int attempts =
        op.maxAttempts() > 0
            ? op.maxAttempts()
            : vendor.maxAttempts() > 0 ? vendor.maxAttempts() : DEFAULT_MAX_ATTEMPTS;
    return new ResiliencePolicy(
        vendor.vendor(),
        op.operationId(),
        retryClass,
        new TreeSet<>(overrides.retryStatuses().orElse(statuses)),
        overrides.maxAttempts().orElse(attempts),
        overrides.budget().orElse(DEFAULT_BUDGET),
        BASE_BACKOFF,
        MAX_BACKOFF,
        overrides.timeout().orElse(DEFAULT_TIMEOUT),
        overrides.rateLimit().or(vendor::rateLimit),
        retryClass == RetryClass.KEYED ? op.idempotencyHeader() : null,
        overrides.honourRetryAfter().orElse(true));
  }

  /** Whether a failure with this status (0: no response) may be followed by another attempt. */
  public boolean retries(int status) {
    return switch (retryClass) {
      case NEVER -> status == 429 && retryStatuses.contains(429);
      case IDEMPOTENT, KEYED -> status == 0 || retryStatuses.contains(status);
    };
  }

  /** The backoff ceiling before attempt {@code attempt + 1}: base × 2^(attempt−1), capped. */
  public Duration backoffCeiling(int attempt) {
    long base = baseBackoff.toMillis();
    long shift = Math.min(attempt - 1, 30);
    long ceiling = base << shift;
    return Duration.ofMillis(
        Math.min(ceiling <= 0 ? Long.MAX_VALUE : ceiling, maxBackoff.toMillis()));
  }
}
