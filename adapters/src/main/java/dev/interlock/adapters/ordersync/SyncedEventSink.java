package dev.interlock.adapters.ordersync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.interlock.clients.events.internal_events.OrderSynced;
import java.util.function.Consumer;

/**
 * Where order-sync's {@code order.synced} events go once serialised — a broker topic, say — without
 * the destination knowing the generated event classes: it gets the order id (the record key), the
 * stable {@link OrderSync#eventId event id} and the JSON payload. It must return only once the
 * event is accepted, since order-sync journals the order as synced right after.
 */
@FunctionalInterface
public interface SyncedEventSink {

  void publish(String orderId, String eventId, byte[] json);

  /** The {@code events} argument of {@link OrderSync}: each event as JSON into {@code sink}. */
  static Consumer<OrderSynced> asJson(SyncedEventSink sink) {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    return event -> {
      byte[] bytes;
      try {
        bytes = json.writeValueAsBytes(event);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot serialise order.synced " + event.getOrderId(), e);
      }
      sink.publish(event.getOrderId(), OrderSync.eventId(event.getOrderId()), bytes);
    };
  }
}
