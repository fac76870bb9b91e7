package dev.interlock.junit5;

import static dev.interlock.junit5.InterlockAssertions.assertThat;
import static dev.interlock.junit5.RequestCount.exactly;
import static dev.interlock.junit5.RequestPattern.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter;
import dev.interlock.clients.payments.v2025_01_15.model.Charge;
import dev.interlock.clients.payments.v2025_01_15.model.CreateChargeRequest;
import dev.interlock.clients.payments.v2025_01_15.model.Money;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of parameter the extension fills, in a class that runs two vendors. */
@InterlockSandbox(
    contracts = "target/test-contracts",
    vendors = {"payments", "storefront"})
class InjectionIT {

  private static URI paymentsAtStart;
  private final Sandbox paymentsFromConstructor;
  private URI storefrontBeforeEach;

  InjectionIT(@Vendor("payments") Sandbox payments) {
    this.paymentsFromConstructor = payments;
  }

  @BeforeAll
  static void remember(@Vendor("payments") URI payments) {
    paymentsAtStart = payments;
  }

  @BeforeEach
  void rememberToo(@Vendor("storefront") URI storefront) {
    storefrontBeforeEach = storefront;
  }

  @Test
  void aSandboxHandleAndItsBaseUriNameTheSameRunningServer(
      @Vendor("payments") Sandbox payments, @Vendor("payments") URI paymentsUri) {
    assertThat(payments.vendor()).isEqualTo("payments");
    assertThat(payments.baseUri()).isEqualTo(paymentsUri).isEqualTo(paymentsAtStart);
    assertThat(paymentsUri.getHost()).isEqualTo("127.0.0.1");
    assertThat(paymentsUri.getPort()).isPositive();
    assertThat(payments.versions()).containsExactly("2024-06-01", "2025-01-15");
    assertThat(PaymentsClient.createCharge(paymentsUri, "k1")).isEqualTo(201);
  }

  @Test
  void constructorAndLifecycleParametersGetTheSameSandboxesAsTheTest(
      @Vendor("payments") Sandbox payments, @Vendor("storefront") Sandbox storefront) {
    assertThat(paymentsFromConstructor.baseUri()).isEqualTo(payments.baseUri());
    assertThat(storefrontBeforeEach).isEqualTo(storefront.baseUri());
    assertThat(storefront.baseUri()).isNotEqualTo(payments.baseUri());
  }

  @Test
  void aGeneratedAdapterParameterCallsItsVendorsSandbox(
      PaymentsAdapter adapter, @Vendor("payments") Sandbox payments) {
    Charge charge =
        adapter.createCharge(
            "ord_1",
            new CreateChargeRequest()
                .amount(new Money().value("12.00").currency("EUR"))
                .paymentMethod("pm_card_visa"));

    assertThat(charge.getId()).isNotBlank();
    assertThat(payments)
        .received(
            exactly(1),
            postRequestedFor("/v1/charges")
                .withHeader("Idempotency-Key", "junit5:createCharge:ord_1")
                .withHeader("Payments-Version", "2025-01-15")
                .withStatus(201));
    assertThat(payments.ledger().count("charges")).isEqualTo(1);
  }
}
