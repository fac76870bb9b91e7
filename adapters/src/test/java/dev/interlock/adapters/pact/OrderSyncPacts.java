package dev.interlock.adapters.pact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.VirtualTime;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** What the order-sync pacts share: the example order 1042, the patterns, the runtime. */
final class OrderSyncPacts {

  static final String ORDER_ID = "ord_8XfK2mQ9pLw3";
  static final String ORD = "^ord_[A-Za-z0-9]{8,32}$";
  static final String TIMESTAMP =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$";
  static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
  static final String JSON_TYPE = "^application/json(;.*)?$";
  static final String PROBLEM_TYPE = "^application/problem\\+json(;.*)?$";
  static final String AMOUNT = "^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,4})?$";
  static final String CURRENCY = "^[A-Z]{3}$";
  static final String PAYMENT_METHOD = "^pm_[A-Za-z0-9_]{4,64}$";

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private OrderSyncPacts() {}

  /** The storefront's example order 1042, as order-sync parses it. */
  static OrderCreatedPayload order1042() {
    try (InputStream in = OrderSyncPacts.class.getResourceAsStream("/pact/order-1042.json")) {
      return JSON.readValue(in, OrderCreatedPayload.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The order-sync runtime with one vendor pointed at the Pact mock server, on virtual time, as
   * {@code OrderSyncRun} builds it (standard idempotency keys).
   */
  static AdapterRuntime runtime(String vendor, String baseUrl, Credentials credentials) {
    return runtime(vendor, baseUrl, credentials, UnaryOperator.identity());
  }

  static AdapterRuntime runtime(
      String vendor,
      String baseUrl,
      Credentials credentials,
      UnaryOperator<AdapterRuntime.Builder> more) {
    return more.apply(
            AdapterRuntime.builder("order-sync")
                .virtualTime(VirtualTime.startingAt(Instant.parse("2026-11-24T09:15:00Z")))
                .seed(7)
                .endpoint(vendor, baseUrl)
                .credentials(vendor, credentials))
        .build();
  }
}
