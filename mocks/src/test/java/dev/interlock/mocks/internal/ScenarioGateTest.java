package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.ManualClock;
import dev.interlock.mocks.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioGateTest {

  static final ContractVersion SHOP = Steps.shop();
  final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));

  ScenarioGate gate(Scenario scenario) {
    return new ScenarioGate(
        new ScenarioRuntime(clock, 7, scenario), Steps.replies(), Steps.problems());
  }

  @Test
  void theNormalScenarioLetsEveryCallThrough() {
    OperationModel op = Steps.operation(SHOP, "listOrders");
    assertThat(gate(Scenario.normal()).decide(op, call("GET", "/v1/orders", ""))).isEmpty();
  }

  @Test
  void anOutageAnswers503WithTheSecondsLeftInRetryAfter() {
    ScenarioGate gate = gate(Scenario.outage(Duration.ofSeconds(30)));
    clock.advance(Duration.ofSeconds(12));
    Reply r = gate.decide(Steps.operation(SHOP, "listOrders"), call("GET", "/v1/orders", "")).get();
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.header("Retry-After")).isEqualTo("18");
  }

  @Test
  void aScriptedStatusTheOperationDeclaresTakesTheContractsShapeAndAResetDropsTheConnection() {
    ScenarioGate gate =
        gate(Scenario.scripted(Map.of("createOrder", List.of("429", "reset", "201"))));
    OperationModel op = Steps.operation(SHOP, "createOrder");
    Reply limited = gate.decide(op, call("POST", "/v1/orders", Steps.ORDER)).get();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(gate.decide(op, call("POST", "/v1/orders", Steps.ORDER)).get().reset()).isTrue();
    assertThat(gate.decide(op, call("POST", "/v1/orders", Steps.ORDER))).isEmpty();
  }
}
