package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.mocks.ManualClock;
import dev.interlock.mocks.SandboxFleet;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest's scenario settings, in its documented spelling, take effect in the sandbox's steps
 * (gate, latency, limits), all on a manual clock: nothing waits.
 */
class ManifestScenariosTest {

  static final ContractVersion SHOP = Steps.shop();
  static SandboxFleet fleet;
  final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));

  @BeforeAll
  static void loadAManifestWithEveryScenarioSet(@TempDir Path dir) throws Exception {
    Path openApi = Files.createDirectories(dir.resolve("openapi/shop"));
    Files.copy(
        Paths.get(ManifestScenariosTest.class.getResource("/openapi/3.0/shop.yaml").toURI()),
        openApi.resolve("v1.yaml"));
    Files.writeString(
        dir.resolve("interlock.yaml"),
        """
        interlock: 1
        name: scenarios
        vendors:
          shop:
            versions:
              "v1": { contract: openapi/shop/v1.yaml }
        scenarios:
          flaky: { errorRate: 0.9, statuses: [502], connectionResetRate: 0.1 }
          slow: { latency: { p50: 200ms, p99: 2s } }
          rate-limited: { rateLimitFactor: 0.6 }
          outage: { status: 502, duration: 30s, retryAfter: 5s }
        """);
    fleet = SandboxFleet.of(new ContractLoader(LoadOptions.forRoot(dir)).loadAll(List.of(dir)));
  }

  ScenarioGate gate(Scenario scenario) {
    return new ScenarioGate(
        new ScenarioRuntime(clock, 7, scenario), Steps.replies(), Steps.problems());
  }

  @Test
  void aFlakyScenarioWithStatuses502InjectsOnly502s() {
    ScenarioGate gate = gate(fleet.scenario("flaky"));
    OperationModel op = Steps.operation(SHOP, "listOrders");
    Set<Integer> statuses = new TreeSet<>();
    int failed = 0;
    for (int i = 0; i < 300; i++) {
      Optional<Reply> r = gate.decide(op, call("GET", "/v1/orders", ""));
      if (r.isPresent() && !r.get().reset()) {
        statuses.add(r.get().status());
        failed++;
      }
    }
    assertThat(failed).isGreaterThan(200);
    assertThat(statuses).containsExactly(502);
  }

  @Test
  void anOutageAnswersItsStatusWithItsRetryAfterUntilItsDurationHasPassed() {
    ScenarioGate gate = gate(fleet.scenario("outage"));
    OperationModel op = Steps.operation(SHOP, "listOrders");
    clock.advance(Duration.ofSeconds(12));
    Reply r = gate.decide(op, call("GET", "/v1/orders", "")).orElseThrow();
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.header("Retry-After")).isEqualTo("5");
    clock.advance(Duration.ofSeconds(18));
    assertThat(gate.decide(op, call("GET", "/v1/orders", ""))).isEmpty();
  }

  @Test
  void aSlowScenariosLatencyP50IsTheMedianDelayAndP99ItsCeiling() {
    ScenarioRuntime runtime = new ScenarioRuntime(clock, 7, fleet.scenario("slow"));
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      delays.add(runtime.delayMillis(1.0));
    }
    Collections.sort(delays);
    assertThat(delays.get(500)).isBetween(170L, 235L);
    assertThat(delays.get(1000)).isLessThanOrEqualTo(2_000L);
  }

  @Test
  void aRateLimitFactorScalesTheContractsRateLimit() {
    // the shop contract declares x-rate-limit {limit: 5, window: 1s}: 0.6 of it is 3 a second
    SandboxOptions options =
        SandboxOptions.builder().clock(clock).scenario(fleet.scenario("rate-limited")).build();
    Limits limits =
        new Limits(
            options,
            List.of(SHOP),
            new ScenarioRuntime(clock, 7, options.scenario()),
            Steps.problems());
    OperationModel op = Steps.operation(SHOP, "listOrders");
    for (int i = 0; i < 3; i++) {
      RateLimiter.Decision d = limits.take(op, "k").orElseThrow();
      assertThat(d.allowed()).isTrue();
      assertThat(d.limit()).isEqualTo(3);
    }
    assertThat(limits.take(op, "k").orElseThrow().allowed()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limits.take(op, "k").orElseThrow().allowed()).isTrue();
  }

  @Test
  void aRateLimitFactorFallsBackToTheScenariosOwnLimitWhereNoneIsDeclared() {
    Scenario.RateLimited scenario = (Scenario.RateLimited) fleet.scenario("rate-limited");
    assertThat(Limits.scenarioLimit(scenario, Optional.empty()).limit()).isEqualTo(2);
  }
}
