package dev.interlock.adapters.ordersync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RunningSandboxes} against a sandbox already running on loopback. */
class RunningSandboxesIT {

  static final Path CONTRACTS =
      Path.of(System.getProperty("interlock.root", "..")).resolve("contracts").toAbsolutePath();

  ContractSet contracts;
  Sandbox payments;

  @BeforeEach
  void start() {
    contracts = new ContractLoader(LoadOptions.forRoot(CONTRACTS)).loadAll(List.of(CONTRACTS));
    payments = startPayments(SandboxOptions.builder().seed(7).build());
  }

  private Sandbox startPayments(SandboxOptions options) {
    Path spec =
        contracts.manifest().orElseThrow().root().resolve("openapi/payments/2025-01-15.yaml");
    return Sandbox.start((OpenApiContract) contracts.contractAt(spec).orElseThrow(), options);
  }

  @AfterEach
  void stop() {
    payments.close();
  }

  private SandboxLauncher.Request request(Map<String, String> vendors) {
    return new SandboxLauncher.Request(
        contracts, vendors, "normal", 7, Clock.systemUTC(), Map.of());
  }

  @Test
  void readsTheLedgerThroughTheAdminApiAndLeavesTheSandboxRunning() throws Exception {
    HttpResponse<String> charged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(payments.baseUrl() + "/v1/charges"))
                    .header("Authorization", "Bearer sk_test_any")
                    .header("Payments-Version", "2025-01-15")
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "order-sync:createCharge:ord_1")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"amount\":{\"value\":\"59.80\",\"currency\":\"EUR\"},"
                                + "\"payment_method\":\"pm_card_visa\",\"capture\":true}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(charged.statusCode()).as(charged.body()).isBetween(200, 201);

    RunningSandboxes launcher = RunningSandboxes.of(Map.of("payments", payments.baseUrl() + "/"));
    assertThat(launcher.followsRunClock()).isFalse();
    try (SandboxLauncher.Sandboxes running =
        launcher.start(request(Map.of("payments", "2025-01-15")))) {
      assertThat(running.baseUrl("payments")).isEqualTo(payments.baseUrl());
      assertThat(running.ledger("payments")).containsEntry("charges", 1);
    }
    assertThat(payments.isRunning()).isTrue();
  }

  @Test
  void readsTheLedgerOfASandboxThatWantsItsAdminToken() {
    Sandbox guarded =
        startPayments(SandboxOptions.builder().seed(7).adminToken("adm_9f2c4e7a1b").build());
    try {
      Map<String, String> urls = Map.of("payments", guarded.baseUrl());
      Map<String, String> vendors = Map.of("payments", "2025-01-15");
      try (SandboxLauncher.Sandboxes without = RunningSandboxes.of(urls).start(request(vendors))) {
        assertThatThrownBy(() -> without.ledger("payments"))
            .hasMessageContaining("HTTP 401")
            .hasMessageContaining("--admin-token");
      }
      try (SandboxLauncher.Sandboxes with =
          RunningSandboxes.of(urls, "adm_9f2c4e7a1b").start(request(vendors))) {
        assertThat(with.ledger("payments")).isEmpty();
      }
    } finally {
      guarded.close();
    }
  }

  @Test
  void namesTheVendorsWithoutASandboxAndThoseTheRunDoesNotCall() {
    RunningSandboxes launcher =
        RunningSandboxes.of(
            Map.of("payments", payments.baseUrl(), "storefront", "http://127.0.0.1:9"));
    Map<String, String> vendors = new LinkedHashMap<>();
    vendors.put("payments", "2025-01-15");
    vendors.put("accounting", "v1");

    assertThatThrownBy(() -> launcher.start(request(vendors)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "give a running sandbox for each vendor the run calls (payments, accounting), and for"
                + " no other; missing: accounting; not called: storefront");
  }

  @Test
  void refusesAnAddressThatIsNoHttpUrl() {
    assertThatThrownBy(() -> RunningSandboxes.of(Map.of("payments", "127.0.0.1:8080")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payments is not an http(s) URL");
  }
}
