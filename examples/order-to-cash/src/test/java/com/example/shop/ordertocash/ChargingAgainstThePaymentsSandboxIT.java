package com.example.shop.ordertocash;

import static dev.interlock.junit5.InterlockAssertions.assertThat;
import static dev.interlock.junit5.RequestCount.exactly;
import static dev.interlock.junit5.RequestPattern.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.ordertocash.ChargeOutcome.Charged;
import com.example.shop.ordertocash.ChargeOutcome.Rejected;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.junit5.InterlockSandbox;
import dev.interlock.junit5.Sandbox;
import dev.interlock.junit5.SandboxClock;
import dev.interlock.junit5.Scenario;
import dev.interlock.junit5.Time;
import dev.interlock.mocks.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service's charging code against a sandbox of the payments contract in {@code
 * src/test/contracts}, started by Interlock's JUnit 5 extension; the scenarios' settings are the
 * manifest's ({@code src/test/contracts/interlock.yaml}). Every assertion reads what the sandbox
 * received (its journal) or holds (its ledger), not what the service says it did. The sandbox runs
 * on virtual time: the service sleeps on the test's {@link SandboxClock}, so waiting out a
 * rate limit takes no real time.
 */
@InterlockSandbox(
    contracts = "src/test/contracts",
    vendors = "payments",
    scenario = "flaky",
    seed = 7,
    time = Time.VIRTUAL)
class ChargingAgainstThePaymentsSandboxIT {

  private static final String API_KEY = "sk_test_order_to_cash";
  private static final String CHARGES = "/v1/charges";

  private final SandboxClock clock;

  ChargingAgainstThePaymentsSandboxIT(SandboxClock clock) {
    this.clock = clock;
  }

  @Test
  void chargesEveryOrderExactlyOnceWhilePaymentsIsFlaky(Sandbox payments) throws Exception {
    RecordingSleeper sleeper = RecordingSleeper.instant();
    OrderCharger charger = charger(payments, sleeper);
    List<String> orderIds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String orderId = "ord_Flaky" + String.format("%04d", i);
      orderIds.add(orderId);
      assertThat(charger.handle(TestOrders.order(orderId))).isInstanceOf(Charged.class);
    }

    // the run was not a quiet one: payments failed requests and the service retried them
    long failed =
        payments.journal().entries().stream().filter(e -> e.fault() || e.status() >= 500).count();
    assertThat(failed).as("requests the flaky sandbox failed").isPositive();
    assertThat(sleeper.waits()).hasSizeGreaterThanOrEqualTo((int) failed);

    // and yet payments holds exactly one charge per order
    List<JsonNode> charges = payments.ledger().created("charges");
    assertThat(charges).hasSize(orderIds.size());
    assertThat(charges)
        .extracting(c -> c.path("metadata").path("order_id").asText())
        .containsExactlyInAnyOrderElementsOf(orderIds);
    // because every attempt for an order carried that order's key
    for (String orderId : orderIds) {
      String key = "order-to-cash:" + orderId + ":charge";
      assertThat(payments.journal().requests(postRequestedFor(CHARGES)))
          .filteredOn(e -> e.requestBody() != null && e.requestBody().contains(orderId))
          .as("the attempts to charge %s", orderId)
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.requestHeaders()).containsEntry("Idempotency-Key", key));
    }
    assertThat(payments).receivedOnlyValidRequests();
  }

  @Test
  @Scenario("scripted") // payments answers every createCharge with 400 (see interlock.yaml)
  void sendsARequestPaymentsRefusedAsBadExactlyOnce(Sandbox payments) throws Exception {
    RecordingSleeper sleeper = RecordingSleeper.instant();

    ChargeOutcome outcome = charger(payments, sleeper).handle(TestOrders.order("ord_Refused0001"));

    assertThat(payments).received(exactly(1), postRequestedFor(CHARGES).withStatus(400));
    assertThat(payments).received(exactly(1), postRequestedFor(CHARGES));
    assertThat(sleeper.waits()).isEmpty();
    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).status()).isEqualTo(400);
  }

  @Test
  @Scenario("rate-limited") // one request per 2 s per API key (see interlock.yaml)
  void waitsWhatRetryAfterSaysBeforeTryingAgain(Sandbox payments) throws Exception {
    // The service's waits advance the sandbox's clock: the rate-limit window passes at once.
    RecordingSleeper sleeper = RecordingSleeper.then(clock::advance);
    OrderCharger charger = charger(payments, sleeper);

    ChargeOutcome first = charger.handle(TestOrders.order("ord_Limited0001"));
    ChargeOutcome second = charger.handle(TestOrders.order("ord_Limited0002"));

    // one 429, its Retry-After waited in full, then the same request again, accepted
    assertThat(payments).received(exactly(1), postRequestedFor(CHARGES).withStatus(429));
    assertThat(first).isInstanceOf(Charged.class);
    assertThat(second).isInstanceOf(Charged.class);
    String key = "order-to-cash:ord_Limited0002:charge";
    List<JournalEntry> attempts =
        payments.journal().requests(postRequestedFor(CHARGES).withHeader("Idempotency-Key", key));
    assertThat(attempts).extracting(JournalEntry::status).containsExactly(429, 201);
    Duration retryAfter =
        Duration.ofSeconds(Long.parseLong(header(attempts.get(0), "Retry-After")));
    assertThat(sleeper.waits()).containsExactly(retryAfter);
    // the sandbox stamps its journal with the virtual clock: the retry came Retry-After later
    assertThat(attempts.get(0).at()).isEqualTo(SandboxClock.START);
    assertThat(attempts.get(1).at()).isEqualTo(SandboxClock.START.plus(retryAfter));
  }

  private OrderCharger charger(Sandbox payments, Sleeper sleeper) {
    return OrderCharger.connect(
        payments.baseUri(), API_KEY, RetryRule.standard(), sleeper, clock.asClock());
  }

  private static String header(JournalEntry entry, String name) {
    return entry.responseHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " missing from " + entry));
  }
}
