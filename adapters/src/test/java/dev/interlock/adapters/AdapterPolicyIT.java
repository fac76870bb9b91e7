package dev.interlock.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.adapters.AdapterEvent.AttemptFailed;
import dev.interlock.adapters.AdapterEvent.AttemptStarted;
import dev.interlock.adapters.AdapterEvent.CircuitClosed;
import dev.interlock.adapters.AdapterEvent.CircuitOpened;
import dev.interlock.adapters.AdapterEvent.WaitScheduled;
import dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter;
import dev.interlock.clients.payments.v2025_01_15.model.CreateChargeRequest;
import dev.interlock.clients.payments.v2025_01_15.model.Money;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.JournalEntry;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per policy rule, against the real payments sandbox on loopback, on virtual time. */
class AdapterPolicyIT {

  static final Path CONTRACTS =
      Path.of(System.getProperty("interlock.root", "..")).resolve("contracts");
  static final String SECRET = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

  final VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
  final List<AdapterEvent> events = new CopyOnWriteArrayList<>();
  final List<String> log = new CopyOnWriteArrayList<>();
  Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  PaymentsAdapter payments(
      Scenario scenario, PolicyOverrides overrides, AdapterRuntime.CircuitSettings circuit) {
    Path file = CONTRACTS.resolve("openapi/payments/2025-01-15.yaml").toAbsolutePath();
    OpenApiContract contract =
        (OpenApiContract)
            new ContractLoader(LoadOptions.forRoot(CONTRACTS.toAbsolutePath()))
                .load(file)
                .contract()
                .orElseThrow();
    sandbox =
        Sandbox.start(
            contract,
            SandboxOptions.builder()
                .clock(time.clock())
                .seed(7)
                .timeScale(0)
                .scenario(scenario)
                .apiKeys(Set.of(SECRET))
                .build());
    AdapterRuntime runtime =
        AdapterRuntime.builder("order-sync")
            .virtualTime(time)
            .seed(7)
            .endpoint("payments", sandbox.baseUrl())
            .credentials("payments", Credentials.bearer(Secret.of(SECRET, "env:PAYMENTS_API_KEY")))
            .overrides("payments", overrides)
            .circuit(circuit)
            .listener(events::add)
            .log(log::add)
            .build();
    return new PaymentsAdapter(runtime);
  }

  PaymentsAdapter payments(Scenario scenario) {
    return payments(scenario, PolicyOverrides.none(), AdapterRuntime.CircuitSettings.defaults());
  }

  static CreateChargeRequest charge() {
    return new CreateChargeRequest()
        .amount(new Money().value("59.80").currency("EUR"))
        .paymentMethod("pm_card_visa");
  }

  <T extends AdapterEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static String header(JournalEntry e, String name) {
    return e.requestHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"400", "401", "404", "422"})
  void doesNotRetryClientErrors(String status) {
    PaymentsAdapter p = payments(Scenario.scripted(Map.of("createCharge", List.of(status))));
    assertThatThrownBy(() -> p.createCharge("ord_client4xx01", charge()))
        .isInstanceOfSatisfying(
            VendorCallException.class,
            e -> {
              assertThat(e.status()).isEqualTo(Integer.parseInt(status));
              assertThat(e.isTransient()).isFalse();
            });
    assertThat(of(AttemptStarted.class)).hasSize(1);
    assertThat(of(WaitScheduled.class)).isEmpty();
  }

  @Test
  void retries429And503AndConnectionResetWithGrowingWaits() {
    PaymentsAdapter p =
        payments(Scenario.scripted(Map.of("createCharge", List.of("429", "503", "reset"))));
    assertThat(p.createCharge("ord_retry00001", charge()).getId()).startsWith("ch_");
    assertThat(of(AttemptStarted.class)).hasSize(4);
    assertThat(of(AttemptFailed.class))
        .extracting(AttemptFailed::status)
        .containsExactly(429, 503, 0);
    List<WaitScheduled> waits = of(WaitScheduled.class);
    assertThat(waits).hasSize(3);
    for (int i = 1; i < waits.size(); i++) {
      assertThat(waits.get(i).backoffCeiling()).isGreaterThan(waits.get(i - 1).backoffCeiling());
    }
    waits.forEach(
        w ->
            assertThat(w.duration())
                .isGreaterThanOrEqualTo(w.serverDelay())
                .isLessThanOrEqualTo(max(w.backoffCeiling(), w.serverDelay())));
  }

  @Test
  void neverRetriesBeforeRetryAfterHasPassed() {
    // an outage of 2 s answers 503 with Retry-After: 2
    PaymentsAdapter p = payments(Scenario.outage(Duration.ofSeconds(2)));
    Instant start = time.now();
    assertThat(p.listCharges(10, null)).isNotNull();
    List<AttemptStarted> attempts = of(AttemptStarted.class);
    assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
    assertThat(sandbox.journal().get(0).responseHeaders()).containsEntry("Retry-After", "2");
    assertThat(Duration.between(start, attempts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(of(WaitScheduled.class).get(0).reason())
        .isEqualTo(AdapterEvent.WaitReason.RETRY_AFTER);
  }

  @Test
  void sendsTheSameIdempotencyKeyOnEveryAttempt() {
    PaymentsAdapter p =
        payments(Scenario.scripted(Map.of("createCharge", List.of("503", "502", "reset"))));
    p.createCharge("ord_samekey0001", charge());
    List<String> keys = sandbox.journal().stream().map(e -> header(e, "Idempotency-Key")).toList();
    assertThat(keys).hasSize(4).containsOnly("order-sync:createCharge:ord_samekey0001");
    assertThat(of(AttemptStarted.class))
        .extracting(AttemptStarted::idempotencyKey)
        .containsOnly("order-sync:createCharge:ord_samekey0001");
  }

  @Test
  void circuitOpensAndCloses() {
    PaymentsAdapter p =
        payments(
            Scenario.scripted(Map.of("listCharges", List.of("503", "503", "503", "503"))),
            PolicyOverrides.none().withMaxAttempts(8),
            new AdapterRuntime.CircuitSettings(50f, 4, 4, Duration.ofSeconds(5), 1));
    assertThat(p.listCharges(10, null)).isNotNull();
    assertThat(of(CircuitOpened.class)).hasSize(1);
    assertThat(of(CircuitClosed.class)).hasSize(1);
    assertThat(of(WaitScheduled.class))
        .anySatisfy(w -> assertThat(w.reason()).isEqualTo(AdapterEvent.WaitReason.CIRCUIT_OPEN));
    assertThat(p.session().circuitState().name()).isEqualTo("CLOSED");
  }

  @Test
  void pinsTheVersionHeaderOnEveryRequest() {
    PaymentsAdapter p = payments(Scenario.scripted(Map.of("createCharge", List.of("503"))));
    p.createCharge("ord_version0001", charge());
    p.listCharges(5, null);
    assertThat(sandbox.journal()).hasSize(3);
    assertThat(sandbox.journal())
        .allSatisfy(e -> assertThat(header(e, "Payments-Version")).isEqualTo("2025-01-15"));
  }

  @Test
  void noSecretInAnyLogLineOrEvent() {
    PaymentsAdapter p = payments(Scenario.scripted(Map.of("createCharge", List.of("503", "401"))));
    assertThatThrownBy(() -> p.createCharge("ord_secret00001", charge()))
        .isInstanceOf(VendorCallException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    assertThat(log).isNotEmpty().noneMatch(l -> l.contains(SECRET));
    assertThat(events).isNotEmpty().noneMatch(e -> e.toString().contains(SECRET));
    assertThat(log).anyMatch(l -> l.contains("seed 7"));
  }

  static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
