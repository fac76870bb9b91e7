package dev.interlock.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.adapters.VendorSpec.RateLimit;
import dev.interlock.core.contract.ContractExtensions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the manifest's {@code vendors.<id>.policy} overrides of the contract-derived policy, in the
 * manifest schema's shape: {@code policy: {timeout: 5s, rateLimit: {limit: 5, window: 1s}, retry:
 * {statuses: [429, 503], maxAttempts: 4, budget: 20s, honourRetryAfter: true}}}.
 *
 * <p>{@code honourRetryAfter: false} exists because teams ask for it ("retry faster"); the {@code
 * adapter.honours-retry-after} check then fails, which is the point.
 */
public record PolicyOverrides(
    Optional<Duration> timeout,
    Optional<Integer> maxAttempts,
    Optional<Duration> budget,
    Optional<RateLimit> rateLimit,
    Optional<List<Integer>> retryStatuses,
    Optional<Boolean> honourRetryAfter) {

  public static PolicyOverrides none() {
    return new PolicyOverrides(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public PolicyOverrides withMaxAttempts(int attempts) {
    return new PolicyOverrides(
        timeout, Optional.of(attempts), budget, rateLimit, retryStatuses, honourRetryAfter);
  }

  public PolicyOverrides withHonourRetryAfter(boolean honour) {
    return new PolicyOverrides(
        timeout, maxAttempts, budget, rateLimit, retryStatuses, Optional.of(honour));
  }

  /** Reads a manifest policy node; a missing or null node means no override. */
  public static PolicyOverrides fromManifest(JsonNode policy) {
    if (policy == null || policy.isNull() || policy.isMissingNode() || !policy.isObject()) {
      return none();
    }
    Optional<RateLimit> rate = Optional.empty();
    JsonNode rl = policy.get("rateLimit");
    if (rl != null && rl.isObject() && rl.has("limit")) {
      Duration window = duration(rl.get("window")).orElse(Duration.ofSeconds(1));
      rate = Optional.of(new RateLimit(rl.get("limit").asInt(), window));
    }
    JsonNode retry = policy.path("retry");
    Optional<List<Integer>> statuses = Optional.empty();
    JsonNode st = retry.get("statuses");
    if (st != null && st.isArray()) {
      List<Integer> list = new ArrayList<>();
      st.forEach(n -> list.add(n.asInt()));
      statuses = Optional.of(List.copyOf(list));
    }
    return new PolicyOverrides(
        duration(policy.get("timeout")),
        retry.has("maxAttempts") ? Optional.of(retry.get("maxAttempts").asInt()) : Optional.empty(),
        duration(retry.get("budget")),
        rate,
        statuses,
        retry.has("honourRetryAfter")
            ? Optional.of(retry.get("honourRetryAfter").asBoolean(true))
            : Optional.empty());
  }

  private static Optional<Duration> duration(JsonNode n) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    return ContractExtensions.duration(n.isNumber() ? n.numberValue() : n.asText());
  }
}
