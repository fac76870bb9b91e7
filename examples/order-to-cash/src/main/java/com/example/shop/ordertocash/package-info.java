/**
 * The order-to-cash service of the example shop: it receives the storefront's {@code order.created}
 * webhook ({@link com.example.shop.ordertocash.WebhookEndpoint}, signature checked over the raw
 * body) and charges the order through the payments API's generated client ({@link
 * com.example.shop.ordertocash.OrderCharger}), once per order, with an idempotency key, retrying
 * only what {@link com.example.shop.ordertocash.RetryRule} says may succeed later.
 *
 * <p>The typed payments client and the webhook payload types are generated at build time by {@code
 * interlock-maven-plugin} from the contracts in {@code src/test/contracts}; none is written by
 * hand.
 */
package com.example.shop.ordertocash;
