package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.ManualClock;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitsTest {

  static final ContractVersion SHOP = Steps.shop();
  final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));

  Limits limits(SandboxOptions options) {
    ScenarioRuntime scenarios = new ScenarioRuntime(clock, 7, options.scenario());
    return new Limits(options, List.of(SHOP), scenarios, Steps.problems());
  }

  @Test
  void theContractsRateLimitRefusesTheSixthCallOfASecondPerCredentialUntilTheClockMovesOn() {
    Limits limits = limits(SandboxOptions.builder().clock(clock).build());
    OperationModel op = Steps.operation(SHOP, "listOrders");
    for (int i = 0; i < 5; i++) {
      RateLimiter.Decision d = limits.take(op, "sk_a").orElseThrow();
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(4 - i);
    }
    RateLimiter.Decision over = limits.take(op, "sk_a").orElseThrow();
    assertThat(over.allowed()).isFalse();
    Reply r = limits.overRate(op, over);
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("1");
    assertThat(r.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(limits.take(op, "sk_b").orElseThrow().allowed()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limits.take(op, "sk_a").orElseThrow().allowed()).isTrue();
  }

  @Test
  void theRateLimitedScenarioOverridesTheContract() {
    Limits limits =
        limits(
            SandboxOptions.builder()
                .clock(clock)
                .scenario(Scenario.rateLimited(1, Duration.ofSeconds(10)))
                .build());
    OperationModel op = Steps.operation(SHOP, "listOrders");
    assertThat(limits.take(op, "k").orElseThrow().limit()).isEqualTo(1);
    assertThat(limits.take(op, "k").orElseThrow().retryAfterSeconds()).isEqualTo(10);
  }

  @Test
  void aSecondRequestInFlightOverTheConcurrencyLimitGets429WithRetryAfter() throws Exception {
    Limits limits = limits(SandboxOptions.builder().clock(clock).maxConcurrentRequests(1).build());
    assertThat(limits.limitsConcurrency()).isTrue();
    try (ConcurrencyLimiter.Permit first = limits.enter("k")) {
      assertThat(first).isNotNull();
      assertThat(limits.enter("k")).isNull();
      Reply r = limits.tooManyInFlight(Optional.of(Steps.operation(SHOP, "listOrders")));
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.header("Retry-After")).isEqualTo("1");
      assertThat(r.operationId()).isEqualTo("listOrders");
    }
    assertThat(limits.enter("k")).isNotNull();
  }
}
