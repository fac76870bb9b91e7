package dev.interlock.junit5;

import static dev.interlock.junit5.MiniContracts.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.interlock.mocks.JournalEntry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * With {@code time = Time.VIRTUAL} the sandboxes' rate limits, outages and journals run on a clock
 * the test moves: a {@code Retry-After} is waited out by advancing it, never by sleeping, and every
 * test starts at {@link SandboxClock#START}. Where an instant is asserted it is read from the
 * journal, which the sandbox stamps with its own clock.
 */
class VirtualTimeIT {

  private static final Instant START = SandboxClock.START;

  @InterlockSandbox(
      contracts = MiniContracts.FOLDER,
      vendors = "greetings",
      scenario = "rate-limited", // two requests per second
      time = Time.VIRTUAL)
  static class RateLimited {

    @Test
    void advancingTheClockByRetryAfterLetsTheNextCallThrough(
        Sandbox greetings, SandboxClock clock) {
      assertThat(List.of(greet(greetings, "a"), greet(greetings, "b"), greet(greetings, "c")))
          .containsExactly(201, 201, 429);
      Duration retryAfter = Duration.ofSeconds(Long.parseLong(retryAfter(last(greetings))));
      assertThat(retryAfter).isPositive();

      clock.advance(retryAfter);

      assertThat(greet(greetings, "c")).isEqualTo(201);
      assertThat(greetings.journal().entries())
          .extracting(JournalEntry::at)
          .containsExactly(START, START, START, START.plus(retryAfter));
    }

    @Test
    void withoutAdvancingTheLimitHoldsHoweverLongTheTestTakes(Sandbox greetings) {
      greet(greetings, "a");
      greet(greetings, "b");
      assertThat(greet(greetings, "c")).isEqualTo(429);
      assertThat(greet(greetings, "c")).isEqualTo(429);
    }
  }

  @Test
  void aRateLimitIsWaitedOutOnTheVirtualClock() {
    LifecycleIT.run(RateLimited.class)
        .testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2).failed(0));
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings", time = Time.VIRTUAL)
  static class Outage {

    @Test
    @Scenario("outage") // 30 s of 503
    void anOutageEndsWhenItsDurationHasPassedOnTheClock(Sandbox greetings, SandboxClock clock) {
      assertThat(greet(greetings, "a")).isEqualTo(503);
      assertThat(retryAfter(last(greetings))).isEqualTo("30");

      clock.advance(Duration.ofSeconds(29));
      assertThat(greet(greetings, "a")).isEqualTo(503);
      assertThat(retryAfter(last(greetings))).isEqualTo("1");

      clock.advance(Duration.ofSeconds(1));
      assertThat(greet(greetings, "a")).isEqualTo(201);
      assertThat(last(greetings).at()).isEqualTo(START.plusSeconds(30));
    }
  }

  @Test
  void anOutageLastsItsDurationOnTheVirtualClock() {
    LifecycleIT.run(Outage.class)
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @InterlockSandbox(
      contracts = MiniContracts.FOLDER,
      vendors = "greetings",
      scenario = "rate-limited",
      time = Time.VIRTUAL)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class TwoTestsInARow {

    @Test
    @Order(1)
    void movesTheClockAnHourOnAndUsesUpTheLimit(Sandbox greetings, SandboxClock clock) {
      clock.advance(Duration.ofHours(1));
      greet(greetings, "a");
      greet(greetings, "b");
      assertThat(greet(greetings, "c")).isEqualTo(429);
    }

    @Test
    @Order(2)
    void startsBackAtTheStartWithAFreshLimit(Sandbox greetings, SandboxClock clock) {
      assertThat(clock.now()).isEqualTo(START);
      assertThat(greet(greetings, "a")).isEqualTo(201);
      assertThat(greet(greetings, "b")).isEqualTo(201);
      assertThat(last(greetings).at()).isEqualTo(START);
    }
  }

  @Test
  void theClockGoesBackToItsStartBeforeEveryTest() {
    LifecycleIT.run(TwoTestsInARow.class)
        .testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2).failed(0));
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER, time = Time.VIRTUAL)
  static class TwoVendors {

    @Test
    void shareOneClock(
        @Vendor("greetings") Sandbox greetings,
        @Vendor("weather") Sandbox weather,
        SandboxClock clock) {
      assertThat(greetings.clock()).isSameAs(clock).isSameAs(weather.clock());
      clock.advance(Duration.ofMinutes(5));
      greet(greetings, "a");
      MiniContracts.get(weather.baseUri(), "/forecast");
      assertThat(last(greetings).at()).isEqualTo(START.plusSeconds(300));
      assertThat(last(weather).at()).isEqualTo(START.plusSeconds(300));
      assertThat(clock.asClock().instant()).isEqualTo(START.plusSeconds(300));
      assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("only moves forward");
    }
  }

  @Test
  void theSandboxesOfAClassShareOneClock() {
    LifecycleIT.run(TwoVendors.class)
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  static class RealTime {

    @Test
    void asksForTheClock(SandboxClock clock) {}

    @Test
    void asksTheSandboxForTheClock(Sandbox greetings) {
      greetings.clock();
    }

    @Test
    void getsARealTimeJournal(URI greetings) {}
  }

  @Test
  void onRealTimeAskingForTheClockSaysToSetVirtualTime() {
    var events = LifecycleIT.run(RealTime.class).testEvents();
    events
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ParameterResolutionException.class),
                message(m -> m.contains("set @InterlockSandbox(time = Time.VIRTUAL)"))))
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(IllegalStateException.class),
                message(
                    m ->
                        m.startsWith("sandbox greetings runs on the real clock")
                            && m.contains("time = Time.VIRTUAL"))));
    events.assertStatistics(s -> s.succeeded(1).failed(2));
  }

  private static JournalEntry last(Sandbox sandbox) {
    List<JournalEntry> entries = sandbox.journal().entries();
    return entries.get(entries.size() - 1);
  }

  private static String retryAfter(JournalEntry entry) {
    return entry.responseHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("Retry-After"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Retry-After in " + entry));
  }
}
