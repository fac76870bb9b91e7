package dev.interlock.adapters.ordersync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.adapters.ordersync.internal.OrderFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The storefront's outbox in a run: N seeded {@code order.created} events, signed, a share of them
 * twice (same event id), in a seeded shuffled order. Created at a fixed instant whatever the clock,
 * so a run resumed in another process delivers the same events.
 */
final class StorefrontOutbox {

  /** One event as the storefront sends it, on a webhook or a broker topic. */
  record Event(String id, byte[] body, String signature) {

    /** The headers the storefront's contract declares, for the first delivery attempt. */
    Map<String, String> headers(int attempt) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("X-Storefront-Event-Id", id);
      h.put("X-Storefront-Topic", "order.created");
      h.put("X-Storefront-Delivery-Attempt", String.valueOf(attempt));
      h.put(WebhookSignature.HEADER, signature);
      return h;
    }
  }

  private StorefrontOutbox() {}

  static List<Event> events(
      int orders, double duplicates, long seed, Instant createdAt, WebhookSignature signature) {
    OrderFactory factory = new OrderFactory(seed);
    Random random = new Random(seed ^ 0x5EEDL);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      ObjectNode order = factory.next(1000 + i, createdAt);
      byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
      Event e = new Event(UUID.nameUUIDFromBytes(body).toString(), body, signature.sign(body));
      events.add(e);
      if (random.nextDouble() < duplicates) {
        events.add(e);
      }
    }
    Collections.shuffle(events, random);
    return events;
  }
}
