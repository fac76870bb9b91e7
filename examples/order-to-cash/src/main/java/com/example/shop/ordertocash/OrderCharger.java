package com.example.shop.ordertocash;

import com.example.shop.ordertocash.ChargeOutcome.Charged;
import com.example.shop.ordertocash.ChargeOutcome.GaveUp;
import com.example.shop.ordertocash.ChargeOutcome.Rejected;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import dev.interlock.clients.payments.v2025_01_15.api.ChargesApi;
import dev.interlock.clients.payments.v2025_01_15.invoker.ApiClient;
import dev.interlock.clients.payments.v2025_01_15.invoker.ApiException;
import dev.interlock.clients.payments.v2025_01_15.model.CreateChargeRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Charges an order through the generated payments client: one request per attempt, every attempt
 * with the order's idempotency key, further attempts only as the {@link RetryRule} allows, waiting
 * what it says (Retry-After first).
 */
public final class OrderCharger implements OrderHandler {

  /**
   * The payments API version this service is written against (sent as {@code Payments-Version}).
   */
  public static final String API_VERSION = "2025-01-15";

  private static final int REASON_LIMIT = 300;

  private final ChargesApi charges;
  private final RetryRule rule;
  private final Sleeper sleeper;
  private final Clock clock;

  OrderCharger(ChargesApi charges, RetryRule rule, Sleeper sleeper, Clock clock) {
    this.charges = charges;
    this.rule = rule;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** A charger talking to the payments API at {@code baseUri} with this secret key. */
  public static OrderCharger connect(
      URI baseUri, String apiKey, RetryRule rule, Sleeper sleeper, Clock clock) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUri.toString());
    client.setConnectTimeout(Duration.ofSeconds(2));
    client.setReadTimeout(Duration.ofSeconds(5));
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
    return new OrderCharger(new ChargesApi(client), rule, sleeper, clock);
  }

  @Override
  public ChargeOutcome handle(OrderCreatedPayload order) throws InterruptedException {
    CreateChargeRequest request;
    try {
      request = ChargeRequests.of(order);
    } catch (IllegalArgumentException unusable) {
      return new Rejected(RetryRule.NO_ANSWER, unusable.getMessage(), 0);
    }
    String key = ChargeRequests.idempotencyKey(order);
    for (int attempt = 1; ; attempt++) {
      ApiException failure;
      try {
        String chargeId =
            charges.createChargeWithHttpInfo(API_VERSION, key, request).getData().getId();
        return new Charged(chargeId, attempt);
      } catch (ApiException e) {
        failure = e;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while charging " + order.getOrderId());
      }
      int status = failure.getCode();
      Optional<Duration> wait = rule.delayAfter(attempt, status, retryAfter(failure));
      if (wait.isEmpty()) {
        return rule.isTransient(status)
            ? new GaveUp(status, attempt)
            : new Rejected(status, reason(failure), attempt);
      }
      sleeper.sleep(wait.get());
    }
  }

  private Optional<Duration> retryAfter(ApiException failure) {
    if (failure.getResponseHeaders() == null) {
      return Optional.empty();
    }
    return failure
        .getResponseHeaders()
        .firstValue("Retry-After")
        .flatMap(value -> RetryAfter.parse(value, clock));
  }

  /** The vendor's problem body, shortened: it says what was wrong, and holds no secret of ours. */
  private static String reason(ApiException failure) {
    String body = failure.getResponseBody();
    if (body == null || body.isBlank()) {
      return "HTTP " + failure.getCode();
    }
    return body.length() <= REASON_LIMIT ? body : body.substring(0, REASON_LIMIT) + "…";
  }
}
