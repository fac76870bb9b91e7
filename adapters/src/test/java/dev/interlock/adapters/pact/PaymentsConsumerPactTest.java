package dev.interlock.adapters.pact;

import static dev.interlock.adapters.pact.OrderSyncPacts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.Secret;
import dev.interlock.adapters.VendorCallException;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter;
import dev.interlock.clients.payments.v2025_01_15.model.Charge;
import dev.interlock.clients.payments.v2025_01_15.model.CreateChargeRequest;
import dev.interlock.clients.payments.v2025_01_15.model.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** order-sync → payments (2025-01-15), driven through the generated {@link PaymentsAdapter}. */
@ExtendWith({PactDrift.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "payments", pactVersion = PactSpecVersion.V3)
class PaymentsConsumerPactTest {

  static final String KEY = "sk_test_orderSyncSandbox01";
  static final String CHARGE_ID = "ch_4RsT8uV2wX0yZ3aC";
  static final String BEARER = "^Bearer sk_(test|live)_[A-Za-z0-9]+$";
  static final String VERSION = "^2025-01-15$";

  /** The key the adapter derives: {@code <integration>:<operationId>:<businessKey>}. */
  static final String IDEMPOTENCY = "^order-sync:createCharge:ord_[A-Za-z0-9]{8,32}$";

  static PaymentsAdapter payments(MockServer server) {
    return new PaymentsAdapter(
        runtime(
            "payments",
            server.getUrl(),
            Credentials.bearer(Secret.of(KEY, "env:PAYMENTS_API_KEY"))));
  }

  /** The charge order-sync asks for (mirrors {@code OrderSync.sync}). */
  static CreateChargeRequest chargeOf(OrderCreatedPayload order) {
    return new CreateChargeRequest()
        .amount(
            new Money()
                .value(new BigDecimal(order.getTotal()).movePointLeft(2).toPlainString())
                .currency(order.getCurrency()))
        .paymentMethod(order.getPayment().getPaymentMethodId())
        .capture(true)
        .description("Order #" + order.getOrderNumber())
        .putMetadataItem("order_id", order.getOrderId());
  }

  static DslPart charge() {
    return LambdaDsl.newJsonBody(b -> chargeFields().accept(b)).build();
  }

  static Consumer<au.com.dius.pact.consumer.dsl.LambdaDslObject> chargeFields() {
    return o -> {
      o.stringMatcher("id", "^ch_[A-Za-z0-9]{8,32}$", CHARGE_ID);
      o.stringValue("object", "charge");
      o.object(
          "amount",
          a -> {
            a.stringMatcher("value", AMOUNT, "59.80");
            a.stringValue("currency", "EUR");
          });
      o.object(
          "amount_refunded",
          a -> {
            a.stringMatcher("value", AMOUNT, "0.00");
            a.stringValue("currency", "EUR");
          });
      o.stringMatcher("status", "^(pending|requires_action|succeeded|failed)$", "succeeded");
      o.booleanValue("captured", true);
      o.booleanValue("refunded", false);
      o.object(
          "payment_method",
          pm -> {
            pm.stringMatcher("id", PAYMENT_METHOD, "pm_card_visa");
            pm.stringValue("type", "card");
            pm.object(
                "card",
                c -> {
                  c.stringValue("brand", "visa");
                  c.stringMatcher("last4", "^[0-9]{4}$", "4242");
                  c.integerType("exp_month", 12);
                  c.integerType("exp_year", 2028);
                });
          });
      o.nullValue("next_action");
      o.stringValue("description", "Order #1042");
      o.object("metadata", m -> m.stringMatcher("order_id", ORD, ORDER_ID));
      o.nullValue("failure_code");
      o.nullValue("failure_message");
      o.stringMatcher("created", TIMESTAMP, "2026-11-24T09:15:02Z");
      o.booleanType("livemode", false);
    };
  }

  @Pact(consumer = "order-sync")
  RequestResponsePact chargeOrder1042(PactDslWithProvider p) {
    return p.given(
            "the payment method pm_card_visa can be charged",
            Map.of("paymentMethod", "pm_card_visa"))
        .uponReceiving("a request to charge order 1042")
        .method("POST")
        .path("/v1/charges")
        .matchHeader("Authorization", BEARER, "Bearer " + KEY)
        .headers("Content-Type", "application/json")
        .matchHeader("Idempotency-Key", IDEMPOTENCY, "order-sync:createCharge:" + ORDER_ID)
        .matchHeader("Payments-Version", VERSION, "2025-01-15")
        .body(
            LambdaDsl.newJsonBody(
                    o -> {
                      o.object(
                          "amount",
                          a -> {
                            a.stringMatcher("value", AMOUNT, "59.80");
                            a.stringMatcher("currency", CURRENCY, "EUR");
                          });
                      o.stringMatcher("payment_method", PAYMENT_METHOD, "pm_card_visa");
                      o.booleanValue("capture", true);
                      o.stringType("description", "Order #1042");
                      o.object("metadata", m -> m.stringMatcher("order_id", ORD, ORDER_ID));
                    })
                .build())
        .willRespondWith()
        .status(201)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(charge())
        .toPact();
  }

  @Pact(consumer = "order-sync")
  RequestResponsePact chargeDeclined(PactDslWithProvider p) {
    return p.given(
            "the payment method pm_card_visa_chargeDeclined is declined for insufficient funds",
            Map.of("paymentMethod", "pm_card_visa_chargeDeclined"))
        .uponReceiving("a request to charge order 1045 with a card that is declined")
        .method("POST")
        .path("/v1/charges")
        .matchHeader("Authorization", BEARER, "Bearer " + KEY)
        .headers("Content-Type", "application/json")
        .matchHeader("Idempotency-Key", IDEMPOTENCY, "order-sync:createCharge:ord_6PwD1kT8vHz2")
        .matchHeader("Payments-Version", VERSION, "2025-01-15")
        .body(
            LambdaDsl.newJsonBody(
                    o -> {
                      o.object(
                          "amount",
                          a -> {
                            a.stringValue("value", "24.90");
                            a.stringValue("currency", "EUR");
                          });
                      o.stringValue("payment_method", "pm_card_visa_chargeDeclined");
                      o.booleanValue("capture", true);
                      o.stringValue("description", "Order #1045");
                      o.object("metadata", m -> m.stringValue("order_id", "ord_6PwD1kT8vHz2"));
                    })
                .build())
        .willRespondWith()
        .status(402)
        .matchHeader("Content-Type", PROBLEM_TYPE, "application/problem+json")
        .body(
            LambdaDsl.newJsonBody(
                    o -> {
                      o.stringValue("type", "https://docs.payments.example/problems/card-declined");
                      o.stringType("title", "Your card was declined.");
                      o.numberValue("status", 402);
                      o.stringType(
                          "detail", "The card has insufficient funds to complete the purchase.");
                      o.stringValue("instance", "/v1/charges");
                      o.stringValue("code", "card_declined");
                      o.stringMatcher("decline_code", "^[a-z_]+$", "insufficient_funds");
                      o.stringMatcher("charge", "^ch_[A-Za-z0-9]{8,32}$", "ch_4RsT8uV2wX0yZ3aE");
                    })
                .build())
        .toPact();
  }

  @Pact(consumer = "order-sync")
  RequestResponsePact retrieveCharge(PactDslWithProvider p) {
    return p.given(
            "charge ch_4RsT8uV2wX0yZ3aC exists", Map.of("chargeId", CHARGE_ID, "orderId", ORDER_ID))
        .uponReceiving("a request to retrieve the charge of order 1042")
        .method("GET")
        .matchPath("^/v1/charges/ch_[A-Za-z0-9]{8,32}$", "/v1/charges/" + CHARGE_ID)
        .matchHeader("Authorization", BEARER, "Bearer " + KEY)
        .matchHeader("Payments-Version", VERSION, "2025-01-15")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(charge())
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "chargeOrder1042")
  void chargesOrder1042(MockServer server) {
    Charge c = payments(server).createCharge(ORDER_ID, chargeOf(order1042()));
    assertThat(c.getId()).isEqualTo(CHARGE_ID);
    assertThat(c.getAmount().getValue()).isEqualTo("59.80");
  }

  @Test
  @PactTestFor(pactMethod = "chargeDeclined")
  void aDeclinedCardIsAPermanentFailure(MockServer server) {
    OrderCreatedPayload order1045 = order1042();
    order1045.setOrderId("ord_6PwD1kT8vHz2");
    order1045.setOrderNumber(1045);
    order1045.setTotal(2490);
    order1045.getPayment().setPaymentMethodId("pm_card_visa_chargeDeclined");
    assertThatThrownBy(() -> payments(server).createCharge("ord_6PwD1kT8vHz2", chargeOf(order1045)))
        .isInstanceOfSatisfying(
            VendorCallException.class,
            e -> {
              assertThat(e.status()).isEqualTo(402);
              assertThat(e.isTransient()).isFalse();
            });
  }

  @Test
  @PactTestFor(pactMethod = "retrieveCharge")
  void retrievesTheCharge(MockServer server) {
    Charge c = payments(server).getCharge(CHARGE_ID);
    assertThat(c.getStatus().getValue()).isEqualTo("succeeded");
    assertThat(c.getMetadata()).containsEntry("order_id", ORDER_ID);
  }
}
