package dev.interlock.junit5;

import static dev.interlock.junit5.MiniContracts.greet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A test's scenario (by annotation or at run time) lasts that test only; every test starts with a
 * clean sandbox in the class's scenario.
 */
class ScenarioIT {

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Switching {

    @Test
    @Order(1)
    @Scenario("outage")
    void anAnnotatedTestRunsInItsScenario(Sandbox greetings) {
      assertThat(greetings.scenario()).isEqualTo("outage");
      assertThat(greet(greetings, "Ada")).isEqualTo(503);
    }

    @Test
    @Order(2)
    void theNextTestIsBackInTheClassScenario(Sandbox greetings) {
      assertThat(greetings.scenario()).isEqualTo("normal");
      assertThat(greet(greetings, "Ada")).isEqualTo(201);
      assertThat(greetings.ledger().count("greetings")).isEqualTo(1);
      greetings.scenario("outage");
      assertThat(greet(greetings, "Grace")).isEqualTo(503);
    }

    @Test
    @Order(3)
    void aRunTimeSwitchEndsWithItsTestAndStateIsForgotten(Sandbox greetings) {
      assertThat(greetings.scenario()).isEqualTo("normal");
      assertThat(greetings.journal().entries()).isEmpty();
      assertThat(greetings.ledger().count("greetings")).isZero();
      assertThat(greet(greetings, "Ada")).isEqualTo(201);
    }
  }

  @Test
  void aScenarioLastsOneTestAndEveryTestStartsClean() {
    LifecycleIT.run(Switching.class)
        .testEvents()
        .assertStatistics(s -> s.started(3).succeeded(3).failed(0));
  }

  static final Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings", seed = 7)
  static class Flaky {
    @Test
    @Scenario("flaky")
    void first(Sandbox greetings) {
      statuses.put("first", twentyGreetings(greetings));
    }

    @Test
    @Scenario("flaky")
    void second(Sandbox greetings) {
      statuses.put("second", twentyGreetings(greetings));
    }

    private static List<Integer> twentyGreetings(Sandbox greetings) {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        out.add(greet(greetings, "n" + i));
      }
      return out;
    }
  }

  @Test
  void everyTestOfAFlakyClassSeesTheSameSeededFaults() {
    statuses.clear();
    LifecycleIT.run(Flaky.class).testEvents().assertStatistics(s -> s.succeeded(2));

    assertThat(statuses.get("first")).isEqualTo(statuses.get("second"));
    assertThat(statuses.get("first")).contains(201).anyMatch(s -> s != 201);
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  static class UnknownScenario {
    @Test
    @Scenario("chaos")
    void never() {}
  }

  @Test
  void anUnknownScenarioOnATestFailsThatTestReadably() {
    LifecycleIT.run(UnknownScenario.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
                    m ->
                        m.startsWith(
                            "@Scenario(\"chaos\") on UnknownScenario.never: unknown scenario"))));
  }
}
