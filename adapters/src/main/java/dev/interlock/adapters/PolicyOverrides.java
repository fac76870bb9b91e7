package dev.interlock.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.adapters.VendorSpec.RateLimit;
import dev.interlock.core.contract.ContractExtensions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the manifest's {@code vendors.<id>.policy} overrides of the contract-derived policy, e.g.
 * {@code policy: {timeout: 5s, rateLimit: {limit: 5, window: 1s}, maxAttempts: 4, budget: 20s,
 * retryStatuses: [429, 503]}}.
 */
public record PolicyOverrides(
    Optional<Duration> timeout,
    Optional<Integer> maxAttempts,
    Optional<Duration> budget,
    Optional<RateLimit> rateLimit,
    Optional<List<Integer>> retryStatuses) {

  public static PolicyOverrides none() {
    return new PolicyOverrides(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
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
    Optional<List<Integer>> statuses = Optional.empty();
    JsonNode st = policy.get("retryStatuses");
    if (st != null && st.isArray()) {
      List<Integer> list = new ArrayList<>();
      st.forEach(n -> list.add(n.asInt()));
      statuses = Optional.of(List.copyOf(list));
    }
    return new PolicyOverrides(
        duration(policy.get("timeout")),
        policy.has("maxAttempts")
            ? Optional.of(policy.get("maxAttempts").asInt())
            : Optional.empty(),
        duration(policy.get("budget")),
        rate,
        statuses);
  }

  private static Optional<Duration> duration(JsonNode n) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    return ContractExtensions.duration(n.isNumber() ? n.numberValue() : n.asText());
  }
}
