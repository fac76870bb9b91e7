package com.example.shop.ordertocash;

import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;

/** What the webhook endpoint does with a verified {@code order.created}. */
@FunctionalInterface
public interface OrderHandler {

  ChargeOutcome handle(OrderCreatedPayload order) throws InterruptedException;
}
