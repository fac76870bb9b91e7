package dev.interlock.mocks.internal;

import dev.interlock.core.contract.ContractExtensions.RateLimit;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * The limits step: the rate limit in force (the {@code rate-limited} scenario's — its own, or its
 * factor of the one declared — else the options', else the operation's or its version's {@code
 * x-rate-limit}) with its {@code RateLimit-*} headers, and the concurrency limit on requests one
 * credential has in flight.
 */
final class Limits {

  private final SandboxOptions options;
  private final ScenarioRuntime scenarios;
  private final Problems problems;
  private final RateLimiter rateLimiter;

  /** In-flight requests per credential, or null when there is no concurrency limit. */
  private final ConcurrencyLimiter concurrency;

  Limits(
      SandboxOptions options,
      List<ContractVersion> versions,
      ScenarioRuntime scenarios,
      Problems problems) {
    this.options = options;
    this.scenarios = scenarios;
    this.problems = problems;
    this.rateLimiter = new RateLimiter(options.clock());
    int maxConcurrent = concurrencyLimit(options, versions);
    this.concurrency = maxConcurrent > 0 ? new ConcurrencyLimiter(maxConcurrent) : null;
  }

  /** Takes a token from the credential's bucket, when a rate limit is in force. */
  Optional<RateLimiter.Decision> take(OperationModel op, String credential) {
    Optional<RateLimit> declared =
        options
            .rateLimit()
            .or(() -> op.extensions().rateLimit())
            .or(() -> op.version().extensions().rateLimit());
    Optional<RateLimit> limit =
        scenarios.current() instanceof Scenario.RateLimited r
            ? Optional.of(scenarioLimit(r, declared))
            : declared;
    return limit.map(l -> rateLimiter.take(credential, l));
  }

  /**
   * The {@code rate-limited} scenario's limit: its factor of the declared limit (same window and
   * scope, at least 1 request) when it has a factor and a limit is declared, else its own.
   */
  static RateLimit scenarioLimit(Scenario.RateLimited r, Optional<RateLimit> declared) {
    if (r.factor().isPresent() && declared.isPresent()) {
      RateLimit d = declared.get();
      int scaled = (int) Math.max(1, Math.round(d.limit() * r.factor().getAsDouble()));
      return new RateLimit(scaled, d.window(), d.scope());
    }
    return new RateLimit(r.limit(), r.window(), "credential");
  }

  /** The 429 of a request over the rate limit. */
  Reply overRate(OperationModel op, RateLimiter.Decision decision) {
    Reply r =
        problems
            .error(op, 429, "Too many requests", "The rate limit of this API was exceeded.", null)
            .withHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
    return withRate(r, Optional.of(decision));
  }

  /** The reply with the {@code RateLimit-*} headers of the decision, if one was taken. */
  static Reply withRate(Reply r, Optional<RateLimiter.Decision> rate) {
    if (rate.isEmpty()) {
      return r;
    }
    RateLimiter.Decision d = rate.get();
    return r.withHeader("RateLimit-Limit", String.valueOf(d.limit()))
        .withHeader("RateLimit-Remaining", String.valueOf(d.remaining()))
        .withHeader("RateLimit-Reset", String.valueOf(d.resetSeconds()));
  }

  boolean limitsConcurrency() {
    return concurrency != null;
  }

  /** A permit for one more request in flight, or null when the credential has none left. */
  ConcurrencyLimiter.Permit enter(String credential) {
    return concurrency.tryAcquire(credential);
  }

  /**
   * The refusal of a request over the concurrency limit: 429 with {@code Retry-After: 1}, shaped as
   * the operation's declared 429 when the request names one (else problem+json), and not a token
   * taken from the rate limit's bucket.
   */
  Reply tooManyInFlight(Optional<OperationModel> op) {
    int max = concurrency.limit();
    String title = "Too many concurrent requests";
    String detail =
        "At most "
            + max
            + " request"
            + (max == 1 ? "" : "s")
            + " with the same credential may be in flight at once (concurrency limit "
            + max
            + "); retry when one has finished.";
    Reply r =
        op.map(o -> problems.error(o, 429, title, detail, null).answeredBy(o.id(), label(o)))
            .orElseGet(() -> Problems.problem(429, title, detail, null));
    return r.withHeader("Retry-After", "1");
  }

  void clear() {
    rateLimiter.clear();
  }

  private static String label(OperationModel op) {
    return op.version().label();
  }

  /**
   * The concurrency limit in force: the options', else the {@code concurrency} of the {@code
   * x-rate-limit} in force (the options' override, else the first contract version's); 0 for none.
   * One limit for the whole vendor: in-flight requests of a credential count across versions.
   */
  private static int concurrencyLimit(SandboxOptions options, List<ContractVersion> versions) {
    if (options.maxConcurrentRequests() > 0) {
      return options.maxConcurrentRequests();
    }
    Optional<RateLimit> declared = options.rateLimit();
    for (ContractVersion v : versions) {
      if (declared.isEmpty()) {
        declared = v.extensions().rateLimit();
      }
    }
    return declared.map(RateLimit::concurrency).orElse(0);
  }
}
