package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.ordersync.OrderSync.Ack;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The storefront pushing its outbox to order-sync's webhook: each event delivered until it is
 * acknowledged (at most {@value #MAX_DELIVERIES_PER_EVENT} times); a killed endpoint is restarted
 * from the state folder, as a crashed process would be.
 */
final class WebhookDeliveries {

  private static final int MAX_DELIVERIES_PER_EVENT = 12;

  private WebhookDeliveries() {}

  /**
   * @param newSync order-sync over a freshly opened journal, with a crash point
   */
  static void deliver(
      List<StorefrontOutbox.Event> events,
      Path state,
      KillSwitch kill,
      BiFunction<ProgressStore, OrderSync.CrashPoint, OrderSync> newSync,
      RunCounters counters,
      Consumer<String> log) {
    Deque<StorefrontOutbox.Event> queue = new ArrayDeque<>(events);
    Map<StorefrontOutbox.Event, Integer> tries = new LinkedHashMap<>();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    WebhookEndpoint endpoint = null;
    try {
      while (!queue.isEmpty()) {
        if (endpoint == null) {
          ProgressStore store = ProgressStore.open(state);
          endpoint = WebhookEndpoint.start(newSync.apply(store, kill.arm()), store);
        }
        StorefrontOutbox.Event e = queue.poll();
        int n = tries.merge(e, 1, Integer::sum);
        counters.deliveries++;
        int status = endpoint.deliver(http, e, n);
        Ack ack = endpoint.lastAck();
        if (kill.fired() && counters.restarts == 0) {
          log.accept("order-sync: simulated crash; restarting from " + state);
          endpoint.stop();
          endpoint = null;
          counters.restarts++;
        }
        if (status == 200 || status == 202 || status == 401) {
          if (!acked.add(e.id()) || (status == 200 && ack == Ack.DUPLICATE)) {
            counters.duplicates++;
          }
        } else if (n < MAX_DELIVERIES_PER_EVENT) {
          counters.redeliveries++;
          queue.add(e);
        }
      }
    } finally {
      if (endpoint != null) {
        endpoint.stop();
      }
    }
  }
}
