package com.example.shop.ordertocash;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Orders for tests: the storefront contract's own {@code order.created} example (order 1042,
 * serialised as the contract says its example signature was computed: compact, keys in the order
 * shown), or a copy of it with another order id.
 */
final class TestOrders {

  static final String EXAMPLE_ORDER_ID = "ord_8XfK2mQ9pLw3";

  /** The signing secret the storefront contract's example signatures were made with. */
  static final String CONTRACT_SECRET = "interlock-sandbox-webhook-secret";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private TestOrders() {}

  /** The contract's example body, byte for byte. */
  static byte[] exampleBody() {
    try (InputStream in = TestOrders.class.getResourceAsStream("/order-created-1042.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example body with another order id ({@code ord_} and 8 to 32 letters or digits). */
  static byte[] body(String orderId) {
    String example = new String(exampleBody(), StandardCharsets.UTF_8);
    return example.replace(EXAMPLE_ORDER_ID, orderId).getBytes(StandardCharsets.UTF_8);
  }

  static OrderCreatedPayload order(String orderId) {
    try {
      return JSON.readValue(body(orderId), OrderCreatedPayload.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
