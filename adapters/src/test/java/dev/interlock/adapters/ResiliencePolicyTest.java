package dev.interlock.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.clients.accounting.v1.AccountingAdapter;
import dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResiliencePolicyTest {

  static ResiliencePolicy policy(VendorSpec spec, String op) {
    return ResiliencePolicy.derive(spec, spec.operation(op), PolicyOverrides.none());
  }

  @Test
  void derivesRetryClassesFromTheContract() {
    assertThat(policy(PaymentsAdapter.SPEC, "createCharge").retryClass())
        .isEqualTo(RetryClass.KEYED);
    assertThat(policy(PaymentsAdapter.SPEC, "createCharge").idempotencyHeader())
        .isEqualTo("Idempotency-Key");
    assertThat(policy(PaymentsAdapter.SPEC, "getCharge").retryClass())
        .isEqualTo(RetryClass.IDEMPOTENT);
    assertThat(policy(AccountingAdapter.SPEC, "issueToken").retryClass())
        .isEqualTo(RetryClass.IDEMPOTENT);
    VendorSpec plain =
        VendorSpec.builder("x", "v1")
            .operation("send", "POST", "/send", null, false, true, List.of(), 0)
            .build();
    ResiliencePolicy never = policy(plain, "send");
    assertThat(never.retryClass()).isEqualTo(RetryClass.NEVER);
    assertThat(never.retries(503)).isFalse();
    assertThat(never.retries(0)).isFalse();
    assertThat(never.retries(429)).isTrue();
  }

  @Test
  void takesRetryStatusesAndAttemptsFromXRetryElseDefaults() {
    ResiliencePolicy p = policy(PaymentsAdapter.SPEC, "createCharge");
    assertThat(p.retryStatuses()).containsExactlyInAnyOrder(429, 502, 503, 504);
    assertThat(p.maxAttempts()).isEqualTo(5);
    assertThat(p.retries(500)).isFalse();
    assertThat(p.retries(0)).isTrue();
    VendorSpec bare =
        VendorSpec.builder("x", "v1")
            .operation("get", "GET", "/", null, false, true, List.of(), 0)
            .build();
    assertThat(policy(bare, "get").retryStatuses())
        .containsExactlyInAnyOrderElementsOf(ResiliencePolicy.DEFAULT_RETRY_STATUSES);
    assertThat(policy(bare, "get").maxAttempts()).isEqualTo(ResiliencePolicy.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void appliesTheContractRateLimitAndTheManifestOverrides() {
    assertThat(policy(AccountingAdapter.SPEC, "createJournalEntry").rateLimit())
        .contains(new VendorSpec.RateLimit(5, Duration.ofSeconds(1)));
    var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    node.put("timeout", "5s");
    node.putObject("retry").put("maxAttempts", 3).put("honourRetryAfter", false);
    ResiliencePolicy p =
        ResiliencePolicy.derive(
            PaymentsAdapter.SPEC,
            PaymentsAdapter.SPEC.operation("createCharge"),
            PolicyOverrides.fromManifest(node));
    assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.honoursRetryAfter()).isFalse();
  }

  @Test
  void backoffCeilingDoublesUpToTheCap() {
    ResiliencePolicy p = policy(PaymentsAdapter.SPEC, "getCharge");
    assertThat(p.backoffCeiling(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoffCeiling(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoffCeiling(3)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.backoffCeiling(20)).isEqualTo(ResiliencePolicy.MAX_BACKOFF);
  }
}
