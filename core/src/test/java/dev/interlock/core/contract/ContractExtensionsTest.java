package dev.interlock.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.ContractExtensions.RateLimit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractExtensionsTest {

  @Test
  void readsAConcurrencyLimitBesideTheRateLimit() {
    ContractExtensions e =
        ContractExtensions.of(
            Map.of("x-rate-limit", Map.of("limit", 25, "window", "1s", "concurrency", 4)));
    assertThat(e.rateLimit()).contains(new RateLimit(25, Duration.ofSeconds(1), "credential", 4));
  }

  @Test
  void aRateLimitWithoutConcurrencyHasNoConcurrencyLimit() {
    ContractExtensions e =
        ContractExtensions.of(Map.of("x-rate-limit", Map.of("limit", 5, "window", "1s")));
    assertThat(e.rateLimit()).contains(new RateLimit(5, Duration.ofSeconds(1), "credential"));
    assertThat(e.rateLimit().orElseThrow().concurrency()).isZero();
  }

  @Test
  void anUnreadableOrNegativeConcurrencyIsNoLimit() {
    for (Object bad : new Object[] {"many", -3}) {
      ContractExtensions e =
          ContractExtensions.of(
              Map.of("x-rate-limit", Map.of("limit", 5, "window", "1s", "concurrency", bad)));
      assertThat(e.rateLimit().orElseThrow().concurrency()).isZero();
    }
  }
}
