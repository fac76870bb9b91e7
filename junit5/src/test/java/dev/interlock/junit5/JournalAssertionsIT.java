package dev.interlock.junit5;

import static dev.interlock.junit5.InterlockAssertions.assertThat;
import static dev.interlock.junit5.MiniContracts.greet;
import static dev.interlock.junit5.RequestCount.exactly;
import static dev.interlock.junit5.RequestCount.never;
import static dev.interlock.junit5.RequestPattern.getRequestedFor;
import static dev.interlock.junit5.RequestPattern.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/** Assertions on the journal pass on what was received and fail listing it. */
class JournalAssertionsIT {

  static final Map<String, String> messages = new ConcurrentHashMap<>();

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  static class Fixture {
    @Test
    void passesOnWhatWasReceived(Sandbox greetings) {
      assertThat(greet(greetings, "Ada")).isEqualTo(201);
      assertThat(MiniContracts.get(greetings.baseUri(), "/greetings/g_1")).isEqualTo(404);

      assertThat(greetings)
          .received(exactly(1), postRequestedFor("/greetings").withStatus(201))
          .received(getRequestedFor("/greetings/{greetingId}").withOperationId("getGreeting"))
          .received(never(), getRequestedFor("/greetings"))
          .receivedOnlyValidRequests();
      assertThat(greetings.journal().requests(getRequestedFor("/greetings/*")))
          .singleElement()
          .satisfies(e -> assertThat(e.url()).isEqualTo("/greetings/g_1"));
    }

    @Test
    void failsListingWhatWasReceived(Sandbox greetings) {
      greet(greetings, "Ada");
      MiniContracts.get(greetings.baseUri(), "/greetings/g_1");
      assertThat(greetings).received(exactly(2), postRequestedFor("/greetings"));
    }

    @Test
    void failsOnARequestTheContractRefuses(Sandbox greetings) {
      greet(greetings, "Ada");
      MiniContracts.postGreeting(greetings.baseUri(), "{\"name\": \"\"}");
      MiniContracts.get(greetings.baseUri(), "/farewells");
      assertThat(greetings).receivedOnlyValidRequests();
    }
  }

  @Test
  void assertionsPassOnWhatTheSandboxReceivedAndFailListingIt() {
    Events tests = LifecycleIT.run(Fixture.class).testEvents();

    tests
        .assertThatEvents()
        .haveExactly(1, event(test("passesOnWhatWasReceived"), finishedSuccessfully()));
    tests.assertStatistics(s -> s.succeeded(1).failed(2));
    tests
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("failsListingWhatWasReceived"),
                finishedWithFailure(
                    instanceOf(AssertionError.class),
                    org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
                        m -> {
                          messages.put("count", m);
                          return true;
                        }))));
    tests
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("failsOnARequestTheContractRefuses"),
                finishedWithFailure(
                    instanceOf(AssertionError.class),
                    org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
                        m -> {
                          messages.put("valid", m);
                          return true;
                        }))));

    assertThat(messages.get("count"))
        .isEqualToNormalizingNewlines(
            """
            Expected sandbox 'greetings' to have received exactly 2 POST /greetings, but it received 1. It received (2):
              POST /greetings -> 201 (createGreeting)
              GET /greetings/g_1 -> 404 (getGreeting)""");
    assertThat(messages.get("valid"))
        .startsWith(
            "Expected sandbox 'greetings' to have received only requests its contract accepts,"
                + " but 2 of 3 departed from it:\n  POST /greetings -> 400 (createGreeting)\n"
                + "      /body/name: ")
        .endsWith("\n  GET /farewells -> 404");
  }
}
