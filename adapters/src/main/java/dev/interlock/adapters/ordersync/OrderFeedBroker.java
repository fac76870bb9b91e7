package dev.interlock.adapters.ordersync;

import dev.interlock.core.ContractSet;
import dev.interlock.core.manifest.Manifest;
import java.util.List;
import java.util.Map;

/**
 * The broker an {@link OrderSyncRun} on a feed goes through: the storefront publishes its {@code
 * order.created} events to it, order-sync's consumer group reads them as {@link OrderFeed}s and
 * emits {@code order.synced} back to it. Defined here so the adapter depends on no broker client;
 * the Kafka one is in the kafka module, wired in by the CLI.
 */
public interface OrderFeedBroker extends AutoCloseable {

  /** Opens the broker for a run once its contracts are loaded (topics come from them). */
  @FunctionalInterface
  interface Factory {
    /**
     * @throws IllegalArgumentException when the contracts or the manifest do not say where the
     *     events go (the message names what is missing)
     */
    OrderFeedBroker open(ContractSet contracts, Manifest manifest);
  }

  /**
   * One {@code order.created} event as the storefront publishes it.
   *
   * @param id the event id, the same on every copy of the event
   * @param headers the message headers the storefront's contract declares (event id, topic,
   *     signature, delivery attempt)
   * @param body the payload, JSON
   */
  record Event(String id, Map<String, String> headers, byte[] body) {
    public Event {
      headers = Map.copyOf(headers);
    }
  }

  /** Publishes the events in this order and returns once the broker has acknowledged them all. */
  void publish(List<Event> events);

  /** A new member of order-sync's consumer group: reads its share of what is not committed. */
  OrderFeed join();

  /** Where order-sync emits {@code order.synced}. */
  SyncedEventSink syncedEvents();

  /**
   * Events published and not yet committed by order-sync's group: the run is over when this is 0
   * and every order is journalled.
   */
  long backlog();

  /** One line for the log: the cluster, the topics and the group. */
  String describe();

  @Override
  void close();
}
