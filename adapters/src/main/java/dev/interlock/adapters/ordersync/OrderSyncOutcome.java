package dev.interlock.adapters.ordersync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an order-sync run did.
 *
 * @param transport how the orders reached order-sync: {@code webhook}, or the broker and its topics
 * @param ordersSynced orders with a charge, an entry, a shipment and an {@code order.synced} event
 * @param deliveries deliveries order-sync handled (first deliveries, duplicates and re-deliveries)
 * @param duplicatesIgnored deliveries of an order already synced
 * @param redeliveries deliveries repeated because order-sync did not acknowledge them (on a feed:
 *     the deliveries of batches not committed, rewound or moved to another member)
 * @param restarts simulated crashes followed by a restart from the state folder (on a feed: a
 *     member killed mid-batch and replaced)
 * @param attempts vendor call attempts
 * @param retries attempts after a failed one
 * @param waits waits scheduled (backoff, Retry-After, rate limit, open circuit)
 * @param waitedMillis time waited in total (virtual or real, as the run's clock)
 * @param deadLetters poison messages set aside, with their reasons
 * @param eventsEmitted {@code order.synced} events published
 * @param ledger per vendor, collection → resources the sandbox created
 * @param virtualTime whether the run was on virtual time (sandboxes started for it) or real time
 *     (sandboxes already running, on their own clock)
 * @param virtualMillis virtual time passed (0 on real time)
 */
public record OrderSyncOutcome(
    long seed,
    String scenario,
    String fulfilmentVersion,
    String transport,
    int orders,
    int ordersSynced,
    int deliveries,
    int duplicatesIgnored,
    int redeliveries,
    int restarts,
    int attempts,
    int retries,
    int waits,
    long waitedMillis,
    List<String> deadLetters,
    int eventsEmitted,
    Map<String, Map<String, Integer>> ledger,
    boolean virtualTime,
    long virtualMillis,
    long wallMillis) {

  public OrderSyncOutcome {
    deadLetters = List.copyOf(deadLetters);
    ledger = Map.copyOf(ledger);
  }

  public String toJson() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("seed", seed);
    o.put("scenario", scenario);
    o.put("fulfilmentVersion", fulfilmentVersion);
    o.put("transport", transport);
    o.put("orders", orders);
    o.put("ordersSynced", ordersSynced);
    o.put("deliveries", deliveries);
    o.put("duplicatesIgnored", duplicatesIgnored);
    o.put("redeliveries", redeliveries);
    o.put("restarts", restarts);
    o.put("attempts", attempts);
    o.put("retries", retries);
    o.put("waits", waits);
    o.put("waitedMillis", waitedMillis);
    o.put("deadLetters", deadLetters.size());
    var reasons = o.putArray("deadLetterReasons");
    deadLetters.forEach(reasons::add);
    o.put("eventsEmitted", eventsEmitted);
    ObjectNode l = o.putObject("ledger");
    new TreeMap<>(ledger)
        .forEach(
            (v, c) -> {
              ObjectNode vn = l.putObject(v);
              new TreeMap<>(c).forEach(vn::put);
            });
    o.put("clock", virtualTime ? "virtual" : "real");
    o.put("virtualMillis", virtualMillis);
    o.put("wallMillis", wallMillis);
    return o.toString();
  }

  /** The human summary the CLI prints. */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "order-sync: scenario %s, seed %d, fulfilment %s%n",
            scenario, seed, fulfilmentVersion));
    b.append(String.format("  transport       %s%n", transport));
    b.append(String.format("  orders synced   %d of %d%n", ordersSynced, orders));
    b.append(
        String.format(
            "  deliveries      %d (%d duplicates ignored, %d re-deliveries, %d restarts)%n",
            deliveries, duplicatesIgnored, redeliveries, restarts));
    b.append(
        String.format(
            "  vendor calls    %d attempts, %d retries, %d waits (%d ms %s)%n",
            attempts, retries, waits, waitedMillis, virtualTime ? "virtual" : "real"));
    b.append(String.format("  dead letters    %d%n", deadLetters.size()));
    deadLetters.forEach(d -> b.append("    - ").append(d).append('\n'));
    b.append(String.format("  events emitted  %d order.synced%n", eventsEmitted));
    new TreeMap<>(ledger)
        .forEach((v, c) -> b.append(String.format("  ledger %-10s %s%n", v, new TreeMap<>(c))));
    b.append(
        virtualTime
            ? String.format(
                "  time            %d ms virtual, %d ms wall%n", virtualMillis, wallMillis)
            : String.format("  time            %d ms wall (real time)%n", wallMillis));
    return b.toString();
  }
}
