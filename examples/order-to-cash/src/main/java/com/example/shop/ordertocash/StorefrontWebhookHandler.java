package com.example.shop.ordertocash;

import com.example.shop.ordertocash.ChargeOutcome.Charged;
import com.example.shop.ordertocash.ChargeOutcome.GaveUp;
import com.example.shop.ordertocash.ChargeOutcome.Rejected;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * One webhook delivery: the signature over the raw body first (401 if it does not match), then the
 * topic, the event id (a repeat is acknowledged, not handled again) and the payload. The answer
 * tells the storefront whether to redeliver: 2xx when there is nothing more to do — the order was
 * charged, or refused for good and left to a person — and 503 when a later attempt may succeed.
 */
final class StorefrontWebhookHandler implements HttpHandler {

  static final String TOPIC_HEADER = "X-Storefront-Topic";
  static final String EVENT_ID_HEADER = "X-Storefront-Event-Id";
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final System.Logger LOG = System.getLogger("order-to-cash");

  // Tolerant reader: a field the storefront adds later must not stop us charging orders.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final WebhookSignature signature;
  private final OrderHandler orders;
  private final SeenEvents seen = new SeenEvents(10_000);

  StorefrontWebhookHandler(WebhookSignature signature, OrderHandler orders) {
    this.signature = signature;
    this.orders = orders;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      deliver(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(exchange, 503, "shutting down");
    } finally {
      exchange.close();
    }
  }

  private void deliver(HttpExchange exchange) throws IOException, InterruptedException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      answer(exchange, 405, "only POST is accepted here");
      return;
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      answer(exchange, 413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
      return;
    }
    String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
    if (!signature.matches(body, header)) {
      answer(exchange, 401, WebhookSignature.HEADER + " does not match the body");
      return;
    }
    String topic = exchange.getRequestHeaders().getFirst(TOPIC_HEADER);
    if (!"order.created".equals(topic)) {
      answer(exchange, 204, null); // a topic this service does not act on: acknowledged
      return;
    }
    String eventId = exchange.getRequestHeaders().getFirst(EVENT_ID_HEADER);
    if (eventId != null && seen.contains(eventId)) {
      answer(exchange, 200, "already handled");
      return;
    }
    OrderCreatedPayload order;
    try {
      order = JSON.readValue(body, OrderCreatedPayload.class);
    } catch (JsonProcessingException e) {
      answer(exchange, 400, "the body is not an order.created payload: " + e.getOriginalMessage());
      return;
    }
    ChargeOutcome outcome = orders.handle(order);
    log(order, outcome);
    if (outcome instanceof GaveUp) {
      answer(exchange, 503, "payments is unavailable; deliver again later");
      return;
    }
    if (eventId != null) {
      seen.remember(eventId);
    }
    answer(exchange, 200, outcome instanceof Charged ? "charged" : "refused by payments");
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    if (text == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void log(OrderCreatedPayload order, ChargeOutcome outcome) {
    String id = order.getOrderId();
    if (outcome instanceof Charged c) {
      LOG.log(Level.INFO, "{0} charged as {1} ({2} attempts)", id, c.chargeId(), c.attempts());
    } else if (outcome instanceof Rejected r) {
      LOG.log(
          Level.WARNING, "{0} refused ({1}), left for a person: {2}", id, r.status(), r.reason());
    } else if (outcome instanceof GaveUp g) {
      LOG.log(
          Level.WARNING,
          "{0} not charged after {1} attempts (last {2})",
          id,
          g.attempts(),
          g.lastStatus());
    }
  }
}
