package com.example.shop.ordertocash;

import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import dev.interlock.clients.payments.v2025_01_15.model.CreateChargeRequest;
import dev.interlock.clients.payments.v2025_01_15.model.Money;

/** What the payments API is asked for an order: the charge, and the key that makes it once-only. */
public final class ChargeRequests {

  private ChargeRequests() {}

  /** The whole order total, captured at once, on the payment method the customer chose. */
  public static CreateChargeRequest of(OrderCreatedPayload order) {
    return new CreateChargeRequest()
        .amount(
            new Money()
                .value(MinorUnits.toDecimal(order.getTotal(), order.getCurrency()))
                .currency(order.getCurrency()))
        .paymentMethod(order.getPayment().getPaymentMethodId())
        .capture(true)
        .description("Order #" + order.getOrderNumber())
        .putMetadataItem("order_id", order.getOrderId());
  }

  /**
   * One key per order, not per delivery or per attempt: a redelivered webhook, a retried request
   * and a restarted service all ask for the same charge, and payments executes it once.
   */
  public static String idempotencyKey(OrderCreatedPayload order) {
    return "order-to-cash:" + order.getOrderId() + ":charge";
  }
}
