package dev.interlock.adapters.pact;

import static dev.interlock.adapters.pact.OrderSyncPacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.MetadataBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.Secret;
import dev.interlock.adapters.ordersync.OrderSync;
import dev.interlock.adapters.ordersync.OrderSync.Ack;
import dev.interlock.adapters.ordersync.OrderSync.Delivery;
import dev.interlock.adapters.ordersync.ProgressStore;
import dev.interlock.adapters.ordersync.WebhookSignature;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storefront webhooks order-sync consumes (V4 asynchronous messages), fed through {@link
 * OrderSync#handle}: HMAC verification, topic routing, parsing ({@code FAIL_ON_UNKNOWN_PROPERTIES})
 * and validation. No vendor is called: order 1042 is already recorded as synced, so an accepted
 * {@code order.created} answers {@link Ack#DUPLICATE} — only a message that verifies, parses and
 * validates gets that far.
 */
@ExtendWith({PactDrift.class, PactConsumerTestExt.class})
@PactTestFor(
    providerName = "storefront",
    providerType = ProviderType.ASYNCH,
    pactVersion = PactSpecVersion.V4)
class StorefrontWebhooksConsumerPactTest {

  static final String SIGNATURE = "^sha256=[0-9a-f]{64}$";
  static final String EVENT_ID =
      "^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";
  static final WebhookSignature SIGNER =
      new WebhookSignature(Secret.of("whsec_orderSyncPactTest", "env:STOREFRONT_WEBHOOK_SECRET"));

  @TempDir Path dir;

  static Consumer<MetadataBuilder> metadata(
      String topic, String signature, String eventId, int attempt) {
    return m -> {
      m.add("contentType", "application/json");
      m.add("topic", topic);
      m.matchRegex("X-Storefront-Signature", SIGNATURE, signature);
      m.matchRegex("X-Storefront-Event-Id", EVENT_ID, eventId);
      m.add("X-Storefront-Topic", topic);
      m.integerType("X-Storefront-Delivery-Attempt", attempt);
    };
  }

  @Pact(consumer = "order-sync")
  V4Pact orderCreated(MessagePactBuilder b) {
    DslPart body =
        LambdaDsl.newJsonBody(
                o -> {
                  o.stringMatcher("orderId", ORD, ORDER_ID);
                  o.integerType("orderNumber", 1042);
                  o.stringValue("status", "placed");
                  o.stringMatcher("currency", CURRENCY, "EUR");
                  o.minArrayLike(
                      "lineItems",
                      1,
                      1,
                      li -> {
                        li.stringType("sku", "MUG-CER-350-BLU");
                        li.stringValue("name", "Ceramic mug 350 ml, blue");
                        li.integerType("quantity", 2);
                        li.integerType("unitPrice", 2490);
                        li.integerType("total", 4980);
                      });
                  o.integerType("subtotal", 4980);
                  o.integerType("shippingTotal", 1000);
                  o.integerType("taxTotal", 955);
                  o.integerType("total", 5980);
                  o.booleanValue("taxesIncluded", true);
                  o.object(
                      "customer",
                      c -> {
                        c.stringMatcher("id", "^cus_[A-Za-z0-9]{8,32}$", "cus_3Hq8Vn2Lx6Tp");
                        c.stringType("email", "mara.okafor@example.net");
                        c.stringType("name", "Mara Okafor");
                      });
                  o.object(
                      "shippingAddress",
                      a -> {
                        a.stringValue("name", "Mara Okafor");
                        a.stringValue("line1", "Invalidenstrasse 117");
                        a.nullValue("line2");
                        a.stringValue("city", "Berlin");
                        a.stringValue("postcode", "10115");
                        a.stringValue("country", "DE");
                      });
                  o.object(
                      "payment",
                      p -> {
                        p.stringValue("gateway", "payments");
                        p.stringMatcher("paymentMethodId", PAYMENT_METHOD, "pm_card_visa");
                      });
                  o.stringMatcher("createdAt", TIMESTAMP, "2026-11-24T09:14:58Z");
                })
            .build();
    // the address is matched by type as a whole
    body.getMatchers().addRule("$.shippingAddress", TypeMatcher.INSTANCE);
    return b.given("order ord_8XfK2mQ9pLw3 has been placed", Map.of("orderId", ORDER_ID))
        .expectsToReceive("an order.created webhook")
        .withMetadata(
            metadata(
                "order.created",
                "sha256=bc9a1493e82c77260e0059608ecf46f721a82ad8a811ebf9787b4e81d984419b",
                "3f1c9a2e-7b4d-4e8a-9c21-5d6e7f8a9b0c",
                1))
        .withContent(body)
        .toPact(V4Pact.class);
  }

  @Pact(consumer = "order-sync")
  V4Pact orderCancelled(MessagePactBuilder b) {
    return b.given(
            "order ord_8XfK2mQ9pLw3 has been cancelled by the customer",
            Map.of("orderId", ORDER_ID))
        .expectsToReceive("an order.cancelled webhook")
        .withMetadata(
            metadata(
                "order.cancelled",
                "sha256=d8bc92af2745ccb7cbe73a9805f1e7891a1bd0ec1b5dc377fd4855782d9f9826",
                "b7e2d4f1-0c3a-4d5e-8f6a-1b2c3d4e5f60",
                2))
        .withContent(
            LambdaDsl.newJsonBody(
                    o -> {
                      o.stringMatcher("orderId", ORD, ORDER_ID);
                      o.integerType("orderNumber", 1042);
                      o.stringMatcher(
                          "reason",
                          "^(customer|fraud|inventory|payment_declined|other)$",
                          "customer");
                      o.stringType("note", "Ordered the wrong colour.");
                      o.stringMatcher("cancelledAt", TIMESTAMP, "2026-11-24T10:02:44Z");
                    })
                .build())
        .toPact(V4Pact.class);
  }

  /** order-sync as the webhook endpoint runs it; vendors unreachable (not called here). */
  OrderSync orderSync(ProgressStore store) {
    var runtime =
        runtime(
            "payments",
            "http://127.0.0.1:9",
            Credentials.none(),
            r ->
                r.endpoint("accounting", "http://127.0.0.1:9")
                    .endpoint("fulfilment", "http://127.0.0.1:9"));
    return new OrderSync(runtime, "v2", store, SIGNER, e -> {}, OrderSync.CrashPoint.never());
  }

  static Delivery delivery(V4Interaction.AsynchronousMessage m) {
    byte[] body = m.getContents().getContents().getValue();
    Map<String, Object> md = m.getContents().getMetadata();
    assertThat(String.valueOf(md.get("X-Storefront-Signature"))).matches(SIGNATURE);
    assertThat(md).containsEntry("X-Storefront-Topic", md.get("topic"));
    // the example signature is over the committed bytes; sign the bytes as Pact delivers them
    return new Delivery(
        String.valueOf(md.get("X-Storefront-Event-Id")),
        String.valueOf(md.get("X-Storefront-Topic")),
        body,
        SIGNER.sign(body));
  }

  @Test
  @PactTestFor(pactMethod = "orderCreated")
  void acceptsOrderCreated(V4Interaction.AsynchronousMessage message) {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.record(ORDER_ID, ProgressStore.Step.SYNCED, "already", Instant.EPOCH);
      Delivery d = delivery(message);
      assertThat(orderSync(store).handle(d)).isEqualTo(Ack.DUPLICATE);
      assertThat(store.deadLetters()).isEmpty();
      // and the same bytes with a wrong signature are refused
      Delivery forged = new Delivery(d.eventId(), d.topic(), d.body(), "sha256=" + "0".repeat(64));
      assertThat(orderSync(store).handle(forged)).isEqualTo(Ack.REJECTED);
    }
  }

  @Test
  @PactTestFor(pactMethod = "orderCancelled")
  void setsOrderCancelledAsideWithItsReason(V4Interaction.AsynchronousMessage message) {
    try (ProgressStore store = ProgressStore.open(dir)) {
      assertThat(orderSync(store).handle(delivery(message))).isEqualTo(Ack.DEAD_LETTERED);
      assertThat(store.deadLetters())
          .singleElement()
          .asString()
          .contains("order.cancelled")
          .contains("not handled by order-sync");
    }
  }
}
