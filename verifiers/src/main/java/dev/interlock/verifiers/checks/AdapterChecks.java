package dev.interlock.verifiers.checks;

import dev.interlock.verifiers.Check;
import java.util.List;

/**
 * The {@code adapter.*} checks: each adapter's generated-adapter policy, per vendor it uses, run
 * through scenarios against that vendor's sandbox on virtual time and asserted from the sandbox
 * journal and the adapter's events; and {@code adapter.exactly-once}, the reference adapter end to
 * end under chaos. The manifest's policy overrides apply, so a policy someone loosened fails here,
 * naming the check, the operation and the evidence.
 */
public final class AdapterChecks {

  private AdapterChecks() {}

  public static List<Check> all() {
    return List.of(
        new PerVendorAdapterCheck(
            "adapter.no-retry-on-client-error",
            "a 400, 401, 404 or 422 is never retried",
            RetryProbes::noRetryOnClientError),
        new PerVendorAdapterCheck(
            "adapter.retries-transient-failures",
            "429, 5xx and connection resets are retried until the call succeeds",
            RetryProbes::retriesTransientFailures),
        new PerVendorAdapterCheck(
            "adapter.backs-off",
            "waits between retries grow (exponential ceilings) and are jittered below them",
            RetryProbes::backsOff),
        new PerVendorAdapterCheck(
            "adapter.honours-retry-after",
            "after a Retry-After, the next attempt never comes sooner than the server asked",
            RetryProbes::honoursRetryAfter),
        new PerVendorAdapterCheck(
            "adapter.respects-rate-limit",
            "calls never exceed the contract's x-rate-limit in any window",
            PolicyProbes::respectsRateLimit),
        new PerVendorAdapterCheck(
            "adapter.idempotency-key-stable",
            "every attempt of one keyed operation carries the same idempotency key, derived from the business key",
            PolicyProbes::idempotencyKeyStable),
        new PerVendorAdapterCheck(
            "adapter.circuit-breaker",
            "the circuit opens under sustained failure and closes after recovery",
            PolicyProbes::circuitBreaker),
        new PerVendorAdapterCheck(
            "adapter.pins-api-version",
            "every request carries the API version the adapter is pinned to",
            PolicyProbes::pinsApiVersion),
        new ExactlyOnceCheck());
  }
}
